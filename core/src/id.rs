//! Validated identifiers. An [`Id`] names things inside a template (the template itself,
//! sections, prompts, tags, scales); a [`RecordId`] names a record and is made by the client.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid [`Id`] or [`RecordId`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub value: String,
    pub reason: &'static str,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a valid id: {}", self.value, self.reason)
    }
}

impl std::error::Error for IdError {}

const MAX_ID_LEN: usize = 64;

/// A short machine name such as `what-matters` or `feeling-safe`: 1 to 64 characters, lower-case
/// ASCII letters, digits, `-` and `_`, starting with a letter or digit. Ids are stable keys in
/// records, so they are kept plain enough to survive CSV columns, URLs and FHIR `linkId`s.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

impl Id {
    pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
        let value = value.into();
        let reason = if value.is_empty() {
            Some("it is empty")
        } else if value.len() > MAX_ID_LEN {
            Some("it is longer than 64 characters")
        } else if !value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            Some("use only lower-case letters a-z, digits, '-' and '_'")
        } else if !value.as_bytes()[0].is_ascii_alphanumeric() {
            Some("it must start with a letter or a digit")
        } else {
            None
        };
        match reason {
            Some(reason) => Err(IdError { value, reason }),
            None => Ok(Self(value)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id written in this library's own code (a role's name), valid by construction.
    pub(crate) fn known(value: &'static str) -> Self {
        debug_assert!(Self::new(value).is_ok(), "{value} is not a valid id");
        Self(value.to_owned())
    }
}

impl TryFrom<String> for Id {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of a record, made by the client when a conversation starts (a UUID in the widget) and
/// never changed afterwards: it is the idempotency key when the record is submitted. 1 to 128
/// printable ASCII characters without spaces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(String);

impl RecordId {
    pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
        let value = value.into();
        let reason = if value.is_empty() {
            Some("it is empty")
        } else if value.len() > 128 {
            Some("it is longer than 128 characters")
        } else if !value.bytes().all(|b| b.is_ascii_graphic()) {
            Some("use only printable ASCII characters without spaces")
        } else {
            None
        };
        match reason {
            Some(reason) => Err(IdError { value, reason }),
            None => Ok(Self(value)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl RecordId {
    /// A version 4 UUID made from 16 random bytes the caller provides (the core has no
    /// randomness of its own).
    pub fn from_random_bytes(mut bytes: [u8; 16]) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let mut uuid = String::with_capacity(36);
        for (i, byte) in bytes.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                uuid.push('-');
            }
            push_hex(&mut uuid, *byte);
        }
        Self(uuid)
    }
}

/// Appends `byte` as two lower-case hex digits.
pub(crate) fn push_hex(out: &mut String, byte: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push(char::from(DIGITS[usize::from(byte >> 4)]));
    out.push(char::from(DIGITS[usize::from(byte & 15)]));
}

impl TryFrom<String> for RecordId {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> Self {
        id.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_plain_machine_names() {
        for ok in ["what-matters", "q1", "feeling_safe", "9-lives"] {
            assert!(Id::new(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn ids_reject_with_a_reason() {
        let cases = [
            ("", "it is empty"),
            (
                "What",
                "use only lower-case letters a-z, digits, '-' and '_'",
            ),
            ("-x", "it must start with a letter or a digit"),
            (
                "a b",
                "use only lower-case letters a-z, digits, '-' and '_'",
            ),
        ];
        for (bad, reason) in cases {
            assert_eq!(Id::new(bad).unwrap_err().reason, reason, "{bad:?}");
        }
        assert!(Id::new("x".repeat(65)).is_err());
    }

    #[test]
    fn record_ids_from_random_bytes_are_v4_uuids() {
        let id = RecordId::from_random_bytes([0xff; 16]);
        assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(RecordId::new(id.as_str()), Ok(id));
    }

    #[test]
    fn record_ids_take_uuids_and_refuse_spaces() {
        assert!(RecordId::new("0b6c7f64-3a52-4f8e-9d0e-2b8f4f1f9a10").is_ok());
        assert!(RecordId::new("has space").is_err());
        assert!(RecordId::new("").is_err());
    }
}
