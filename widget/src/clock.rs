//! The shell's clock and randomness: the core takes both as arguments.

use outcomes_core::{RecordId, Timestamp};

/// Now, as the browser knows it.
pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// A new record id from `crypto.getRandomValues`, which plain-HTTP pages have too (unlike
/// `crypto.randomUUID`).
pub fn new_record_id() -> RecordId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Without Web Crypto, Math.random still keeps ids of different records apart.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    RecordId::from_random_bytes(bytes)
}

/// A new id for something the person adds (an outcome, an action): `prefix`, a dash and 8 hex
/// digits from the same randomness as record ids. The core refuses an id already used in the
/// record, so a clash shows as a problem and nothing is lost.
pub fn new_id(prefix: &str) -> outcomes_core::Id {
    let mut bytes = [0u8; 4];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    outcomes_core::Id::new(format!("{prefix}-{hex}"))
        .unwrap_or_else(|_| unreachable!("a short lower-case prefix and hex digits make an id"))
}
