//! JSON Schemas for templates and records, generated from the types (feature `schema`). The
//! committed copies in `core/schemas/` are checked by a test: it fails when they drift from the
//! code; regenerate them with `UPDATE_EXPECT=1 cargo test -p outcomes-core schema`.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::{Date, Id, Record, RecordId, Template, Text, Timestamp};

/// The JSON Schema (2020-12) of the template format, pretty-printed.
pub fn template_schema() -> String {
    pretty(schemars::schema_for!(Template))
}

/// The JSON Schema (2020-12) of the record format, pretty-printed.
pub fn record_schema() -> String {
    pretty(schemars::schema_for!(Record))
}

fn pretty(schema: Schema) -> String {
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A short machine name: lower-case letters, digits, '-' and '_', starting with a letter or digit.",
            "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$"
        })
    }
}

impl JsonSchema for RecordId {
    fn schema_name() -> Cow<'static, str> {
        "RecordId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Made by the client (e.g. a UUID); printable ASCII without spaces.",
            "pattern": "^[!-~]{1,128}$"
        })
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A UTC time, YYYY-MM-DDTHH:MM:SS(.fff)Z.",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$"
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A calendar date, YYYY-MM-DD.",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text in the template's default language, or texts by language code.",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_schemas_match_the_code() {
        expect_test::expect_file!["../schemas/template.schema.json"]
            .assert_eq(&super::template_schema());
        expect_test::expect_file!["../schemas/record.schema.json"]
            .assert_eq(&super::record_schema());
    }

    #[test]
    fn the_schemas_accept_what_the_library_writes() {
        // A light check without a schema validator: every top-level property the library
        // writes is declared.
        let schema: serde_json::Value =
            serde_json::from_str(&super::record_schema()).expect("JSON");
        let (_, record) = crate::sample::review();
        let value = serde_json::to_value(&record).expect("JSON");
        for key in value.as_object().expect("an object").keys() {
            assert!(schema["properties"].get(key).is_some(), "{key}");
        }
    }
}
