//! Summaries written for the person: their own words first, then what they want to achieve or
//! keep, how it is going, and who will do what. Plain text and HTML (everything escaped).

use std::fmt::Write;

use crate::record::{OutcomeKind, Rating, Record, Role};
use crate::template::{PromptKind, Template};
use crate::time::Date;

/// Something to write a summary into: plain text or HTML.
trait Writer {
    fn title(&mut self, text: &str);
    fn heading(&mut self, text: &str);
    fn words(&mut self, question: &str, words: &str);
    fn list_start(&mut self);
    fn item(&mut self, main: &str, details: &[String]);
    fn list_end(&mut self);
    fn para(&mut self, text: &str);
}

/// The summary as plain text, e.g. for an email or a printout.
pub fn text(record: &Record, template: &Template, lang: &str) -> String {
    let mut w = TextWriter(String::new());
    write(&mut w, record, template, lang);
    w.0
}

/// The summary as an HTML fragment (an `<article>`): no scripts, no inline styles, every text
/// escaped. Style it with the class names `outcomes-summary`, `words`, `details`.
pub fn html(record: &Record, template: &Template, lang: &str) -> String {
    let mut w = HtmlWriter(String::new());
    let _ = writeln!(
        w.0,
        "<article class=\"outcomes-summary\" lang=\"{}\">",
        escape(lang)
    );
    write(&mut w, record, template, lang);
    w.0.push_str("</article>\n");
    w.0
}

fn write(w: &mut dyn Writer, record: &Record, template: &Template, lang: &str) {
    let t = |text: &crate::Text| template.text(text, lang).to_owned();
    w.title(&format!(
        "{}: {}",
        t(&template.title),
        long_date(&record.created.to_date())
    ));

    // The person's own words first, in the order of the conversation.
    let answered: Vec<_> = template
        .prompts()
        .filter_map(|p| record.text(&p.id).map(|words| (p, words)))
        .filter(|(_, words)| !words.trim().is_empty())
        .collect();
    // Answers to prompts the template no longer has (a record made with an earlier version)
    // are the person's words too: they are shown, never dropped.
    let other: Vec<&str> = record
        .answers
        .iter()
        .filter(|(prompt, answer)| {
            template.prompt(prompt).is_none() && !answer.text.trim().is_empty()
        })
        .map(|(_, answer)| answer.text.as_str())
        .collect();
    if !answered.is_empty() || !other.is_empty() {
        w.heading("In your own words");
        for (prompt, words) in answered {
            w.words(&t(&prompt.text), words);
        }
        for words in other {
            w.words("You also said:", words);
        }
    }

    if !record.outcomes.is_empty() {
        w.heading("What you want to achieve or keep");
        w.list_start();
        for outcome in &record.outcomes {
            let mut details = Vec::new();
            details.push(match outcome.kind {
                OutcomeKind::Achieve => "Something to achieve.".to_owned(),
                OutcomeKind::Maintain => "Something to keep as it is.".to_owned(),
            });
            if !outcome.contributors.is_empty() {
                let names: Vec<String> = outcome
                    .contributors
                    .iter()
                    .map(|c| who(record, c))
                    .collect();
                details.push(format!("Worked out with {}.", names.join(" and ")));
            }
            for rating in &outcome.ratings {
                details.push(rating_line(record, template, rating, lang));
            }
            for action in record
                .actions
                .iter()
                .filter(|a| a.outcomes.contains(&outcome.id))
            {
                details.push(format!("Action: {}", action.what));
            }
            w.item(&outcome.words, &details);
        }
        w.list_end();
    }

    let choices: Vec<String> = template
        .prompts()
        .filter_map(|p| {
            let chosen = record.choices.get(&p.id)?;
            let PromptKind::Choice { options, .. } = &p.kind else {
                return None;
            };
            let labels: Vec<String> = options
                .iter()
                .filter(|o| chosen.options.contains(&o.id))
                .map(|o| t(&o.label))
                .collect();
            Some(format!("{} {}", t(&p.text), labels.join(", ")))
        })
        .collect();
    let prompt_ratings: Vec<String> = template
        .prompts()
        .filter_map(|p| {
            let ratings = record.prompt_ratings.get(&p.id)?;
            let lines: Vec<String> = ratings
                .iter()
                .map(|r| rating_line(record, template, r, lang))
                .collect();
            Some(format!("{} {}", t(&p.text), lines.join(" ")))
        })
        .collect();
    if !choices.is_empty() || !prompt_ratings.is_empty() {
        w.heading("Your answers");
        w.list_start();
        for line in choices.iter().chain(&prompt_ratings) {
            w.item(line, &[]);
        }
        w.list_end();
    }

    if !record.actions.is_empty() {
        w.heading("Who will do what");
        w.list_start();
        for action in &record.actions {
            let mut details = Vec::new();
            let mut who = String::new();
            if !action.who.trim().is_empty() {
                who.push_str(&format!("Who: {}", action.who));
            }
            if let Some(date) = &action.by_when {
                if !who.is_empty() {
                    who.push_str(". ");
                }
                who.push_str(&format!("By {}", long_date(date)));
            }
            if !who.is_empty() {
                details.push(format!("{who}."));
            }
            if let Some(done) = &action.done {
                details.push(format!("Done on {}.", long_date(&done.to_date())));
            }
            w.item(&action.what, &details);
        }
        w.list_end();
    }

    let consents: Vec<String> = template
        .prompts()
        .filter_map(|p| {
            let consent = record.consent.get(&p.id)?;
            let PromptKind::Consent { statement } = &p.kind else {
                return None;
            };
            Some(format!(
                "On {}, {} {}: \u{201c}{}\u{201d}",
                long_date(&consent.at.to_date()),
                who(record, &consent.by),
                if consent.given {
                    "agreed"
                } else {
                    "did not agree"
                },
                t(statement)
            ))
        })
        .collect();
    if !consents.is_empty() {
        w.heading("What you agreed");
        for line in consents {
            w.para(&line);
        }
    }
    w.para(&format!(
        "This record was last changed on {}. You can ask for a copy, and for anything in it to be corrected.",
        long_date(&record.updated.to_date())
    ));
}

fn rating_line(record: &Record, template: &Template, rating: &Rating, lang: &str) -> String {
    let label = template
        .scale(&rating.scale)
        .and_then(|s| s.point(&rating.value))
        .map_or(rating.value.as_str(), |p| template.text(&p.label, lang));
    let mut line = format!(
        "{} said \u{201c}{}\u{201d} on {}",
        capitalise(&who(record, &rating.by)),
        label,
        long_date(&rating.at.to_date())
    );
    if rating.reason.trim().is_empty() {
        line.push('.');
    } else {
        line.push_str(&format!(": {}", rating.reason));
    }
    line
}

/// "you" for the person, a name or role for others.
fn who(record: &Record, by: &crate::Id) -> String {
    match record.participant(by) {
        Some(p) if p.role == Role::Person => "you".to_owned(),
        Some(p) => match &p.name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => match p.role {
                Role::Practitioner => "your practitioner".to_owned(),
                _ => p.id.as_str().to_owned(),
            },
        },
        None => by.as_str().to_owned(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-09-01` as "1 September 2026".
pub fn long_date(date: &Date) -> String {
    let s = date.as_str();
    let month: usize = s[5..7].parse().unwrap_or(1);
    let day: u32 = s[8..10].parse().unwrap_or(1);
    format!(
        "{day} {} {}",
        MONTHS.get(month.wrapping_sub(1)).unwrap_or(&""),
        &s[..4]
    )
}

struct TextWriter(String);

impl Writer for TextWriter {
    fn title(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
        self.0.push_str(&"=".repeat(text.chars().count().min(72)));
        self.0.push_str("\n\n");
    }
    fn heading(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
        self.0.push_str(&"-".repeat(text.chars().count().min(72)));
        self.0.push('\n');
    }
    fn words(&mut self, question: &str, words: &str) {
        self.0.push_str(question);
        self.0.push('\n');
        for line in words.split('\n') {
            self.0.push_str("  > ");
            self.0.push_str(line);
            self.0.push('\n');
        }
        self.0.push('\n');
    }
    fn list_start(&mut self) {}
    fn item(&mut self, main: &str, details: &[String]) {
        let mut lines = main.split('\n');
        self.0.push_str("* ");
        self.0.push_str(lines.next().unwrap_or(""));
        self.0.push('\n');
        for line in lines {
            self.0.push_str("  ");
            self.0.push_str(line);
            self.0.push('\n');
        }
        for detail in details {
            self.0.push_str("  - ");
            self.0.push_str(detail);
            self.0.push('\n');
        }
    }
    fn list_end(&mut self) {
        self.0.push('\n');
    }
    fn para(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push_str("\n\n");
    }
}

struct HtmlWriter(String);

impl Writer for HtmlWriter {
    fn title(&mut self, text: &str) {
        let _ = writeln!(self.0, "<h1>{}</h1>", escape(text));
    }
    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.0, "<h2>{}</h2>", escape(text));
    }
    fn words(&mut self, question: &str, words: &str) {
        let _ = writeln!(
            self.0,
            "<p class=\"question\">{}</p>\n<blockquote class=\"words\">{}</blockquote>",
            escape(question),
            escape_lines(words)
        );
    }
    fn list_start(&mut self) {
        self.0.push_str("<ul>\n");
    }
    fn item(&mut self, main: &str, details: &[String]) {
        let _ = write!(
            self.0,
            "<li><span class=\"words\">{}</span>",
            escape_lines(main)
        );
        if !details.is_empty() {
            self.0.push_str("<ul class=\"details\">");
            for detail in details {
                let _ = write!(self.0, "<li>{}</li>", escape_lines(detail));
            }
            self.0.push_str("</ul>");
        }
        self.0.push_str("</li>\n");
    }
    fn list_end(&mut self) {
        self.0.push_str("</ul>\n");
    }
    fn para(&mut self, text: &str) {
        let _ = writeln!(self.0, "<p>{}</p>", escape(text));
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text and keeps the person's line breaks.
fn escape_lines(text: &str) -> String {
    escape(text).replace('\n', "<br>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_be_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(
            long_date(&Date::parse("2026-09-01").unwrap()),
            "1 September 2026"
        );
    }
}
