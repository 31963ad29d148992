//! Exports of templates and records: canonical JSON, CSV (long format), FHIR R4, and summaries
//! written for the person (plain text and HTML).

/// Canonical JSON: object keys sorted, no insignificant whitespace. Equal values give equal
/// bytes, so canonical JSON can be hashed, diffed and signed.
pub fn canonical_json<T: serde::Serialize>(value: &T) -> String {
    // Going through `serde_json::Value` sorts keys (its map is a BTreeMap).
    serde_json::to_value(value)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

pub mod csv;
pub mod fhir;
pub mod summary;
