//! Template parsing: `cargo +nightly fuzz run template_json` (from `core/`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    outcomes_core::fuzzing::template_json(data);
});
