//! Summaries written for the person: their own words first, then what they want to achieve or
//! keep, how it is going, and who will do what. Plain text and HTML (everything escaped).

use std::fmt::Write;

use crate::record::{OutcomeKind, Rating, Record, Role};
use crate::template::{PromptKind, Template};
use crate::text::{base_lang, fill};
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

/// The summary's own words (headings, "who said what when") in one language. English, and
/// draft Scottish Gaelic and Arabic (for review by native speakers, like the widget's).
#[derive(Debug)]
pub struct Words {
    pub lang: &'static str,
    /// `{title}`, `{date}`.
    title: &'static str,
    in_your_words: &'static str,
    also_said: &'static str,
    outcomes: &'static str,
    achieve: &'static str,
    maintain: &'static str,
    /// `{names}`.
    worked_out_with: &'static str,
    /// Between the last two names.
    and: &'static str,
    /// `{what}`.
    action: &'static str,
    answers: &'static str,
    /// Between options chosen.
    separator: &'static str,
    actions: &'static str,
    /// `{who}`.
    who: &'static str,
    /// `{date}`.
    by: &'static str,
    /// `{date}`.
    done_on: &'static str,
    agreed: &'static str,
    /// `{date}`, `{who}`, `{statement}`.
    consent_given: &'static str,
    consent_refused: &'static str,
    /// `{date}`.
    last_changed: &'static str,
    /// `{who}`, `{label}`, `{date}`; the reason, if any, follows after `reason`.
    rated: &'static str,
    reason: &'static str,
    you: &'static str,
    your_practitioner: &'static str,
    months: [&'static str; 12],
    /// `{day}`, `{month}`, `{year}`.
    date: &'static str,
}

pub static ENGLISH: Words = Words {
    lang: "en",
    title: "{title}: {date}",
    in_your_words: "In your own words",
    also_said: "You also said:",
    outcomes: "What you want to achieve or keep",
    achieve: "Something to achieve.",
    maintain: "Something to keep as it is.",
    worked_out_with: "Worked out with {names}.",
    and: " and ",
    action: "Action: {what}",
    answers: "Your answers",
    separator: ", ",
    actions: "Who will do what",
    who: "Who: {who}",
    by: "By {date}",
    done_on: "Done on {date}.",
    agreed: "What you agreed",
    consent_given: "On {date}, {who} agreed: \u{201c}{statement}\u{201d}",
    consent_refused: "On {date}, {who} did not agree: \u{201c}{statement}\u{201d}",
    last_changed: "This record was last changed on {date}. You can ask for a copy, and for anything in it to be corrected.",
    rated: "{who} said \u{201c}{label}\u{201d} on {date}",
    reason: ": ",
    you: "you",
    your_practitioner: "your practitioner",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    date: "{day} {month} {year}",
};

/// Scottish Gaelic: a draft translation, for review by a native speaker.
pub static GAELIC: Words = Words {
    lang: "gd",
    title: "{title}: {date}",
    in_your_words: "Nad fhaclan fhèin",
    also_said: "Thuirt thu cuideachd:",
    outcomes: "Na tha thu airson a choileanadh no a chumail",
    achieve: "Rudeigin ri choileanadh.",
    maintain: "Rudeigin ri chumail mar a tha e.",
    worked_out_with: "Air obrachadh a-mach còmhla ri {names}.",
    and: " agus ",
    action: "Gnìomh: {what}",
    answers: "Do fhreagairtean",
    separator: ", ",
    actions: "Cò nì dè",
    who: "Cò: {who}",
    by: "Ro {date}",
    done_on: "Air a dhèanamh air {date}.",
    agreed: "Na dh'aontaich thu",
    consent_given: "Air {date}, dh'aontaich {who}: \u{201c}{statement}\u{201d}",
    consent_refused: "Air {date}, cha do dh'aontaich {who}: \u{201c}{statement}\u{201d}",
    last_changed: "Chaidh an clàr seo atharrachadh mu dheireadh air {date}. Faodaidh tu lethbhreac iarraidh, agus iarraidh gun tèid rud sam bith ann a cheartachadh.",
    rated: "Thuirt {who} \u{201c}{label}\u{201d} air {date}",
    reason: ": ",
    you: "thu",
    your_practitioner: "an neach-obrach agad",
    // As CLDR writes Gaelic dates: "1mh dhen t-Sultain 2026".
    months: [
        "dhen Fhaoilleach",
        "dhen Ghearran",
        "dhen Mhàrt",
        "dhen Ghiblean",
        "dhen Chèitean",
        "dhen Ògmhios",
        "dhen Iuchar",
        "dhen Lùnastal",
        "dhen t-Sultain",
        "dhen Dàmhair",
        "dhen t-Samhain",
        "dhen Dùbhlachd",
    ],
    date: "{day}mh {month} {year}",
};

/// Arabic: a draft translation, for review by a native speaker.
pub static ARABIC: Words = Words {
    lang: "ar",
    title: "{title}: {date}",
    in_your_words: "بكلماتك الخاصة",
    also_said: "وقيل أيضًا:",
    outcomes: "ما تريد تحقيقه أو الحفاظ عليه",
    achieve: "أمر تريد تحقيقه.",
    maintain: "أمر تريد الحفاظ عليه كما هو.",
    worked_out_with: "تمّ التوصل إليه مع {names}.",
    and: " و",
    action: "إجراء: {what}",
    answers: "إجاباتك",
    separator: "، ",
    actions: "مَن سيفعل ماذا",
    who: "مَن: {who}",
    by: "بحلول {date}",
    done_on: "أُنجز في {date}.",
    agreed: "ما تمّت الموافقة عليه",
    consent_given: "في {date}، وافق {who} على: «{statement}»",
    consent_refused: "في {date}، لم يوافق {who} على: «{statement}»",
    last_changed:
        "آخر تعديل على هذا السجل كان في {date}. يمكنك طلب نسخة منه، وطلب تصحيح أي شيء فيه.",
    rated: "رأي {who} في {date}: «{label}»",
    reason: "، والسبب: ",
    you: "أنت",
    your_practitioner: "المختص الذي يتابعك",
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    date: "{day} {month} {year}",
};

impl Words {
    /// The words for `lang` by its base language (`gd` for `gd-GB`, `en` for `en-x-easy`);
    /// English for languages without their own.
    pub fn for_lang(lang: &str) -> &'static Words {
        match base_lang(lang).to_ascii_lowercase().as_str() {
            "gd" => &GAELIC,
            "ar" => &ARABIC,
            _ => &ENGLISH,
        }
    }

    /// Every set of words, for tests.
    pub fn all() -> [&'static Words; 3] {
        [&ENGLISH, &GAELIC, &ARABIC]
    }

    /// `2026-09-01` as "1 September 2026", "1mh dhen t-Sultain 2026", "1 سبتمبر 2026".
    pub fn date(&self, date: &Date) -> String {
        let s = date.as_str();
        let month: usize = s[5..7].parse().unwrap_or(1);
        let day: u32 = s[8..10].parse().unwrap_or(1);
        fill(
            self.date,
            &[
                ("day", &day.to_string()),
                (
                    "month",
                    self.months.get(month.wrapping_sub(1)).unwrap_or(&""),
                ),
                ("year", &s[..4]),
            ],
        )
    }
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
        "<article class=\"outcomes-summary\" lang=\"{}\" dir=\"{}\">",
        escape(lang),
        if Words::for_lang(lang).lang == "ar" {
            "rtl"
        } else {
            "ltr"
        }
    );
    write(&mut w, record, template, lang);
    w.0.push_str("</article>\n");
    w.0
}

fn write(w: &mut dyn Writer, record: &Record, template: &Template, lang: &str) {
    let words = Words::for_lang(lang);
    let t = |text: &crate::Text| template.text(text, lang).to_owned();
    let date = |date: &Date| words.date(date);
    w.title(&fill(
        words.title,
        &[
            ("title", &t(&template.title)),
            ("date", &date(&record.created.to_date())),
        ],
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
        w.heading(words.in_your_words);
        for (prompt, said) in answered {
            w.words(&t(&prompt.text), said);
        }
        for said in other {
            w.words(words.also_said, said);
        }
    }

    if !record.outcomes.is_empty() {
        w.heading(words.outcomes);
        w.list_start();
        for outcome in &record.outcomes {
            let mut details = Vec::new();
            details.push(match outcome.kind {
                OutcomeKind::Achieve => words.achieve.to_owned(),
                OutcomeKind::Maintain => words.maintain.to_owned(),
            });
            if !outcome.contributors.is_empty() {
                let names: Vec<String> = outcome
                    .contributors
                    .iter()
                    .map(|c| who(record, c, words))
                    .collect();
                details.push(fill(
                    words.worked_out_with,
                    &[("names", &names.join(words.and))],
                ));
            }
            for rating in &outcome.ratings {
                details.push(rating_line(record, template, rating, lang, words));
            }
            for action in record
                .actions
                .iter()
                .filter(|a| a.outcomes.contains(&outcome.id))
            {
                details.push(fill(words.action, &[("what", &action.what)]));
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
            Some(format!("{} {}", t(&p.text), labels.join(words.separator)))
        })
        .collect();
    let prompt_ratings: Vec<String> = template
        .prompts()
        .filter_map(|p| {
            let ratings = record.prompt_ratings.get(&p.id)?;
            let lines: Vec<String> = ratings
                .iter()
                .map(|r| rating_line(record, template, r, lang, words))
                .collect();
            Some(format!("{} {}", t(&p.text), lines.join(" ")))
        })
        .collect();
    if !choices.is_empty() || !prompt_ratings.is_empty() {
        w.heading(words.answers);
        w.list_start();
        for line in choices.iter().chain(&prompt_ratings) {
            w.item(line, &[]);
        }
        w.list_end();
    }

    if !record.actions.is_empty() {
        w.heading(words.actions);
        w.list_start();
        for action in &record.actions {
            let mut details = Vec::new();
            let mut who = String::new();
            if !action.who.trim().is_empty() {
                who.push_str(&fill(words.who, &[("who", &action.who)]));
            }
            if let Some(date) = &action.by_when {
                if !who.is_empty() {
                    who.push_str(". ");
                }
                who.push_str(&fill(words.by, &[("date", &words.date(date))]));
            }
            if !who.is_empty() {
                details.push(format!("{who}."));
            }
            if let Some(done) = &action.done {
                details.push(fill(
                    words.done_on,
                    &[("date", &words.date(&done.to_date()))],
                ));
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
            let message = if consent.given {
                words.consent_given
            } else {
                words.consent_refused
            };
            Some(fill(
                message,
                &[
                    ("date", &words.date(&consent.at.to_date())),
                    ("who", &who(record, &consent.by, words)),
                    ("statement", &t(statement)),
                ],
            ))
        })
        .collect();
    if !consents.is_empty() {
        w.heading(words.agreed);
        for line in consents {
            w.para(&line);
        }
    }
    w.para(&fill(
        words.last_changed,
        &[("date", &words.date(&record.updated.to_date()))],
    ));
}

fn rating_line(
    record: &Record,
    template: &Template,
    rating: &Rating,
    lang: &str,
    words: &Words,
) -> String {
    let label = template
        .scale(&rating.scale)
        .and_then(|s| s.point(&rating.value))
        .map_or(rating.value.as_str(), |p| template.text(&p.label, lang));
    let mut line = capitalise(&fill(
        words.rated,
        &[
            ("who", &who(record, &rating.by, words)),
            ("label", label),
            ("date", &words.date(&rating.at.to_date())),
        ],
    ));
    if rating.reason.trim().is_empty() {
        line.push('.');
    } else {
        line.push_str(words.reason);
        line.push_str(&rating.reason);
    }
    line
}

/// "you" for the person, a name or role for others.
fn who(record: &Record, by: &crate::Id, words: &Words) -> String {
    match record.participant(by) {
        Some(p) if p.role == Role::Person => words.you.to_owned(),
        Some(p) => match &p.name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => match p.role {
                Role::Practitioner => words.your_practitioner.to_owned(),
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

/// `2026-09-01` as "1 September 2026".
pub fn long_date(date: &Date) -> String {
    ENGLISH.date(date)
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
    use crate::text::placeholders;

    #[test]
    fn escapes_everything_that_could_be_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn dates_read_as_words() {
        let date = Date::parse("2026-09-01").unwrap();
        assert_eq!(long_date(&date), "1 September 2026");
        assert_eq!(
            Words::for_lang("gd-GB").date(&date),
            "1mh dhen t-Sultain 2026"
        );
        assert_eq!(Words::for_lang("ar").date(&date), "1 سبتمبر 2026");
        assert_eq!(Words::for_lang("en-x-easy").lang, "en");
        assert_eq!(Words::for_lang("fr").lang, "en");
    }

    #[test]
    fn every_language_fills_the_same_places() {
        for words in Words::all() {
            for (english, other) in [
                (ENGLISH.title, words.title),
                (ENGLISH.worked_out_with, words.worked_out_with),
                (ENGLISH.action, words.action),
                (ENGLISH.who, words.who),
                (ENGLISH.by, words.by),
                (ENGLISH.done_on, words.done_on),
                (ENGLISH.consent_given, words.consent_given),
                (ENGLISH.consent_refused, words.consent_refused),
                (ENGLISH.last_changed, words.last_changed),
                (ENGLISH.rated, words.rated),
                (ENGLISH.date, words.date),
            ] {
                assert_eq!(
                    placeholders(english),
                    placeholders(other),
                    "{}: {other}",
                    words.lang
                );
            }
            assert!(words.months.iter().all(|m| !m.is_empty()));
        }
    }

    #[test]
    fn fill_puts_values_in_once() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x"
        );
        assert_eq!(fill("{unknown}", &[]), "{unknown}");
    }
}
