//! What the element asks for: which template, in which language. Read once when it mounts.

use std::fmt;
use std::sync::Arc;

use outcomes_core::builtin::{self, UnknownTemplate};
use outcomes_core::{Template, TemplateError};

use crate::host::Host;
use crate::storage::{Draft, DraftStore, StorageProblem};

/// A template the widget can run, the language to show it in, and the draft saved earlier.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    pub template: Arc<Template>,
    pub lang: String,
    pub store: DraftStore,
    /// The draft saved on this device by this widget earlier, if any, or why it could not be read.
    pub draft: Result<Option<Draft>, StorageProblem>,
}

/// Why the widget cannot start. Shown inside the widget, never only in the console.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupError {
    /// Neither a `template` attribute nor an inline JSON template.
    NoTemplate,
    UnknownTemplate(UnknownTemplate),
    /// The `template` attribute looks like an address; this version reads built-in names and
    /// inline JSON only.
    TemplateAddress(String),
    /// The inline `<script type="application/json">` template is not a usable template.
    InlineTemplate(TemplateError),
}

impl SetupError {
    /// A stable code for the `outcomes-error` event.
    pub fn code(&self) -> &'static str {
        match self {
            SetupError::NoTemplate => "no-template",
            SetupError::UnknownTemplate(_) => "unknown-template",
            SetupError::TemplateAddress(_) => "template-address-unsupported",
            SetupError::InlineTemplate(_) => "invalid-template",
        }
    }
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetupError::NoTemplate => f.write_str(
                "No template was given. Add template=\"what-matters\" to the \
                 <outcomes-conversation> element, or put a template's JSON inside it in a \
                 <script type=\"application/json\">.",
            ),
            SetupError::UnknownTemplate(err) => {
                write!(f, "The template attribute says \"{}\", but {err}", err.name)
            }
            SetupError::TemplateAddress(address) => write!(
                f,
                "The template attribute \"{address}\" looks like an address. This version reads \
                 built-in template names ({}) or a template's JSON inside the element in a \
                 <script type=\"application/json\">.",
                builtin::names().collect::<Vec<_>>().join(", ")
            ),
            SetupError::InlineTemplate(err) => {
                write!(f, "The template inside the element cannot be used: {err}")
            }
        }
    }
}

impl Setup {
    /// Reads the host element: a `template` attribute names a built-in template; without one,
    /// an inline JSON template is used. The language is the element's `lang`, else the page's,
    /// else the template's own.
    pub fn read(host: &Host) -> Result<Self, SetupError> {
        let template = match host.attribute("template") {
            Some(name) if name.contains(['/', ':', '.']) => {
                return Err(SetupError::TemplateAddress(name))
            }
            Some(name) => builtin::template(name.trim()).map_err(SetupError::UnknownTemplate)?,
            None => {
                let json = host.inline_template().ok_or(SetupError::NoTemplate)?;
                Arc::new(Template::from_json(&json).map_err(SetupError::InlineTemplate)?)
            }
        };
        let lang = host
            .attribute("lang")
            .or_else(|| {
                let html = web_sys::window()?.document()?.document_element()?;
                html.get_attribute("lang")
            })
            .filter(|lang| !lang.trim().is_empty())
            .unwrap_or_else(|| template.default_lang.clone());
        let store = DraftStore::for_host(host, template.id.as_str());
        let draft = store.load(&crate::clock::now(), template.id.as_str());
        Ok(Self {
            template,
            lang,
            store,
            draft,
        })
    }
}
