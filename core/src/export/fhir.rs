//! FHIR R4: a template as a `Questionnaire`, a record as a `QuestionnaireResponse`, and back.
//!
//! The response keeps everything the record holds, so [`record_from_questionnaire_response`]
//! gives back the same record:
//! - each section is a `group` item (link id `section/<id>`), each prompt an item inside it (`text`/`string`, `choice`,
//!   `boolean` for consent, `display` for information, outcomes, actions and prompts that rate
//!   outcomes); a prompt that rates itself is a repeating `group` with one instance per rating;
//! - the date agreed for the next conversation is the `date` item `record/next-review`, right
//!   after the prompt that asks when to talk again (`"next_review": true`), or after the
//!   sections when the template has no such prompt;
//! - the record's participants (with the organisation's reference), outcomes (with every
//!   rating), actions and removals follow as repeating groups with link ids starting `record/`
//!   (ids in templates cannot contain `/`);
//! - a rating's point is a `valueCoding` in the scale's code system; a view given without a
//!   point yet has no `value` item and names its scale in the extension `…/rating-scale`; a view
//!   carried forward from an earlier record names that record in the item `…/from`;
//! - when an answer was given goes in the extension `…/answered-at`, who gave consent in
//!   `…/answered-by`; an empty text answer (FHIR strings cannot be empty) is an item with no
//!   answer and the extension `…/empty-answer`;
//! - answers the template has no place for (a record made with an earlier version, whose
//!   prompt is gone or now asks for something else) go in instances of the repeating group
//!   `record/other-answers`, so the response still answers its questionnaire;
//! - the record's own facts are extensions on the response: `…/record-created`,
//!   `…/record-status` (draft, complete, submitted), `…/record-revision`, `…/record-completed`
//!   (when this revision was finished), `…/record-replaces` (the finished revision this one
//!   changes: `revision` and `completed`), `…/template-hash`, `…/reviews`;
//! - `status` is FHIR's: `in-progress` for a draft, `completed` for a finished first revision,
//!   `amended` for a finished later one (changed after it was first finished);
//! - `subject` and `author` identify the person and the practitioner by the organisation's
//!   reference for them, when it has one (logical references: nothing to resolve);
//! - `questionnaire` names the template version the response is laid out by; the extension
//!   `…/record-template` keeps the id and version the record was made with;
//! - other languages of template texts use the standard `translation` extension; a prompt's
//!   texts for the person on their own (`self_text`, `self_hint`) are the extensions
//!   `…/self-text` and `…/self-hint` on its item.
//!
//! Extensions and code systems live under a base URL, [`DEFAULT_BASE`] unless the organisation
//! passes its own.

use serde_json::{json, Map, Value};

use crate::error::LoadError;
use crate::id::{Id, RecordId};
use crate::names::Named;
use crate::record::{
    AgreedAction, Answer, Choice, Consent, Outcome, OutcomeKind, Participant, Rating, Record,
    Removal, Removed, Replaced, Role, Status, TemplateRef, RECORD_FORMAT_VERSION,
};
use crate::template::{Prompt, PromptKind, Rates, Template};
use crate::text::Text;
use crate::time::{Date, Timestamp};

/// Where our extensions and code systems are defined. `example.org` is reserved for examples:
/// an organisation publishing these resources passes its own base.
pub const DEFAULT_BASE: &str = "https://example.org/outcomes";

const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
const HIDDEN: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";

struct Urls<'a>(&'a str);

impl Urls<'_> {
    fn ext(&self, name: &str) -> String {
        format!("{}/StructureDefinition/{name}", self.0)
    }
    fn system(&self, name: &str) -> String {
        format!("{}/CodeSystem/{name}", self.0)
    }
    fn scale(&self, scale: &Id) -> String {
        self.system(&format!("scale-{scale}"))
    }
    fn questionnaire(&self, template: &Id) -> String {
        format!("{}/Questionnaire/{template}", self.0)
    }
}

/// A FHIR id (`[A-Za-z0-9\-\.]{1,64}`), when the value is one.
fn fhir_id(value: &str) -> Option<&str> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    ok.then_some(value)
}

/// `what-matters` as `WhatMatters`, for `Questionnaire.name`.
fn computer_name(id: &Id) -> String {
    let mut name = String::new();
    let mut upper = true;
    for c in id.as_str().chars() {
        if c == '-' || c == '_' {
            upper = true;
        } else if upper {
            name.extend(c.to_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'T');
    }
    name
}

/// Sets `key` to the text in the default language, and `_key` to its translations.
fn put_text(obj: &mut Map<String, Value>, key: &str, text: &Text, default_lang: &str) {
    obj.insert(key.into(), json!(text.get(default_lang, default_lang)));
    if let Text::Translated(texts) = text {
        let translations: Vec<Value> = texts
            .iter()
            .filter(|(lang, _)| lang.as_str() != default_lang)
            .map(|(lang, content)| {
                json!({"url": TRANSLATION, "extension": [
                    {"url": "lang", "valueCode": lang},
                    {"url": "content", "valueString": content},
                ]})
            })
            .collect();
        if !translations.is_empty() {
            obj.insert(format!("_{key}"), json!({ "extension": translations }));
        }
    }
}

fn item(link_id: &str, kind: &str, text: &str) -> Map<String, Value> {
    let mut item = Map::new();
    item.insert("linkId".into(), json!(link_id));
    if !text.is_empty() {
        item.insert("text".into(), json!(text));
    }
    item.insert("type".into(), json!(kind));
    item
}

fn hidden(mut item: Map<String, Value>) -> Value {
    item.insert(
        "extension".into(),
        json!([{"url": HIDDEN, "valueBoolean": true}]),
    );
    Value::Object(item)
}

fn repeating(mut item: Map<String, Value>) -> Map<String, Value> {
    item.insert("repeats".into(), json!(true));
    item
}

fn group(link_id: &str, text: &str, repeats: bool, children: Vec<Value>) -> Value {
    let mut g = item(link_id, "group", text);
    if repeats {
        g.insert("repeats".into(), json!(true));
    }
    g.insert("item".into(), Value::Array(children));
    Value::Object(g)
}

/// The codings of every value of a [`Named`] enum, each shown as its name.
fn named_codings<T: Named>(system: &str) -> Value {
    let codes: Vec<(&str, &str)> = T::NAMES.iter().map(|name| (*name, *name)).collect();
    codings(system, &codes)
}

fn codings(system: &str, codes: &[(&str, &str)]) -> Value {
    Value::Array(
        codes
            .iter()
            .map(|(code, display)| {
                json!({"valueCoding": {"system": system, "code": code, "display": display}})
            })
            .collect(),
    )
}

/// The rating sub-items, shared by prompts that rate themselves and by outcomes.
fn rating_items(prefix: &str, value: Map<String, Value>) -> Vec<Value> {
    let mut value = value;
    value.insert("linkId".into(), json!(format!("{prefix}/value")));
    vec![
        Value::Object(value),
        Value::Object(item(&format!("{prefix}/reason"), "text", "Why")),
        Value::Object(item(&format!("{prefix}/by"), "string", "Rated by")),
        hidden(item(&format!("{prefix}/at"), "dateTime", "Rated at")),
        hidden(item(
            &format!("{prefix}/from"),
            "string",
            "Given in the earlier record",
        )),
        hidden(item(&format!("{prefix}/prompt"), "string", "In answer to")),
    ]
}

/// The link id of the date agreed for the next conversation.
const NEXT_REVIEW: &str = "record/next-review";

/// The extension `url` with a text as its `valueString`, other languages as translations.
fn text_extension(url: String, text: &Text, default_lang: &str) -> Value {
    let mut extension = Map::new();
    extension.insert("url".into(), json!(url));
    put_text(&mut extension, "valueString", text, default_lang);
    Value::Object(extension)
}

/// The template as a FHIR R4 `Questionnaire` (JSON), with our extensions under `base`.
pub fn questionnaire(template: &Template, base: &str) -> String {
    let urls = Urls(base);
    let lang = template.default_lang.as_str();
    let mut q = Map::new();
    q.insert("resourceType".into(), json!("Questionnaire"));
    if let Some(id) = fhir_id(template.id.as_str()) {
        q.insert("id".into(), json!(id));
    }
    q.insert("language".into(), json!(lang));
    q.insert("url".into(), json!(urls.questionnaire(&template.id)));
    q.insert(
        "identifier".into(),
        json!([{"system": urls.system("template-hash"), "value": template.content_hash()}]),
    );
    q.insert("version".into(), json!(template.version));
    q.insert("name".into(), json!(computer_name(&template.id)));
    put_text(&mut q, "title", &template.title, lang);
    q.insert("status".into(), json!("active"));
    if let Some(description) = &template.description {
        put_text(&mut q, "description", description, lang);
    }
    let mut items = Vec::new();
    for section in &template.sections {
        let mut children = Vec::new();
        for prompt in &section.prompts {
            let text = template.text(&prompt.text, lang);
            let kind = match &prompt.kind {
                PromptKind::Text { short: true, .. } => "string",
                PromptKind::Text { short: false, .. } => "text",
                PromptKind::Choice { .. } => "choice",
                PromptKind::Consent { .. } => "boolean",
                PromptKind::Rating {
                    rates: Rates::Prompt,
                    ..
                } => "group",
                _ => "display",
            };
            let mut p = item(prompt.id.as_str(), kind, text);
            put_text(&mut p, "text", &prompt.text, lang);
            match &prompt.kind {
                PromptKind::Choice { options, multiple } => {
                    if *multiple {
                        p.insert("repeats".into(), json!(true));
                    }
                    let system = urls.system(&format!("{}-{}", template.id, prompt.id));
                    let codes: Vec<(&str, &str)> = options
                        .iter()
                        .map(|o| (o.id.as_str(), template.text(&o.label, lang)))
                        .collect();
                    p.insert("answerOption".into(), codings(&system, &codes));
                }
                PromptKind::Consent { statement, .. } => {
                    // The statement is what is agreed to; the prompt text is its heading.
                    p.insert(
                        "text".into(),
                        json!(format!("{text}: {}", template.text(statement, lang))),
                    );
                    p.remove("_text");
                }
                PromptKind::Rating {
                    scale,
                    rates: Rates::Prompt,
                } => {
                    p.insert("repeats".into(), json!(true));
                    let mut value = item("", "choice", "Rating");
                    if let Some(scale) = template.scale(scale) {
                        let codes: Vec<(&str, &str)> = scale
                            .points
                            .iter()
                            .map(|pt| (pt.id.as_str(), template.text(&pt.label, lang)))
                            .collect();
                        value.insert(
                            "answerOption".into(),
                            codings(&urls.scale(&scale.id), &codes),
                        );
                    }
                    p.insert(
                        "item".into(),
                        Value::Array(rating_items(prompt.id.as_str(), value)),
                    );
                }
                _ => {}
            }
            // The texts the person reads on their own (`mode="self"`), where the template words
            // them differently.
            let mut own = Vec::new();
            if let Some(self_text) = &prompt.self_text {
                own.push(match &prompt.kind {
                    // Like the item's text: the heading, then what is agreed to.
                    PromptKind::Consent { statement, .. } => json!({
                        "url": urls.ext("self-text"),
                        "valueString": format!(
                            "{}: {}",
                            template.text(self_text, lang),
                            template.text(statement, lang)
                        ),
                    }),
                    _ => text_extension(urls.ext("self-text"), self_text, lang),
                });
            }
            if let Some(self_hint) = &prompt.self_hint {
                own.push(text_extension(urls.ext("self-hint"), self_hint, lang));
            }
            if !own.is_empty() {
                p.insert("extension".into(), Value::Array(own));
            }
            children.push(Value::Object(p));
            if is_next_review_prompt(template, prompt) {
                children.push(next_review_item());
            }
        }
        let mut g = item(
            &format!("section/{}", section.id),
            "group",
            template.text(&section.title, lang),
        );
        put_text(&mut g, "text", &section.title, lang);
        g.insert("item".into(), Value::Array(children));
        items.push(Value::Object(g));
    }
    if template.next_review_prompt().is_none() {
        // A record made with another version of the template may still have agreed a date.
        items.push(next_review_item());
    }
    let string = |id: &str, text: &str| Value::Object(item(id, "string", text));
    let dt = |id: &str, text: &str| hidden(item(id, "dateTime", text));
    let mut role = item("record/participant/role", "choice", "Role");
    role.insert(
        "answerOption".into(),
        named_codings::<Role>(&urls.system("role")),
    );
    items.push(group(
        "record/participants",
        "Who took part",
        true,
        vec![
            string("record/participant/id", "Id"),
            Value::Object(role),
            string("record/participant/name", "Name"),
            string(
                "record/participant/reference",
                "The organisation's reference for them",
            ),
        ],
    ));
    let mut tags = repeating(item("record/outcome/tags", "choice", "Tags"));
    let all_tags: Vec<(&str, &str)> = template
        .outcome_sets
        .iter()
        .flat_map(|s| &s.tags)
        .map(|t| (t.id.as_str(), template.text(&t.label, lang)))
        .collect();
    if !all_tags.is_empty() {
        tags.insert(
            "answerOption".into(),
            codings(&urls.system("tag"), &all_tags),
        );
    }
    let mut kind = item("record/outcome/kind", "choice", "Achieve or maintain");
    kind.insert(
        "answerOption".into(),
        named_codings::<OutcomeKind>(&urls.system("outcome-kind")),
    );
    items.push(group(
        "record/outcomes",
        "Outcomes, in the person's own words",
        true,
        vec![
            hidden(item("record/outcome/id", "string", "Id")),
            Value::Object(item(
                "record/outcome/words",
                "text",
                "In the person's words",
            )),
            Value::Object(tags),
            Value::Object(kind),
            Value::Object(repeating(item(
                "record/outcome/contributors",
                "string",
                "Shaped with",
            ))),
            hidden(item("record/outcome/weight", "integer", "Weight")),
            dt("record/outcome/added", "Added"),
            hidden(item(
                "record/outcome/carried-from",
                "string",
                "Carried from",
            )),
            group(
                "record/outcome/rating",
                "Ratings",
                true,
                rating_items("record/outcome/rating", item("", "choice", "Rating")),
            ),
        ],
    ));
    items.push(group(
        "record/actions",
        "Agreed actions",
        true,
        vec![
            hidden(item("record/action/id", "string", "Id")),
            Value::Object(item("record/action/what", "text", "What")),
            string("record/action/who", "Who"),
            Value::Object(item("record/action/by-when", "date", "By when")),
            Value::Object(repeating(item(
                "record/action/outcomes",
                "string",
                "For outcomes",
            ))),
            dt("record/action/added", "Added"),
            Value::Object(item("record/action/done", "dateTime", "Done")),
            hidden(item("record/action/carried-from", "string", "Carried from")),
        ],
    ));
    items.push(group(
        "record/other-answers",
        "Answers to questions this version of the template no longer asks",
        true,
        vec![
            string("record/other-answer/prompt", "Question id"),
            Value::Object(item("record/other-answer/text", "text", "Answer")),
            Value::Object(repeating(item(
                "record/other-answer/options",
                "string",
                "Options chosen",
            ))),
            Value::Object(item(
                "record/other-answer/consent",
                "boolean",
                "Consent given",
            )),
            string("record/other-answer/by", "By"),
            dt("record/other-answer/at", "At"),
            group(
                "record/other-answer/rating",
                "Ratings",
                true,
                rating_items("record/other-answer/rating", item("", "choice", "Rating")),
            ),
        ],
    ));
    let mut what = item("record/removal/what", "choice", "What was removed");
    what.insert(
        "answerOption".into(),
        named_codings::<Removed>(&urls.system("removed")),
    );
    items.push(group(
        "record/removed",
        "Removed on request",
        true,
        vec![
            Value::Object(what),
            string("record/removal/id", "Id"),
            string("record/removal/by", "By"),
            dt("record/removal/at", "At"),
        ],
    ));
    q.insert("item".into(), Value::Array(items));
    to_fhir_json(&Value::Object(q))
}

/// Whether the date agreed for the next conversation goes after this prompt: the template's
/// (first) prompt that asks when to talk again.
fn is_next_review_prompt(template: &Template, prompt: &Prompt) -> bool {
    template
        .next_review_prompt()
        .is_some_and(|asks| std::ptr::eq(asks, prompt))
}

fn next_review_item() -> Value {
    Value::Object(item(NEXT_REVIEW, "date", "Date of the next conversation"))
}

fn answer_item(link_id: &str, answers: Vec<Value>) -> Value {
    json!({"linkId": link_id, "answer": answers})
}

fn s(value: &str) -> Value {
    json!({ "valueString": value })
}

/// A sub-item with a string answer, left out when the string is empty (FHIR strings cannot be).
fn push_string(items: &mut Vec<Value>, link_id: &str, value: &str) {
    if !value.is_empty() {
        items.push(answer_item(link_id, vec![s(value)]));
    }
}

fn push_value(items: &mut Vec<Value>, link_id: &str, key: &str, value: Value) {
    let mut answer = Map::new();
    answer.insert(key.into(), value);
    items.push(answer_item(link_id, vec![Value::Object(answer)]));
}

/// One rating as an instance of the repeating group `link_id` (whose sub-items are
/// `<link_id>/value`, `/reason`, `/by`, `/at` and `/from`). The point's coding names the scale;
/// a view with no point yet names it in the extension `rating-scale`.
fn rating_group(urls: &Urls<'_>, link_id: &str, rating: &Rating) -> Value {
    let mut items = Vec::new();
    if let Some(value) = &rating.value {
        items.push(answer_item(
            &format!("{link_id}/value"),
            vec![json!({"valueCoding": {"system": urls.scale(&rating.scale), "code": value}})],
        ));
    }
    push_string(&mut items, &format!("{link_id}/reason"), &rating.reason);
    push_string(&mut items, &format!("{link_id}/by"), rating.by.as_str());
    push_value(
        &mut items,
        &format!("{link_id}/at"),
        "valueDateTime",
        json!(rating.at),
    );
    if let Some(from) = &rating.from {
        push_string(&mut items, &format!("{link_id}/from"), from.as_str());
    }
    if let Some(prompt) = &rating.prompt {
        push_string(&mut items, &format!("{link_id}/prompt"), prompt.as_str());
    }
    let mut group = json!({"linkId": link_id, "item": items});
    if rating.value.is_none() {
        group["extension"] = json!([{"url": urls.ext("rating-scale"), "valueCode": rating.scale}]);
    }
    group
}

/// The record as a FHIR R4 `QuestionnaireResponse` (JSON) answering [`questionnaire`] of its
/// template. Everything in the record is kept, so it reads back as the same record.
pub fn questionnaire_response(record: &Record, template: &Template, base: &str) -> String {
    let urls = Urls(base);
    let mut r = Map::new();
    r.insert("resourceType".into(), json!("QuestionnaireResponse"));
    if let Some(id) = fhir_id(record.id.as_str()) {
        r.insert("id".into(), json!(id));
    }
    let mut extensions = vec![
        json!({"url": urls.ext("record-created"), "valueDateTime": record.created}),
        json!({"url": urls.ext("record-status"), "valueCode": record.status.name()}),
        json!({"url": urls.ext("template-hash"), "valueString": record.template.hash}),
        // The template (and version) the record was made with; `questionnaire` names the one
        // this response is laid out by, which may be a later version.
        json!({"url": urls.ext("record-template"), "valueString": format!(
            "{}|{}",
            record.template.id, record.template.version
        )}),
    ];
    if let Some(reviews) = &record.reviews {
        extensions.push(json!({"url": urls.ext("reviews"), "valueString": reviews}));
    }
    extensions
        .push(json!({"url": urls.ext("record-revision"), "valuePositiveInt": record.revision}));
    if let Some(completed) = &record.completed {
        extensions.push(json!({"url": urls.ext("record-completed"), "valueDateTime": completed}));
    }
    if let Some(Replaced {
        revision,
        completed,
    }) = &record.replaces
    {
        extensions.push(json!({"url": urls.ext("record-replaces"), "extension": [
            {"url": "revision", "valuePositiveInt": revision},
            {"url": "completed", "valueDateTime": completed},
        ]}));
    }
    r.insert("extension".into(), Value::Array(extensions));
    r.insert(
        "identifier".into(),
        json!({"system": urls.system("record-id"), "value": record.id}),
    );
    r.insert(
        "questionnaire".into(),
        json!(format!(
            "{}|{}",
            urls.questionnaire(&template.id),
            template.version
        )),
    );
    r.insert("status".into(), json!(fhir_status(record)));
    r.insert("authored".into(), json!(record.updated));
    // Whom the answers are about, and who recorded them, as the organisation knows them.
    let logical = |p: Option<&Participant>| {
        p.and_then(|p| p.reference.as_deref())
            .filter(|reference| !reference.is_empty())
            .map(|reference| json!({"identifier": {"value": reference}}))
    };
    if let Some(subject) = logical(record.person()) {
        r.insert("subject".into(), subject);
    }
    if let Some(author) = logical(record.practitioner()) {
        r.insert("author".into(), author);
    }

    let answered_at = |at: &Timestamp| json!({"url": urls.ext("answered-at"), "valueDateTime": at});
    let empty = |what: &str| json!({"url": urls.ext("empty-answer"), "valueCode": what});
    let fits = |prompt: &Id, want: fn(&PromptKind) -> bool| {
        template.prompt(prompt).is_some_and(|p| want(&p.kind))
    };
    let is_text: fn(&PromptKind) -> bool = |k| matches!(k, PromptKind::Text { .. });
    let is_choice: fn(&PromptKind) -> bool = |k| matches!(k, PromptKind::Choice { .. });
    let is_consent: fn(&PromptKind) -> bool = |k| matches!(k, PromptKind::Consent { .. });
    let is_rated: fn(&PromptKind) -> bool = |k| {
        matches!(
            k,
            PromptKind::Rating {
                rates: Rates::Prompt,
                ..
            }
        )
    };
    let mut sections = Vec::new();
    for section in &template.sections {
        let mut items = Vec::new();
        for prompt in &section.prompts {
            let id = &prompt.id;
            match &prompt.kind {
                PromptKind::Text { .. } => {
                    if let Some(Answer { text, updated }) = record.answers.get(id) {
                        let mut ext = vec![answered_at(updated)];
                        items.push(if text.is_empty() {
                            ext.push(empty("text"));
                            json!({"linkId": id, "extension": ext})
                        } else {
                            json!({"linkId": id, "extension": ext, "answer": [s(text)]})
                        });
                    }
                    let here = is_next_review_prompt(template, prompt);
                    if let Some(date) = record.next_review.as_ref().filter(|_| here) {
                        push_value(&mut items, NEXT_REVIEW, "valueDate", json!(date));
                    }
                }
                PromptKind::Choice { .. } => {
                    if let Some(Choice { options, updated }) = record.choices.get(id) {
                        let system = urls.system(&format!("{}-{}", record.template.id, id));
                        let mut ext = vec![answered_at(updated)];
                        if options.is_empty() {
                            ext.push(empty("choice"));
                            items.push(json!({"linkId": id, "extension": ext}));
                        } else {
                            let answers: Vec<Value> = options
                                .iter()
                                .map(|o| json!({"valueCoding": {"system": system, "code": o}}))
                                .collect();
                            items.push(json!({"linkId": id, "extension": ext, "answer": answers}));
                        }
                    }
                }
                PromptKind::Consent { .. } => {
                    if let Some(Consent { given, by, at }) = record.consent.get(id) {
                        items.push(json!({"linkId": id, "extension": [
                            answered_at(at),
                            {"url": urls.ext("answered-by"), "valueString": by},
                        ], "answer": [{"valueBoolean": given}]}));
                    }
                }
                PromptKind::Rating {
                    rates: Rates::Prompt,
                    ..
                } => {
                    for rating in record.prompt_ratings.get(id).into_iter().flatten() {
                        items.push(rating_group(&urls, id.as_str(), rating));
                    }
                }
                _ => {}
            }
        }
        if !items.is_empty() {
            sections.push(json!({"linkId": format!("section/{}", section.id), "item": items}));
        }
    }
    if let Some(date) = record
        .next_review
        .as_ref()
        .filter(|_| template.next_review_prompt().is_none())
    {
        push_value(&mut sections, NEXT_REVIEW, "valueDate", json!(date));
    }
    // Answers the template has no place for (a record made with an earlier version, whose
    // prompt is gone or asks for something else now) are kept too, each in an instance of the
    // `record/other-answers` group.
    let other = |kind: &str, prompt: &Id, mut items: Vec<Value>| {
        items.insert(
            0,
            answer_item("record/other-answer/prompt", vec![s(prompt.as_str())]),
        );
        json!({
            "linkId": "record/other-answers",
            "extension": [{"url": urls.ext("other-answer-kind"), "valueCode": kind}],
            "item": items,
        })
    };
    let at_item = |at: &Timestamp| {
        answer_item(
            "record/other-answer/at",
            vec![json!({ "valueDateTime": at })],
        )
    };
    for (prompt, Answer { text, updated }) in &record.answers {
        if !fits(prompt, is_text) {
            let mut items = Vec::new();
            push_string(&mut items, "record/other-answer/text", text);
            items.push(at_item(updated));
            sections.push(other("text", prompt, items));
        }
    }
    for (prompt, Choice { options, updated }) in &record.choices {
        if !fits(prompt, is_choice) {
            let mut items = Vec::new();
            if !options.is_empty() {
                items.push(answer_item(
                    "record/other-answer/options",
                    options.iter().map(|o| s(o.as_str())).collect(),
                ));
            }
            items.push(at_item(updated));
            sections.push(other("choice", prompt, items));
        }
    }
    for (prompt, Consent { given, by, at }) in &record.consent {
        if !fits(prompt, is_consent) {
            let items = vec![
                answer_item(
                    "record/other-answer/consent",
                    vec![json!({ "valueBoolean": given })],
                ),
                answer_item("record/other-answer/by", vec![s(by.as_str())]),
                at_item(at),
            ];
            sections.push(other("consent", prompt, items));
        }
    }
    for (prompt, ratings) in &record.prompt_ratings {
        if !fits(prompt, is_rated) {
            let items = ratings
                .iter()
                .map(|rating| rating_group(&urls, "record/other-answer/rating", rating))
                .collect();
            sections.push(other("ratings", prompt, items));
        }
    }
    for p in &record.participants {
        let mut items = Vec::new();
        push_string(&mut items, "record/participant/id", p.id.as_str());
        items.push(answer_item(
            "record/participant/role",
            vec![json!({"valueCoding": {"system": urls.system("role"), "code": p.role.name()}})],
        ));
        if let Some(name) = &p.name {
            push_string(&mut items, "record/participant/name", name);
        }
        if let Some(reference) = &p.reference {
            push_string(&mut items, "record/participant/reference", reference);
        }
        sections.push(json!({"linkId": "record/participants", "item": items}));
    }
    for o in &record.outcomes {
        let mut items = Vec::new();
        push_string(&mut items, "record/outcome/id", o.id.as_str());
        push_string(&mut items, "record/outcome/words", &o.words);
        if !o.tags.is_empty() {
            let tags: Vec<Value> = o
                .tags
                .iter()
                .map(|t| json!({"valueCoding": {"system": urls.system("tag"), "code": t}}))
                .collect();
            items.push(answer_item("record/outcome/tags", tags));
        }
        items.push(answer_item(
            "record/outcome/kind",
            vec![
                json!({"valueCoding": {"system": urls.system("outcome-kind"), "code": o.kind.name()}}),
            ],
        ));
        push_value(
            &mut items,
            "record/outcome/weight",
            "valueInteger",
            json!(o.weight),
        );
        push_value(
            &mut items,
            "record/outcome/added",
            "valueDateTime",
            json!(o.added),
        );
        if !o.contributors.is_empty() {
            items.push(answer_item(
                "record/outcome/contributors",
                o.contributors.iter().map(|c| s(c.as_str())).collect(),
            ));
        }
        if let Some(from) = &o.carried_from {
            push_string(&mut items, "record/outcome/carried-from", from.as_str());
        }
        for rating in &o.ratings {
            items.push(rating_group(&urls, "record/outcome/rating", rating));
        }
        let mut outcome = json!({"linkId": "record/outcomes", "item": items});
        if o.words.is_empty() {
            outcome["extension"] = json!([empty("words")]);
        }
        sections.push(outcome);
    }
    for a in &record.actions {
        let mut items = Vec::new();
        push_string(&mut items, "record/action/id", a.id.as_str());
        push_string(&mut items, "record/action/what", &a.what);
        push_string(&mut items, "record/action/who", &a.who);
        if let Some(date) = &a.by_when {
            push_value(
                &mut items,
                "record/action/by-when",
                "valueDate",
                json!(date),
            );
        }
        if !a.outcomes.is_empty() {
            items.push(answer_item(
                "record/action/outcomes",
                a.outcomes.iter().map(|o| s(o.as_str())).collect(),
            ));
        }
        push_value(
            &mut items,
            "record/action/added",
            "valueDateTime",
            json!(a.added),
        );
        if let Some(done) = &a.done {
            push_value(
                &mut items,
                "record/action/done",
                "valueDateTime",
                json!(done),
            );
        }
        if let Some(from) = &a.carried_from {
            push_string(&mut items, "record/action/carried-from", from.as_str());
        }
        sections.push(json!({"linkId": "record/actions", "item": items}));
    }
    for removal in &record.removed {
        let what = removal.what.name();
        let items = vec![
            answer_item(
                "record/removal/what",
                vec![json!({"valueCoding": {"system": urls.system("removed"), "code": what}})],
            ),
            answer_item("record/removal/id", vec![s(removal.id.as_str())]),
            answer_item("record/removal/by", vec![s(removal.by.as_str())]),
            answer_item(
                "record/removal/at",
                vec![json!({"valueDateTime": removal.at})],
            ),
        ];
        sections.push(json!({"linkId": "record/removed", "item": items}));
    }
    r.insert("item".into(), Value::Array(sections));
    to_fhir_json(&Value::Object(r))
}

/// FHIR's status for the response: `amended` once a finished record has been changed and
/// finished again (revision 2 on); a draft is `in-progress` whichever revision it is.
fn fhir_status(record: &Record) -> &'static str {
    match record.status {
        Status::Draft => "in-progress",
        Status::Complete | Status::Submitted if record.revision > 1 => "amended",
        Status::Complete | Status::Submitted => "completed",
    }
}

/// Pretty JSON with `resourceType` first, as FHIR examples have it; other keys sorted.
fn to_fhir_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_value(value: &Value, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            let first = map.get_key_value("resourceType");
            let rest = map.iter().filter(|(k, _)| k.as_str() != "resourceType");
            for (i, (key, value)) in first.into_iter().chain(rest).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                write_value(value, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_value(item, depth + 1, out);
            }
            indent(out, depth);
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading a QuestionnaireResponse back.

const WHAT: &str = "FHIR QuestionnaireResponse";

fn err(path: &str, message: impl Into<String>) -> LoadError {
    LoadError::at(WHAT, path, message.into())
}

struct Reader<'a> {
    urls: Urls<'a>,
}

fn field<'v>(value: &'v Value, key: &str, path: &str) -> Result<&'v Value, LoadError> {
    value
        .get(key)
        .ok_or_else(|| err(path, format!("\"{key}\" is missing here")))
}

fn str_field<'v>(value: &'v Value, key: &str, path: &str) -> Result<&'v str, LoadError> {
    field(value, key, path)?
        .as_str()
        .ok_or_else(|| err(&inside(path, key), "this should be a string"))
}

fn items(value: &Value) -> impl Iterator<Item = (usize, &Value)> {
    value
        .get("item")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn parse<T, E: std::fmt::Display>(
    path: &str,
    value: &str,
    f: impl Fn(String) -> Result<T, E>,
) -> Result<T, LoadError> {
    f(value.to_owned()).map_err(|e| err(path, e.to_string()))
}

/// `rest` inside `path` (`rest` itself at the top of the response).
fn inside(path: &str, rest: &str) -> String {
    if path.is_empty() {
        rest.to_owned()
    } else {
        format!("{path}.{rest}")
    }
}

/// A value of a [`Named`] enum, written as its name at `path`; an unknown name is an error that
/// lists the known ones.
fn named<T: Named>(path: &str, name: &str, what: &str) -> Result<T, LoadError> {
    T::from_name(name).ok_or_else(|| {
        err(
            path,
            format!(
                "there is no {what} \"{name}\": use one of {}",
                T::NAMES.join(", ")
            ),
        )
    })
}

/// A revision number (FHIR `positiveInt`): 1 or more.
fn positive(path: &str, value: &Value) -> Result<u32, LoadError> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            err(
                path,
                "this should be a whole number from 1 up: revisions are counted from 1",
            )
        })
}

fn as_str<'v>(path: &str, value: &'v Value, key: &str) -> Result<&'v str, LoadError> {
    value
        .as_str()
        .ok_or_else(|| err(path, format!("the {key} should be a string")))
}

impl Reader<'_> {
    fn extension<'v>(&self, value: &'v Value, name: &str) -> Option<&'v Value> {
        let url = self.urls.ext(name);
        value
            .get("extension")
            .and_then(Value::as_array)?
            .iter()
            .find(|e| e.get("url").and_then(Value::as_str) == Some(url.as_str()))
    }

    fn ext_str<'v>(&self, value: &'v Value, name: &str, key: &str) -> Option<&'v str> {
        self.extension(value, name)?.get(key)?.as_str()
    }

    /// The extension `name` on `value` (which is at `path`), with the extension's own path.
    fn extension_at<'v>(
        &self,
        value: &'v Value,
        name: &str,
        path: &str,
    ) -> Option<(String, &'v Value)> {
        let url = self.urls.ext(name);
        value
            .get("extension")
            .and_then(Value::as_array)?
            .iter()
            .enumerate()
            .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(url.as_str()))
            .map(|(i, e)| (inside(path, &format!("extension[{i}]")), e))
    }

    /// The `key` (e.g. `valueDateTime`) of the extension `name`, with its path; none when the
    /// extension is not there, an error when it is there without a `key`.
    fn ext_value<'v>(
        &self,
        value: &'v Value,
        name: &str,
        key: &str,
        path: &str,
    ) -> Result<Option<(String, &'v Value)>, LoadError> {
        match self.extension_at(value, name, path) {
            None => Ok(None),
            Some((p, extension)) => match extension.get(key) {
                Some(v) => Ok(Some((inside(&p, key), v))),
                None => Err(err(
                    &p,
                    format!("the extension {} should have a {key}", self.urls.ext(name)),
                )),
            },
        }
    }

    /// [`Reader::ext_value`] for string values (`valueString`, `valueCode`, `valueDateTime`).
    fn ext_text<'v>(
        &self,
        value: &'v Value,
        name: &str,
        key: &str,
        path: &str,
    ) -> Result<Option<(String, &'v str)>, LoadError> {
        match self.ext_value(value, name, key, path)? {
            None => Ok(None),
            Some((p, v)) => Ok(Some((p.clone(), as_str(&p, v, key)?))),
        }
    }
}

/// The answers of a sub-item, by link id: `(path, answers)`.
fn sub_answers<'v>(group: &'v Value, link_id: &str, path: &str) -> Vec<(String, &'v Value)> {
    let mut out = Vec::new();
    for (i, item) in items(group) {
        if item.get("linkId").and_then(Value::as_str) == Some(link_id) {
            for (a, answer) in item
                .get("answer")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                out.push((format!("{path}.item[{i}].answer[{a}]"), answer));
            }
        }
    }
    out
}

fn one_answer<'v>(
    group: &'v Value,
    link_id: &str,
    key: &str,
    path: &str,
) -> Result<Option<(String, &'v str)>, LoadError> {
    match sub_answers(group, link_id, path).into_iter().next() {
        None => Ok(None),
        Some((p, answer)) => {
            let value = if key == "valueCoding" {
                answer.get(key).and_then(|c| c.get("code"))
            } else {
                answer.get(key)
            };
            match value.and_then(Value::as_str) {
                Some(v) => Ok(Some((p, v))),
                None => Err(err(&p, format!("expected {key} here"))),
            }
        }
    }
}

fn required<'v>(
    group: &'v Value,
    link_id: &str,
    key: &str,
    path: &str,
) -> Result<(String, &'v str), LoadError> {
    one_answer(group, link_id, key, path)?.ok_or_else(|| {
        err(
            path,
            format!("the item \"{link_id}\" is missing here: add it, with a {key} answer"),
        )
    })
}

/// One rating, from an instance of the repeating group `prefix` at `path`.
fn read_rating(
    reader: &Reader<'_>,
    group: &Value,
    prefix: &str,
    path: &str,
) -> Result<Rating, LoadError> {
    let value_link = format!("{prefix}/value");
    let (scale_path, scale, value) = match one_answer(group, &value_link, "valueCoding", path)? {
        Some((p, code)) => {
            let system = sub_answers(group, &value_link, path)
                .first()
                .and_then(|(_, a)| a.get("valueCoding")?.get("system")?.as_str())
                .unwrap_or("");
            let scale = system
                .rsplit_once("/CodeSystem/scale-")
                .map(|(_, s)| s)
                .ok_or_else(|| {
                    err(
                        &format!("{p}.valueCoding.system"),
                        "the rating's coding system should name its scale: \
                         …/CodeSystem/scale-<scale id>",
                    )
                })?;
            let value = parse(&format!("{p}.valueCoding.code"), code, Id::new)?;
            (format!("{p}.valueCoding.system"), scale, Some(value))
        }
        // A view given without a point yet names its scale in an extension.
        None => match reader.ext_text(group, "rating-scale", "valueCode", path)? {
            Some((p, scale)) => (p, scale, None),
            None => {
                return Err(err(
                    path,
                    format!(
                        "this rating names no scale: give its point in the item \
                         \"{value_link}\" (a valueCoding in …/CodeSystem/scale-<scale id>), or, \
                         for a view with no point yet, the extension {} with the scale's id",
                        reader.urls.ext("rating-scale")
                    ),
                ))
            }
        },
    };
    let reason = one_answer(group, &format!("{prefix}/reason"), "valueString", path)?
        .map_or(String::new(), |(_, s)| s.to_owned());
    let (bp, by) = required(group, &format!("{prefix}/by"), "valueString", path)?;
    let (ap, at) = required(group, &format!("{prefix}/at"), "valueDateTime", path)?;
    let from = match one_answer(group, &format!("{prefix}/from"), "valueString", path)? {
        Some((p, from)) => Some(parse(&p, from, RecordId::new)?),
        None => None,
    };
    let prompt = match one_answer(group, &format!("{prefix}/prompt"), "valueString", path)? {
        Some((p, prompt)) => Some(parse(&p, prompt, Id::new)?),
        None => None,
    };
    Ok(Rating {
        scale: parse(&scale_path, scale, Id::new)?,
        value,
        reason,
        by: parse(&bp, by, Id::new)?,
        at: parse(&ap, at, Timestamp::parse)?,
        prompt,
        from,
    })
}

/// The date agreed for the next conversation, from the item `record/next-review` at `path`.
fn read_next_review(item: &Value, path: &str) -> Result<Date, LoadError> {
    let answer = item
        .get("answer")
        .and_then(Value::as_array)
        .and_then(|answers| answers.first())
        .ok_or_else(|| {
            err(
                path,
                "the item \"record/next-review\" should have an answer: a valueDate, e.g. \
                 {\"valueDate\": \"2027-03-02\"}",
            )
        })?;
    let p = format!("{path}.answer[0]");
    let date = answer.get("valueDate").ok_or_else(|| {
        err(
            &p,
            "expected valueDate here, e.g. \"valueDate\": \"2027-03-02\"",
        )
    })?;
    parse(
        &inside(&p, "valueDate"),
        as_str(&p, date, "valueDate")?,
        Date::parse,
    )
}

/// The finished revision this one replaces, from the extension `record-replaces`: sub-extensions
/// `revision` (valuePositiveInt) and `completed` (valueDateTime).
fn read_replaced(path: &str, extension: &Value) -> Result<Replaced, LoadError> {
    let sub = |name: &str, key: &str| -> Result<(String, &Value), LoadError> {
        extension
            .get("extension")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(name))
            .and_then(|(i, e)| Some((format!("{path}.extension[{i}].{key}"), e.get(key)?)))
            .ok_or_else(|| {
                err(
                    path,
                    format!(
                        "the extension saying which revision this one replaces should hold an \
                         extension with the url \"{name}\" and a {key}"
                    ),
                )
            })
    };
    let (rp, revision) = sub("revision", "valuePositiveInt")?;
    let (cp, completed) = sub("completed", "valueDateTime")?;
    Ok(Replaced {
        revision: positive(&rp, revision)?,
        completed: parse(
            &cp,
            as_str(&cp, completed, "valueDateTime")?,
            Timestamp::parse,
        )?,
    })
}

/// Reads a `QuestionnaireResponse` made by [`questionnaire_response`] back into the record.
/// Errors name the JSON path inside the response. `subject` and `author` are not read: they
/// repeat the participants' references, which are read from `record/participants`.
///
/// A response written before record format 3 (without the `record-revision` extension) is
/// upgraded as [`crate::migrate`] upgrades a format-2 record: it is revision 1, finished (if it
/// is) when it was last changed, and views carried forward into a review (given before the
/// review was created) name the record they came from.
pub fn record_from_questionnaire_response(json: &str, base: &str) -> Result<Record, LoadError> {
    let value: Value = crate::error::read_json(WHAT, json)?;
    let reader = Reader { urls: Urls(base) };
    if value.get("resourceType").and_then(Value::as_str) != Some("QuestionnaireResponse") {
        return Err(err(
            "resourceType",
            "this is not a QuestionnaireResponse: \"resourceType\" should be \
             \"QuestionnaireResponse\"",
        ));
    }
    let id = str_field(field(&value, "identifier", "")?, "value", "identifier")?;
    let canonical = str_field(&value, "questionnaire", "")?;
    let (url, version) = canonical.split_once('|').ok_or_else(|| {
        err(
            "questionnaire",
            "the questionnaire should end in |version, e.g. …/Questionnaire/what-matters|1.0.0",
        )
    })?;
    let template_id = url
        .rsplit_once("/Questionnaire/")
        .map(|(_, id)| id)
        .ok_or_else(|| err("questionnaire", "expected …/Questionnaire/<template id>"))?;
    let (template_id, version) =
        match reader.ext_text(&value, "record-template", "valueString", "")? {
            Some((p, made_with)) => made_with.split_once('|').ok_or_else(|| {
                err(
                    &p,
                    "the record-template extension should read <template id>|<version>, e.g. \
                     what-matters|1.0.0",
                )
            })?,
            None => (template_id, version),
        };
    let (created_path, created) = reader
        .ext_text(&value, "record-created", "valueDateTime", "")?
        .ok_or_else(|| {
            err(
                "extension",
                format!(
                    "the extension {} is missing: add it, with the valueDateTime the record was \
                     created",
                    reader.urls.ext("record-created")
                ),
            )
        })?;
    let status = match reader.ext_text(&value, "record-status", "valueCode", "")? {
        Some((p, code)) => named::<Status>(&p, code, "record status")?,
        None => match value.get("status").and_then(Value::as_str) {
            Some("completed" | "amended") => Status::Complete,
            _ => Status::Draft,
        },
    };
    let hash = reader
        .ext_str(&value, "template-hash", "valueString")
        .unwrap_or("")
        .to_owned();
    let reviews = match reader.ext_text(&value, "reviews", "valueString", "")? {
        Some((p, r)) => Some(parse(&p, r, RecordId::new)?),
        None => None,
    };
    let revision = reader.ext_value(&value, "record-revision", "valuePositiveInt", "")?;
    let written_before_revisions = revision.is_none();
    let revision = match revision {
        Some((p, n)) => positive(&p, n)?,
        None => 1,
    };
    let completed = match reader.ext_text(&value, "record-completed", "valueDateTime", "")? {
        Some((p, at)) => Some(parse(&p, at, Timestamp::parse)?),
        None => None,
    };
    let replaces = match reader.extension_at(&value, "record-replaces", "") {
        Some((p, extension)) => Some(read_replaced(&p, extension)?),
        None => None,
    };
    let mut record = Record {
        format_version: RECORD_FORMAT_VERSION,
        id: parse("identifier.value", id, RecordId::new)?,
        revision,
        replaces,
        completed,
        next_review: None,
        template: TemplateRef {
            id: parse("questionnaire", template_id, Id::new)?,
            version: version.to_owned(),
            hash,
        },
        reviews,
        created: parse(&created_path, created, Timestamp::parse)?,
        updated: parse(
            "authored",
            str_field(&value, "authored", "")?,
            Timestamp::parse,
        )?,
        status,
        participants: Vec::new(),
        answers: Default::default(),
        choices: Default::default(),
        outcomes: Vec::new(),
        prompt_ratings: Default::default(),
        actions: Vec::new(),
        consent: Default::default(),
        removed: Vec::new(),
    };
    for (i, top) in items(&value) {
        let path = format!("item[{i}]");
        let link = str_field(top, "linkId", &path)?;
        match link {
            "record/participants" => {
                let (p, pid) = required(top, "record/participant/id", "valueString", &path)?;
                let (rp, role) = required(top, "record/participant/role", "valueCoding", &path)?;
                let text = |link: &str| -> Result<Option<String>, LoadError> {
                    Ok(one_answer(top, link, "valueString", &path)?.map(|(_, t)| t.to_owned()))
                };
                record.participants.push(Participant {
                    id: parse(&p, pid, Id::new)?,
                    role: named(&rp, role, "role")?,
                    name: text("record/participant/name")?,
                    reference: text("record/participant/reference")?,
                });
            }
            "record/outcomes" => record.outcomes.push(read_outcome(&reader, top, &path)?),
            "record/actions" => record.actions.push(read_action(top, &path)?),
            "record/other-answers" => read_other(&reader, &mut record, top, &path)?,
            NEXT_REVIEW => record.next_review = Some(read_next_review(top, &path)?),
            "record/removed" => {
                let (wp, what) = required(top, "record/removal/what", "valueCoding", &path)?;
                let (ip, rid) = required(top, "record/removal/id", "valueString", &path)?;
                let (bp, by) = required(top, "record/removal/by", "valueString", &path)?;
                let (ap, at) = required(top, "record/removal/at", "valueDateTime", &path)?;
                record.removed.push(Removal {
                    what: named(&wp, what, "kind of thing removed")?,
                    id: parse(&ip, rid, Id::new)?,
                    by: parse(&bp, by, Id::new)?,
                    at: parse(&ap, at, Timestamp::parse)?,
                });
            }
            _ => {
                // A section.
                for (j, item) in items(top) {
                    read_prompt_item(&reader, &mut record, item, &format!("{path}.item[{j}]"))?;
                }
            }
        }
    }
    if written_before_revisions {
        // The same upgrade as `migrate` gives a format-2 record.
        crate::migrate::upgrade_2_to_3(&mut record);
    }
    Ok(record)
}

fn read_prompt_item(
    reader: &Reader<'_>,
    record: &mut Record,
    item: &Value,
    path: &str,
) -> Result<(), LoadError> {
    let link = str_field(item, "linkId", path)?;
    if link == NEXT_REVIEW {
        record.next_review = Some(read_next_review(item, path)?);
        return Ok(());
    }
    let prompt = parse(&format!("{path}.linkId"), link, Id::new)?;
    if item.get("item").is_some() {
        let rating = read_rating(reader, item, link, path)?;
        record
            .prompt_ratings
            .entry(prompt)
            .or_default()
            .push(rating);
        return Ok(());
    }
    let at = reader
        .ext_str(item, "answered-at", "valueDateTime")
        .ok_or_else(|| {
            err(
                path,
                format!(
                    "the extension {} is missing: add it, with the valueDateTime the answer was \
                     given",
                    reader.urls.ext("answered-at")
                ),
            )
        })?;
    let at = parse(path, at, Timestamp::parse)?;
    let answers: Vec<&Value> = item
        .get("answer")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let empty = reader.ext_str(item, "empty-answer", "valueCode");
    match (answers.first(), empty) {
        (None, Some("choice")) => {
            record.choices.insert(
                prompt,
                Choice {
                    options: Vec::new(),
                    updated: at,
                },
            );
        }
        (None, _) => {
            record.answers.insert(
                prompt,
                Answer {
                    text: String::new(),
                    updated: at,
                },
            );
        }
        (Some(first), _) => {
            if let Some(text) = first.get("valueString").and_then(Value::as_str) {
                record.answers.insert(
                    prompt,
                    Answer {
                        text: text.to_owned(),
                        updated: at,
                    },
                );
            } else if let Some(given) = first.get("valueBoolean").and_then(Value::as_bool) {
                let by = reader
                    .ext_str(item, "answered-by", "valueString")
                    .ok_or_else(|| {
                        err(
                            path,
                            format!(
                                "the extension {} is missing: add it, with the id of the \
                                 participant who answered as its valueString",
                                reader.urls.ext("answered-by")
                            ),
                        )
                    })?;
                record.consent.insert(
                    prompt,
                    Consent {
                        given,
                        by: parse(path, by, Id::new)?,
                        at,
                    },
                );
            } else {
                let mut options = Vec::new();
                for (a, answer) in answers.iter().enumerate() {
                    let code = answer
                        .get("valueCoding")
                        .and_then(|c| c.get("code"))
                        .and_then(Value::as_str)
                        .ok_or_else(|| {
                            err(
                                &format!("{path}.answer[{a}]"),
                                "expected valueString, valueBoolean or valueCoding",
                            )
                        })?;
                    options.push(parse(&format!("{path}.answer[{a}]"), code, Id::new)?);
                }
                record.choices.insert(
                    prompt,
                    Choice {
                        options,
                        updated: at,
                    },
                );
            }
        }
    }
    Ok(())
}

fn read_other(
    reader: &Reader<'_>,
    record: &mut Record,
    group: &Value,
    path: &str,
) -> Result<(), LoadError> {
    let (pp, prompt) = required(group, "record/other-answer/prompt", "valueString", path)?;
    let prompt = parse(&pp, prompt, Id::new)?;
    let at = || -> Result<Timestamp, LoadError> {
        let (ap, at) = required(group, "record/other-answer/at", "valueDateTime", path)?;
        parse(&ap, at, Timestamp::parse)
    };
    match reader.ext_str(group, "other-answer-kind", "valueCode") {
        Some("text") => {
            let text = one_answer(group, "record/other-answer/text", "valueString", path)?
                .map_or(String::new(), |(_, t)| t.to_owned());
            record.answers.insert(
                prompt,
                Answer {
                    text,
                    updated: at()?,
                },
            );
        }
        Some("choice") => {
            let mut options = Vec::new();
            for (p, answer) in sub_answers(group, "record/other-answer/options", path) {
                let o = answer
                    .get("valueString")
                    .and_then(Value::as_str)
                    .ok_or_else(|| err(&p, "expected a valueString"))?;
                options.push(parse(&p, o, Id::new)?);
            }
            record.choices.insert(
                prompt,
                Choice {
                    options,
                    updated: at()?,
                },
            );
        }
        Some("consent") => {
            let given = sub_answers(group, "record/other-answer/consent", path)
                .first()
                .and_then(|(_, a)| a.get("valueBoolean")?.as_bool())
                .ok_or_else(|| {
                    err(
                        path,
                        "the item \"record/other-answer/consent\" should answer with a \
                         valueBoolean: true if consent was given, false if not",
                    )
                })?;
            let (bp, by) = required(group, "record/other-answer/by", "valueString", path)?;
            record.consent.insert(
                prompt,
                Consent {
                    given,
                    by: parse(&bp, by, Id::new)?,
                    at: at()?,
                },
            );
        }
        Some("ratings") => {
            let mut ratings = Vec::new();
            for (i, item) in items(group) {
                if item.get("linkId").and_then(Value::as_str) == Some("record/other-answer/rating")
                {
                    ratings.push(read_rating(
                        reader,
                        item,
                        "record/other-answer/rating",
                        &format!("{path}.item[{i}]"),
                    )?);
                }
            }
            record.prompt_ratings.insert(prompt, ratings);
        }
        _ => {
            return Err(err(
                path,
                "the other-answer-kind extension should say text, choice, consent or ratings",
            ))
        }
    }
    Ok(())
}

fn read_outcome(reader: &Reader<'_>, group: &Value, path: &str) -> Result<Outcome, LoadError> {
    let (ip, id) = required(group, "record/outcome/id", "valueString", path)?;
    let words = one_answer(group, "record/outcome/words", "valueString", path)?
        .map_or(String::new(), |(_, w)| w.to_owned());
    let mut tags = Vec::new();
    for (p, answer) in sub_answers(group, "record/outcome/tags", path) {
        let code = answer
            .get("valueCoding")
            .and_then(|c| c.get("code"))
            .and_then(Value::as_str)
            .ok_or_else(|| err(&p, "expected a valueCoding"))?;
        tags.push(parse(&p, code, Id::new)?);
    }
    let kind = match one_answer(group, "record/outcome/kind", "valueCoding", path)? {
        Some((p, kind)) => named(&p, kind, "outcome kind")?,
        None => OutcomeKind::default(),
    };
    let weight = sub_answers(group, "record/outcome/weight", path)
        .first()
        .and_then(|(_, a)| a.get("valueInteger")?.as_u64())
        .and_then(|w| u32::try_from(w).ok())
        .unwrap_or(1);
    let (ap, added) = required(group, "record/outcome/added", "valueDateTime", path)?;
    let mut contributors = Vec::new();
    for (p, answer) in sub_answers(group, "record/outcome/contributors", path) {
        let c = answer
            .get("valueString")
            .and_then(Value::as_str)
            .ok_or_else(|| err(&p, "expected a valueString"))?;
        contributors.push(parse(&p, c, Id::new)?);
    }
    let carried_from = match one_answer(group, "record/outcome/carried-from", "valueString", path)?
    {
        Some((p, from)) => Some(parse(&p, from, RecordId::new)?),
        None => None,
    };
    let mut ratings = Vec::new();
    for (i, item) in items(group) {
        if item.get("linkId").and_then(Value::as_str) == Some("record/outcome/rating") {
            ratings.push(read_rating(
                reader,
                item,
                "record/outcome/rating",
                &format!("{path}.item[{i}]"),
            )?);
        }
    }
    Ok(Outcome {
        id: parse(&ip, id, Id::new)?,
        words,
        tags,
        kind,
        contributors,
        weight,
        added: parse(&ap, added, Timestamp::parse)?,
        carried_from,
        ratings,
    })
}

fn read_action(group: &Value, path: &str) -> Result<AgreedAction, LoadError> {
    let text = |link: &str| -> Result<String, LoadError> {
        Ok(one_answer(group, link, "valueString", path)?
            .map_or(String::new(), |(_, w)| w.to_owned()))
    };
    let (ip, id) = required(group, "record/action/id", "valueString", path)?;
    let by_when = match one_answer(group, "record/action/by-when", "valueDate", path)? {
        Some((p, d)) => Some(parse(&p, d, Date::parse)?),
        None => None,
    };
    let mut outcomes = Vec::new();
    for (p, answer) in sub_answers(group, "record/action/outcomes", path) {
        let o = answer
            .get("valueString")
            .and_then(Value::as_str)
            .ok_or_else(|| err(&p, "expected a valueString"))?;
        outcomes.push(parse(&p, o, Id::new)?);
    }
    let (ap, added) = required(group, "record/action/added", "valueDateTime", path)?;
    let done = match one_answer(group, "record/action/done", "valueDateTime", path)? {
        Some((p, d)) => Some(parse(&p, d, Timestamp::parse)?),
        None => None,
    };
    let carried_from = match one_answer(group, "record/action/carried-from", "valueString", path)? {
        Some((p, from)) => Some(parse(&p, from, RecordId::new)?),
        None => None,
    };
    Ok(AgreedAction {
        id: parse(&ip, id, Id::new)?,
        what: text("record/action/what")?,
        who: text("record/action/who")?,
        by_when,
        outcomes,
        added: parse(&ap, added, Timestamp::parse)?,
        done,
        carried_from,
    })
}
