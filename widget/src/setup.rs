//! What the element asks for: which template, in which language. Read once when it mounts.

use std::fmt;
use std::sync::Arc;

use outcomes_core::builtin::{self, UnknownTemplate};
use outcomes_core::{Fit, LoadError, Mode, Named, Record, Template, TemplateError, ValidTemplate};

use crate::host::Host;
use crate::storage::{Kept, Shelf, StorageProblem};

/// A template shared by components; compared by identity, so passing it costs nothing.
#[derive(Debug, Clone)]
pub struct SharedTemplate(pub Arc<ValidTemplate>);

impl PartialEq for SharedTemplate {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Loads the exports module (see `outcomes-widget.js`); compared by identity.
#[derive(Debug, Clone)]
pub struct ExportsLoader(pub js_sys::Function);

impl PartialEq for ExportsLoader {
    fn eq(&self, other: &Self) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

/// A template the widget can run, the language to show it in, and the draft saved earlier.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    pub template: Arc<ValidTemplate>,
    /// The template reviews are held with (the `review-template` attribute, a built-in name;
    /// `review` unless it says otherwise).
    pub review_template: Arc<ValidTemplate>,
    pub lang: String,
    pub mode: Mode,
    /// Easy read (the `easy-read` attribute): short sentences, larger text, pictures.
    pub easy_read: bool,
    /// In review mode, the record being reviewed, when the page gives it.
    pub earlier: Option<Arc<Record>>,
    pub store: Shelf,
    /// The organisation's name, for the summary people keep (the `organisation` attribute).
    pub organisation: Option<String>,
    /// Clear a conversation from this device once the organisation has it (the
    /// `clear-when-sent` attribute, for shared devices).
    pub clear_when_sent: bool,
    /// The base address for FHIR extensions in downloads (`fhir-base` attribute).
    pub fhir_base: String,
    /// Loads the exports module for downloads; none where the page gave no loader.
    pub exports: Option<ExportsLoader>,
    /// Where finished conversations are sent (the `endpoint` attribute, resolved against the
    /// page's address); none means nothing is sent anywhere.
    pub endpoint: Option<String>,
    /// The conversation on screen when this widget was last used on this device, if any, or why
    /// it could not be read.
    pub draft: Result<Option<Kept>, StorageProblem>,
}

/// Where the widget's template comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateSource {
    Ready(Arc<ValidTemplate>),
    /// An http(s) address (relative ones resolved against the page's address).
    Address(String),
}

/// Reads the `mode` attribute: one of the core's mode names.
fn parse_mode(name: &str) -> Result<Mode, SetupError> {
    Mode::from_name(name.trim()).ok_or_else(|| SetupError::Mode {
        given: name.to_owned(),
        did_you_mean: outcomes_core::suggest::closest(name.trim(), Mode::NAMES.iter().copied())
            .map(str::to_owned),
    })
}

/// Why the widget cannot start. Shown inside the widget, never only in the console.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupError {
    /// Neither a `template` attribute nor an inline JSON template.
    NoTemplate,
    UnknownTemplate(UnknownTemplate),
    /// The `template` attribute is an address that is not http(s).
    TemplateAddress(String),
    /// The template at the `template` address could not be fetched.
    TemplateFetch {
        address: String,
        problem: String,
    },
    /// The template at the `template` address is not a usable template.
    RemoteTemplate {
        address: String,
        error: TemplateError,
    },
    /// The inline `<script type="application/json">` template is not a usable template.
    InlineTemplate(TemplateError),
    /// The `endpoint` attribute is not an address.
    Endpoint(String),
    /// The `mode` attribute is not one the widget knows.
    Mode {
        given: String,
        did_you_mean: Option<String>,
    },
    /// The earlier record to review could not be read.
    EarlierRecord(LoadError),
    /// The `review-template` attribute names no built-in template.
    ReviewTemplate(UnknownTemplate),
}

impl SetupError {
    /// A stable code for the `outcomes-error` event.
    pub fn code(&self) -> &'static str {
        match self {
            SetupError::NoTemplate => "no-template",
            SetupError::UnknownTemplate(_) => "unknown-template",
            SetupError::TemplateAddress(_) => "invalid-template-address",
            SetupError::TemplateFetch { .. } => "template-fetch-failed",
            SetupError::RemoteTemplate { .. } => "invalid-template",
            SetupError::InlineTemplate(_) => "invalid-template",
            SetupError::Endpoint(_) => "invalid-endpoint",
            SetupError::Mode { .. } => "unknown-mode",
            SetupError::EarlierRecord(_) => "invalid-earlier-record",
            SetupError::ReviewTemplate(_) => "unknown-review-template",
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
                "The template attribute \"{address}\" is neither a built-in template ({}) nor a \
                 web address. Give a built-in name, the address of a template's JSON \
                 (https://… or a path on this site such as /templates/ours.json), or put the \
                 JSON inside the element in a <script type=\"application/json\">.",
                builtin::names().collect::<Vec<_>>().join(", ")
            ),
            SetupError::TemplateFetch { address, problem } => write!(
                f,
                "The template could not be fetched from {address}: {problem}. Check that the \
                 address is right, that the file is served, and, if it is on another site, that \
                 the site allows this page to read it (CORS) and this page's \
                 Content-Security-Policy allows connecting to it (connect-src)."
            ),
            SetupError::RemoteTemplate { address, error } => {
                write!(f, "The template at {address} cannot be used: {error}")
            }
            SetupError::InlineTemplate(err) => {
                write!(f, "The template inside the element cannot be used: {err}")
            }
            SetupError::Endpoint(endpoint) => write!(
                f,
                "The endpoint attribute \"{endpoint}\" is not a web address. Give the full address \
                 (https://…) or a path on this site (/outcomes/submit) where finished conversations \
                 should be sent, or leave the attribute out to send nothing."
            ),
            SetupError::Mode { given, did_you_mean } => {
                write!(f, "The mode attribute says \"{given}\", which is not a mode.")?;
                if let Some(suggestion) = did_you_mean {
                    write!(f, " Did you mean \"{suggestion}\"?")?;
                }
                write!(f, " Modes: {}.", Mode::NAMES.join(", "))
            }
            SetupError::EarlierRecord(err) => write!(f, "The earlier record to review cannot be used: {err}"),
            SetupError::ReviewTemplate(err) => write!(
                f,
                "The review-template attribute says \"{}\", but {err}",
                err.name
            ),
        }
    }
}

impl Setup {
    /// Where the template comes from: built in or inline (ready now), or an address to fetch it
    /// from (a `template` attribute with `/`, `:` or `.` in it, which no built-in name has).
    pub fn source(host: &Host) -> Result<TemplateSource, SetupError> {
        Ok(TemplateSource::Ready(match host.attribute("template") {
            Some(name) if name.contains(['/', ':', '.']) => {
                return resolve_address(&name)
                    .map(TemplateSource::Address)
                    .ok_or(SetupError::TemplateAddress(name));
            }
            Some(name) => builtin::template(name.trim()).map_err(SetupError::UnknownTemplate)?,
            None => {
                let json = host.inline_template().ok_or(SetupError::NoTemplate)?;
                Arc::new(Template::from_json(&json).map_err(SetupError::InlineTemplate)?)
            }
        }))
    }

    /// Fetches the template at `address` and reads it, with a located error if either fails.
    pub async fn fetch_template(address: &str) -> Result<Arc<ValidTemplate>, SetupError> {
        let json = crate::submit::fetch_text(address)
            .await
            .map_err(|problem| SetupError::TemplateFetch {
                address: address.to_owned(),
                problem,
            })?;
        Template::from_json(&json)
            .map(Arc::new)
            .map_err(|error| SetupError::RemoteTemplate {
                address: address.to_owned(),
                error,
            })
    }

    /// The rest of the set-up, once the template is known: the language is the element's
    /// `lang`, else the page's, else the template's own.
    pub fn with_template(host: &Host, template: Arc<ValidTemplate>) -> Result<Self, SetupError> {
        let lang = page_lang(host).unwrap_or_else(|| template.default_lang.clone());
        let endpoint = match host.attribute("endpoint").filter(|e| !e.trim().is_empty()) {
            Some(endpoint) => {
                Some(resolve_address(&endpoint).ok_or(SetupError::Endpoint(endpoint))?)
            }
            None => None,
        };
        let mode = host
            .attribute("mode")
            .map_or(Ok(Mode::Practitioner), |m| parse_mode(&m))?;
        let earlier = match (mode, host.inline_earlier_record()) {
            (Mode::Review, Some(json)) => Some(Arc::new(
                Record::from_json(&json).map_err(SetupError::EarlierRecord)?,
            )),
            _ => None,
        };
        let review_template = match host.attribute("review-template") {
            Some(name) if !name.trim().is_empty() => {
                builtin::template(name.trim()).map_err(SetupError::ReviewTemplate)?
            }
            _ if template.id.as_str() == "review" => Arc::clone(&template),
            _ => builtin::template("review").map_err(SetupError::ReviewTemplate)?,
        };
        let store = Shelf::for_host(host, template.id.as_str());
        let draft = store.open_current(&crate::clock::now());
        let fhir_base = host
            .attribute("fhir-base")
            .filter(|b| !b.trim().is_empty())
            .unwrap_or_else(|| outcomes_core::export::fhir::DEFAULT_BASE.to_owned());
        Ok(Self {
            template,
            review_template,
            lang,
            mode,
            easy_read: easy_read(host),
            earlier,
            store,
            organisation: host
                .attribute("organisation")
                .filter(|o| !o.trim().is_empty()),
            clear_when_sent: boolean(host, "clear-when-sent"),
            fhir_base,
            exports: None,
            endpoint,
            draft,
        })
    }

    /// The template a kept record can be opened with: this widget's, its review template, or
    /// a built-in one of that id. `None` for a record made with a template this page does not
    /// have.
    pub fn template_for(&self, record: &Record) -> Option<Arc<ValidTemplate>> {
        // Made with this page's template (this version or another: answers to prompts it no
        // longer has stay in the record and show as "also said"), its review template, or a
        // built-in one.
        [&self.template, &self.review_template]
            .into_iter()
            .find(|template| !matches!(record.fit(template), Fit::OtherTemplate { .. }))
            .cloned()
            .or_else(|| builtin::template(record.template.id.as_str()).ok())
    }
}

/// The element's `lang`, else the page's.
pub fn page_lang(host: &Host) -> Option<String> {
    host.attribute("lang")
        .or_else(|| {
            let html = web_sys::window()?.document()?.document_element()?;
            html.get_attribute("lang")
        })
        .map(|lang| lang.trim().to_owned())
        .filter(|lang| !lang.is_empty())
}

/// Whether the element asks for easy read: `easy-read`, `easy-read=""` or `easy-read="true"`
/// (any value but `"false"`, as HTML's boolean attributes go).
pub fn easy_read(host: &Host) -> bool {
    boolean(host, "easy-read")
}

/// A boolean attribute: present, empty or any value but `"false"`, as HTML's go.
fn boolean(host: &Host, name: &str) -> bool {
    host.attribute(name)
        .is_some_and(|value| !value.trim().eq_ignore_ascii_case("false"))
}

/// An http(s) address, relative ones resolved against the page's address.
fn resolve_address(address: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let url = web_sys::Url::new_with_base(address.trim(), &base).ok()?;
    matches!(url.protocol().as_str(), "https:" | "http:").then(|| url.href())
}
