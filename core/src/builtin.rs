//! Templates that ship with the library. Every prompt and guidance text is the project's own
//! writing (see the licence notes in the domain documentation).

use std::fmt;
use std::sync::Arc;

use crate::template::{Template, ValidTemplate};

/// Built-in templates by name, as JSON.
const BUILTIN: &[(&str, &str)] = &[
    (
        "what-matters",
        include_str!("../templates/what-matters.json"),
    ),
    ("review", include_str!("../templates/review.json")),
    ("carer", include_str!("../templates/carer.json")),
    ("children", include_str!("../templates/children.json")),
    (
        "member-evaluation",
        include_str!("../templates/member-evaluation.json"),
    ),
    (
        "goal-attainment",
        include_str!("../templates/goal-attainment.json"),
    ),
];

/// The names that `<outcomes-conversation template="…">` accepts.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(name, _)| *name)
}

/// A built-in template by name.
pub fn template(name: &str) -> Result<Arc<ValidTemplate>, UnknownTemplate> {
    let json = BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, json)| *json)
        .ok_or_else(|| UnknownTemplate {
            name: name.to_owned(),
            did_you_mean: crate::suggest::closest(name, names()).map(str::to_owned),
        })?;
    // Built-in templates are checked by this module's tests, so this cannot fail at run time;
    // an error still reads as "unknown" rather than panicking in a host page.
    Template::from_json(json)
        .map(Arc::new)
        .map_err(|_| UnknownTemplate {
            name: name.to_owned(),
            did_you_mean: None,
        })
}

/// No built-in template has this name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTemplate {
    pub name: String,
    pub did_you_mean: Option<String>,
}

impl fmt::Display for UnknownTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "there is no built-in template called \"{}\".", self.name)?;
        if let Some(suggestion) = &self.did_you_mean {
            write!(f, " Did you mean \"{suggestion}\"?")?;
        }
        let names: Vec<_> = names().collect();
        write!(f, " Built-in templates: {}.", names.join(", "))
    }
}

impl std::error::Error for UnknownTemplate {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_loads_and_is_valid() {
        for name in names() {
            let template = template(name).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(template.id.as_str(), name);
        }
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let err = template("what-maters").unwrap_err();
        assert_eq!(
            err.to_string(),
            "there is no built-in template called \"what-maters\". Did you mean \"what-matters\"? \
             Built-in templates: what-matters, review, carer, children, member-evaluation, goal-attainment."
        );
        assert_eq!(template("zzz").unwrap_err().did_you_mean, None);
    }
}
