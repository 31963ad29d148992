//! Errors that say what is wrong, where, and how to fix it.

use std::fmt;

/// A template or record could not be read at all: the JSON is malformed, or a value has the
/// wrong shape. `path` is a JSON path such as `sections[0].prompts[2].kind`; `line` and `column`
/// point into the text that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// What was being read: "template", "record".
    pub what: &'static str,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Reads one JSON value of type `T` and nothing after it, with the path of the first error.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    json: &str,
) -> Result<T, LoadError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        LoadError::new(
            what,
            if path == "." { String::new() } else { path },
            &err.into_inner(),
        )
    })?;
    de.end()
        .map_err(|err| LoadError::new(what, String::new(), &err))?;
    Ok(value)
}

impl LoadError {
    /// A problem found after the JSON was read, at a JSON path (no text position).
    pub(crate) fn at(what: &'static str, path: &str, message: String) -> Self {
        Self {
            what,
            path: path.to_owned(),
            line: 0,
            column: 0,
            message,
        }
    }

    fn new(what: &'static str, path: String, inner: &serde_json::Error) -> Self {
        let message = match inner.classify() {
            serde_json::error::Category::Eof => {
                "the text ends too early: a closing bracket, brace or quote is missing".to_owned()
            }
            serde_json::error::Category::Syntax => {
                format!("this is not valid JSON: {}", strip_position(inner))
            }
            _ => strip_position(inner),
        };
        Self {
            what,
            path,
            line: inner.line(),
            column: inner.column(),
            message,
        }
    }
}

/// serde_json appends " at line L column C"; we report the position in fields of our own.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the {} could not be read", self.what)?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for LoadError {}

/// One thing wrong with a template or record that was read: where (a JSON path) and what, in
/// plain language. Validation returns every problem at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationProblem {
    pub path: String,
    pub message: String,
}

impl ValidationProblem {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ValidationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
