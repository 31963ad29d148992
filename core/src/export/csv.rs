//! CSV in long format: one row per participant, answer, choice, outcome, rating, action,
//! consent and removal, and one for the date agreed for the next conversation, so a spreadsheet
//! can filter and pivot without losing the words behind the numbers. Every row names the record
//! and its revision, so the rows of two revisions of one record are told apart; `from` names
//! the earlier record a carried outcome, action or view came from (a rating row with a `from`
//! repeats a view given in that record: leave those out to count each view once across
//! records).
//!
//! The text is RFC 4180 (CRLF line ends, quotes doubled) with a UTF-8 byte order mark so that
//! spreadsheet programs read accents and dashes correctly. Every cell that could be read as a
//! formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`,
//! unless it is a plain number such as a Goal Attainment score of `-1`.

use crate::id::Id;
use crate::names::Named;
use crate::record::{Rating, Record};
use crate::template::Template;

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "record",
    "template",
    "template_version",
    "status",
    "revision",
    "row",
    "prompt",
    "item",
    "text",
    "tags",
    "kind",
    "scale",
    "value",
    "label",
    "score",
    "by",
    "at",
    "from",
    "who",
    "due",
    "done",
    "outcomes",
];

/// The byte order mark that tells spreadsheets the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// A whole CSV document for one or more records: BOM, header, rows.
pub fn to_csv<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    template: Option<&Template>,
    lang: &str,
) -> String {
    let mut out = String::from(BOM);
    header(&mut out);
    for record in records {
        rows(record, template, lang, &mut out);
    }
    out
}

/// Writes the header row.
pub fn header(out: &mut String) {
    write_row(out, COLUMNS.iter().map(|c| Cell::Text(c)));
}

#[derive(Default)]
struct Row<'a> {
    row: &'a str,
    prompt: &'a str,
    item: &'a str,
    text: &'a str,
    tags: String,
    kind: &'a str,
    scale: &'a str,
    value: &'a str,
    label: &'a str,
    score: Option<i32>,
    by: &'a str,
    at: &'a str,
    from: &'a str,
    who: &'a str,
    due: &'a str,
    done: &'a str,
    outcomes: String,
}

enum Cell<'a> {
    Text(&'a str),
    Number(i64),
}

/// Writes the rows of one record (streaming: call it once per record).
pub fn rows(record: &Record, template: Option<&Template>, lang: &str, out: &mut String) {
    let status = record.status.name();
    let mut emit = |row: Row<'_>| {
        let score = row
            .score
            .map_or(Cell::Text(""), |score| Cell::Number(score.into()));
        write_row(
            out,
            [
                Cell::Text(record.id.as_str()),
                Cell::Text(record.template.id.as_str()),
                Cell::Text(&record.template.version),
                Cell::Text(status),
                Cell::Number(record.revision.into()),
                Cell::Text(row.row),
                Cell::Text(row.prompt),
                Cell::Text(row.item),
                Cell::Text(row.text),
                Cell::Text(&row.tags),
                Cell::Text(row.kind),
                Cell::Text(row.scale),
                Cell::Text(row.value),
                Cell::Text(row.label),
                score,
                Cell::Text(row.by),
                Cell::Text(row.at),
                Cell::Text(row.from),
                Cell::Text(row.who),
                Cell::Text(row.due),
                Cell::Text(row.done),
                Cell::Text(&row.outcomes),
            ],
        );
    };
    // Who took part first: their role, name and the organisation's reference for them.
    for participant in &record.participants {
        emit(Row {
            row: "participant",
            item: participant.id.as_str(),
            kind: participant.role.name(),
            text: participant.name.as_deref().unwrap_or(""),
            value: participant.reference.as_deref().unwrap_or(""),
            ..Row::default()
        });
    }
    // In the order of the conversation when the template is known; answers to prompts it does
    // not have (an older version) after them.
    let mut answers: Vec<_> = record.answers.iter().collect();
    if let Some(t) = template {
        let order = |id: &crate::Id| t.prompts().position(|p| &p.id == id).unwrap_or(usize::MAX);
        answers.sort_by_key(|(prompt, _)| order(prompt));
    }
    for (prompt, answer) in answers {
        emit(Row {
            row: "answer",
            prompt: prompt.as_str(),
            text: &answer.text,
            at: answer.updated.as_str(),
            ..Row::default()
        });
    }
    if let Some(date) = &record.next_review {
        emit(Row {
            row: "next-review",
            prompt: template
                .and_then(|t| t.next_review_prompt())
                .map_or("", |p| p.id.as_str()),
            due: date.as_str(),
            ..Row::default()
        });
    }
    for (prompt, choice) in &record.choices {
        for option in &choice.options {
            let label = template
                .and_then(|t| {
                    t.prompt(prompt).and_then(|p| match &p.kind {
                        crate::PromptKind::Choice { options, .. } => options
                            .iter()
                            .find(|o| &o.id == option)
                            .map(|o| o.label.get(lang, &t.default_lang)),
                        _ => None,
                    })
                })
                .unwrap_or("");
            emit(Row {
                row: "choice",
                prompt: prompt.as_str(),
                value: option.as_str(),
                label,
                at: choice.updated.as_str(),
                ..Row::default()
            });
        }
    }
    for outcome in &record.outcomes {
        let contributors = join(outcome.contributors.iter().map(|c| c.as_str()));
        emit(Row {
            row: "outcome",
            item: outcome.id.as_str(),
            text: &outcome.words,
            tags: join(outcome.tags.iter().map(|t| t.as_str())),
            kind: outcome.kind.name(),
            by: &contributors,
            at: outcome.added.as_str(),
            from: outcome.carried_from.as_ref().map_or("", |r| r.as_str()),
            ..Row::default()
        });
        for rating in &outcome.ratings {
            let prompt = rating.prompt.as_ref().map_or("", Id::as_str);
            emit(rating_row(
                rating,
                prompt,
                outcome.id.as_str(),
                template,
                lang,
            ));
        }
    }
    for (prompt, ratings) in &record.prompt_ratings {
        for rating in ratings {
            emit(rating_row(rating, prompt.as_str(), "", template, lang));
        }
    }
    for action in &record.actions {
        emit(Row {
            row: "action",
            item: action.id.as_str(),
            text: &action.what,
            who: &action.who,
            due: action.by_when.as_ref().map_or("", |d| d.as_str()),
            done: action.done.as_ref().map_or("", |d| d.as_str()),
            at: action.added.as_str(),
            from: action.carried_from.as_ref().map_or("", |r| r.as_str()),
            outcomes: join(action.outcomes.iter().map(|o| o.as_str())),
            ..Row::default()
        });
    }
    for (prompt, consent) in &record.consent {
        emit(Row {
            row: "consent",
            prompt: prompt.as_str(),
            value: if consent.given { "given" } else { "refused" },
            by: consent.by.as_str(),
            at: consent.at.as_str(),
            ..Row::default()
        });
    }
    for removal in &record.removed {
        emit(Row {
            row: "removed",
            item: removal.id.as_str(),
            kind: removal.what.name(),
            by: removal.by.as_str(),
            at: removal.at.as_str(),
            ..Row::default()
        });
    }
}

fn rating_row<'a>(
    rating: &'a Rating,
    prompt: &'a str,
    item: &'a str,
    template: Option<&'a Template>,
    lang: &str,
) -> Row<'a> {
    let point = template
        .and_then(|t| t.scale(&rating.scale))
        .zip(rating.value.as_ref())
        .and_then(|(s, value)| s.point(value));
    let default_lang = template.map_or("en", |t| t.default_lang.as_str());
    Row {
        row: "rating",
        prompt,
        item,
        text: &rating.reason,
        scale: rating.scale.as_str(),
        value: rating.value.as_ref().map_or("", Id::as_str),
        label: point.map_or("", |p| p.label.get(lang, default_lang)),
        score: point.and_then(|p| p.score),
        by: rating.by.as_str(),
        at: rating.at.as_str(),
        from: rating.from.as_ref().map_or("", |r| r.as_str()),
        ..Row::default()
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(" ")
}

fn write_row<'a>(out: &mut String, cells: impl IntoIterator<Item = Cell<'a>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(n) => out.push_str(&n.to_string()),
            Cell::Text(text) => write_cell(out, text),
        }
    }
    out.push_str("\r\n");
}

/// One cell: guarded against formulas, quoted when needed.
pub fn write_cell(out: &mut String, text: &str) {
    let guard = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = guard || text.contains([',', '"', '\n', '\r']) || text.starts_with(' ');
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        write_cell(&mut out, text);
        out
    }

    #[test]
    fn guards_every_formula_start_and_quotes_what_needs_it() {
        assert_eq!(cell("=SUM(A1:A9)"), "\"'=SUM(A1:A9)\"");
        assert_eq!(cell("+44 7700"), "\"'+44 7700\"");
        assert_eq!(cell("-1"), "\"'-1\"");
        assert_eq!(cell("@cmd"), "\"'@cmd\"");
        assert_eq!(cell("\tx"), "\"'\tx\"");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("say \"hi\", then"), "\"say \"\"hi\"\", then\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a=b"), "a=b");
    }
}
