//! Texts shown to people, in one or more languages.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text written in the template's default language (`"What matters to you?"`) or in several
/// languages (`{"en": "What matters to you?", "gd": "…"}`). Showing it picks the asked language,
/// then the template's default language, then the first one there is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Translated(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang` (or its base language: `en` for `en-GB`), falling back to `default_lang`
    /// and then to any translation there is.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        match self {
            Text::Plain(text) => text,
            Text::Translated(texts) => {
                let base = base_lang(lang);
                [lang, base, default_lang]
                    .iter()
                    .find_map(|l| texts.get(*l))
                    .or_else(|| texts.values().next())
                    .map_or("", String::as_str)
            }
        }
    }

    /// Every translation, for validation and exports; a plain text is `(None, text)`.
    pub fn translations(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Text::Plain(text) => vec![(None, text.as_str())],
            Text::Translated(texts) => texts
                .iter()
                .map(|(lang, text)| (Some(lang.as_str()), text.as_str()))
                .collect(),
        }
    }
}

/// The language part of a language tag: `gd` for `gd-GB`, `en` for `en-x-easy` (as written:
/// compare it case-insensitively).
pub fn base_lang(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

/// `message` with each `{name}` replaced by its value. Values are put in as they are, and once:
/// a value that contains braces (the person's words may) is not searched again. A placeholder
/// without a value is left as written.
pub fn fill(message: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(message.len() + 32);
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((close, value))
        });
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s a message uses, e.g. to check that a translation fills the same places.
pub fn placeholders(message: &str) -> std::collections::BTreeSet<&str> {
    message
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => serializer.serialize_str(text),
            Text::Translated(texts) => texts.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a text, or an object of texts by language such as {"en": "…"}"#)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    texts.insert(lang, text);
                }
                if texts.is_empty() {
                    return Err(de::Error::custom(
                        "a translated text needs at least one language",
                    ));
                }
                Ok(Text::Translated(texts))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_then_base_then_default_then_any() {
        let text: Text = serde_json::from_str(r#"{"en": "Hello", "gd": "Halò"}"#).unwrap();
        assert_eq!(text.get("gd", "en"), "Halò");
        assert_eq!(text.get("en-GB", "en"), "Hello");
        assert_eq!(text.get("ar", "en"), "Hello");
        assert_eq!(text.get("ar", "cy"), "Hello");
        let plain: Text = serde_json::from_str(r#""Hi""#).unwrap();
        assert_eq!(plain.get("gd", "en"), "Hi");
    }

    #[test]
    fn fill_puts_values_in_verbatim_once() {
        assert_eq!(
            fill(
                "{who} said {what}.",
                &[("who", "Ann"), ("what", "{who} & <b>")]
            ),
            "Ann said {who} & <b>."
        );
        assert_eq!(fill("a {missing} b", &[]), "a {missing} b");
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(base_lang("gd-GB"), "gd");
        assert_eq!(base_lang("en-x-easy"), "en");
        assert_eq!(base_lang("ar"), "ar");
    }

    #[test]
    fn round_trips_both_shapes() {
        for json in [r#""Hi""#, r#"{"en":"Hi","gd":"Halò"}"#] {
            let text: Text = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&text).unwrap(), json);
        }
    }

    #[test]
    fn refuses_an_empty_translation_map() {
        assert!(serde_json::from_str::<Text>("{}").is_err());
        assert!(serde_json::from_str::<Text>("3").is_err());
    }
}
