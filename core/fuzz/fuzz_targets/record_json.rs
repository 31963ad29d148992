//! Record parsing: `cargo +nightly fuzz run record_json` (from `core/`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    outcomes_core::fuzzing::record_json(data);
});
