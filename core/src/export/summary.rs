//! Summaries written for the person: their own words first, then what they want to achieve or
//! keep, how it is going, and who will do what. Plain text, an HTML fragment, and a whole HTML
//! page to keep or print (everything escaped). Each writes [`crate::summary::Summary`], the
//! same summary the widget shows on screen, in the words of the conversation's language.

use std::fmt::Write;

use crate::chart::{Chart, Label, Shape};
use crate::record::{Mode, OutcomeKind, Record, Role};
use crate::summary::{Entry, ScaleViews, Summary, View, Who};
use crate::template::Template;
use crate::text::{base_lang, fill};
use crate::time::Date;

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
    /// Someone taking part with no name given, by their part.
    carer: &'static str,
    family: &'static str,
    someone: &'static str,
    /// `{names}`: who took part.
    present: &'static str,
    /// `{who}`, `{date}`: a view with a reason and no level chosen yet.
    rated_no_point: &'static str,
    /// `{date}`.
    next_review: &'static str,
    /// `{revision}`: a record changed after it was first finished.
    revised: &'static str,
    /// `{scale}`: a chart's name.
    chart: &'static str,
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
    carer: "a carer",
    family: "a family member",
    someone: "someone else",
    present: "Who was there: {names}.",
    rated_no_point: "{who} gave a view on {date}, with no level chosen yet",
    next_review: "We agreed to talk again on {date}.",
    revised: "This is version {revision} of this record: it was changed after it was first finished.",
    chart: "{scale}: each view by date",
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
    carer: "neach-cùraim",
    family: "ball den teaghlach",
    someone: "cuideigin eile",
    present: "Cò bha ann: {names}.",
    rated_no_point: "Thug {who} beachd air {date}, gun ìre a thaghadh fhathast",
    next_review: "Dh'aontaich sinn bruidhinn a-rithist air {date}.",
    revised: "Seo tionndadh {revision} den chlàr seo: chaidh atharrachadh às dèidh dha a bhith deiseil an toiseach.",
    chart: "{scale}: gach beachd a rèir ceann-latha",
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
    carer: "مقدّم رعاية",
    family: "أحد أفراد العائلة",
    someone: "شخص آخر",
    present: "مَن حضر: {names}.",
    rated_no_point: "أبدى {who} رأيه في {date}، ولم يُختر مستوى بعد",
    next_review: "اتفقنا على أن نتحدّث مرة أخرى في {date}.",
    revised: "هذه النسخة رقم {revision} من هذا السجل: عُدّلت بعد أن اكتملت أول مرة.",
    chart: "{scale}: كل رأي حسب التاريخ",
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
    let summary = Summary::of(record, template, lang, Mode::of(record));
    let mut w = TextWriter(String::new());
    write(&mut w, &summary, Words::for_lang(lang));
    w.0
}

/// The summary as an HTML fragment (an `<article>`): no scripts, no inline styles, every text
/// escaped, each chart an SVG with presentation attributes only. Style it with the class
/// names `outcomes-summary`, `question`, `words`, `details`, `chart`.
pub fn html(record: &Record, template: &Template, lang: &str) -> String {
    let summary = Summary::of(record, template, lang, Mode::of(record));
    let words = Words::for_lang(lang);
    let mut w = HtmlWriter(String::new(), words);
    let _ = writeln!(
        w.0,
        "<article class=\"outcomes-summary\" lang=\"{}\" dir=\"{}\">",
        escape(lang),
        direction(words)
    );
    write(&mut w, &summary, words);
    w.0.push_str("</article>\n");
    w.0
}

/// The summary as a whole HTML page to keep or print: its title, character set, its own
/// styles (print-friendly), and the organisation's name at the top when given.
pub fn document(
    record: &Record,
    template: &Template,
    lang: &str,
    organisation: Option<&str>,
) -> String {
    let summary = Summary::of(record, template, lang, Mode::of(record));
    let words = Words::for_lang(lang);
    let title = fill(
        words.title,
        &[
            ("title", summary.title),
            ("date", &words.date(&summary.created.to_date())),
        ],
    );
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{DOCUMENT_STYLE}</style>\n</head>\n<body>\n",
        lang = escape(lang),
        dir = direction(words),
        title = escape(&title),
    );
    if let Some(organisation) = organisation.filter(|o| !o.trim().is_empty()) {
        let _ = writeln!(
            page,
            "<p class=\"organisation\">{}</p>",
            escape(organisation)
        );
    }
    page.push_str("<main>\n");
    let mut w = HtmlWriter(page, words);
    write(&mut w, &summary, words);
    w.0.push_str("</main>\n</body>\n</html>\n");
    w.0
}

/// The whole page's styles: readable on a phone, printable on A4, no colour carrying meaning.
const DOCUMENT_STYLE: &str = "body { font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; \
background: #fff; margin: 0 auto; max-width: 42rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; line-height: 1.25; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #767676; }
.organisation { font-weight: 600; margin: 0; }
.question { font-weight: 600; margin: 1rem 0 0.25rem; }
blockquote.words { margin: 0 0 0.75rem; padding: 0.25rem 0.75rem; border-inline-start: 4px solid #767676; white-space: pre-wrap; }
.words { white-space: pre-wrap; unicode-bidi: plaintext; }
ul.details { margin: 0.25rem 0 0.75rem; }
figure.chart { margin: 0.5rem 0 1rem; }
figure.chart figcaption { font-size: 0.9rem; }
svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } li, figure { break-inside: avoid; } }
";

fn direction(words: &Words) -> &'static str {
    if words.lang == "ar" {
        "rtl"
    } else {
        "ltr"
    }
}

/// Something to write a summary into: plain text or HTML.
trait Writer {
    fn title(&mut self, text: &str);
    fn heading(&mut self, text: &str);
    fn words(&mut self, question: &str, words: &str);
    fn list_start(&mut self);
    /// A list item, its details, and its charts (HTML draws them; plain text has the views
    /// listed in the details already).
    fn item(&mut self, main: &str, details: &[String], charts: &[&Chart<'_>]);
    fn list_end(&mut self);
    fn para(&mut self, text: &str);
}

fn write(w: &mut dyn Writer, summary: &Summary<'_>, words: &Words) {
    let date = |date: &Date| words.date(date);
    w.title(&fill(
        words.title,
        &[
            ("title", summary.title),
            ("date", &date(&summary.created.to_date())),
        ],
    ));
    if !summary.people.is_empty() {
        let names: Vec<String> = summary
            .people
            .iter()
            .map(|p| who(Who::participant(p), words))
            .collect();
        w.para(&fill(words.present, &[("names", &list(&names, words))]));
    }

    // The person's own words first, in the order of the conversation.
    let said: Vec<(&str, &str, Option<&Date>)> = summary
        .stages
        .iter()
        .flat_map(|s| &s.entries)
        .filter_map(|e| match e {
            Entry::Words {
                prompt,
                words: Some(said),
                date,
            } => Some((*prompt, *said, *date)),
            _ => None,
        })
        .collect();
    if !said.is_empty() || !summary.also_said.is_empty() {
        w.heading(words.in_your_words);
        for (prompt, said, _) in &said {
            w.words(prompt, said);
        }
        for said in &summary.also_said {
            w.words(words.also_said, said);
        }
    }
    if let Some(next) = summary.next_review {
        w.para(&fill(words.next_review, &[("date", &date(next))]));
    }

    if !summary.outcomes.is_empty() {
        w.heading(words.outcomes);
        w.list_start();
        for outcome in &summary.outcomes {
            let mut details = vec![match outcome.kind {
                OutcomeKind::Achieve => words.achieve.to_owned(),
                OutcomeKind::Maintain => words.maintain.to_owned(),
            }];
            if !outcome.contributors.is_empty() {
                let names: Vec<String> = outcome
                    .contributors
                    .iter()
                    .map(|c| who(*c, words))
                    .collect();
                details.push(fill(
                    words.worked_out_with,
                    &[("names", &names.join(words.and))],
                ));
            }
            for scale in &outcome.scales {
                details.extend(scale.views.iter().map(|v| view_line(v, words)));
            }
            for action in &outcome.actions {
                details.push(fill(words.action, &[("what", action)]));
            }
            w.item(outcome.words, &details, &charts(&outcome.scales));
        }
        w.list_end();
    }

    let answers: Vec<(String, &[ScaleViews<'_>])> = summary
        .stages
        .iter()
        .flat_map(|s| &s.entries)
        .filter_map(|e| match e {
            Entry::Choice { prompt, chosen } if !chosen.is_empty() => Some((
                format!("{prompt} {}", chosen.join(words.separator)),
                &[][..],
            )),
            Entry::Rated { prompt, scales } if e.is_answered() => {
                let lines: Vec<String> = scales
                    .iter()
                    .flat_map(|s| &s.views)
                    .map(|v| view_line(v, words))
                    .collect();
                Some((format!("{prompt} {}", lines.join(" ")), scales.as_slice()))
            }
            _ => None,
        })
        .collect();
    if !answers.is_empty() {
        w.heading(words.answers);
        w.list_start();
        for (line, scales) in &answers {
            w.item(line, &[], &charts(scales));
        }
        w.list_end();
    }

    if !summary.actions.is_empty() {
        w.heading(words.actions);
        w.list_start();
        for action in &summary.actions {
            let mut details = Vec::new();
            let mut line = String::new();
            if !action.who.trim().is_empty() {
                line.push_str(&fill(words.who, &[("who", action.who)]));
            }
            if let Some(by) = action.by_when {
                if !line.is_empty() {
                    line.push_str(". ");
                }
                line.push_str(&fill(words.by, &[("date", &date(by))]));
            }
            if !line.is_empty() {
                details.push(format!("{line}."));
            }
            if let Some(done) = action.done {
                details.push(fill(words.done_on, &[("date", &date(&done.to_date()))]));
            }
            w.item(action.what, &details, &[]);
        }
        w.list_end();
    }

    let consents: Vec<String> = summary
        .stages
        .iter()
        .flat_map(|s| &s.entries)
        .filter_map(|e| match e {
            Entry::Consent {
                statement,
                answer: Some(answer),
            } => Some(fill(
                if answer.given {
                    words.consent_given
                } else {
                    words.consent_refused
                },
                &[
                    ("date", &date(&answer.at.to_date())),
                    ("who", &who(answer.by, words)),
                    ("statement", statement),
                ],
            )),
            _ => None,
        })
        .collect();
    if !consents.is_empty() {
        w.heading(words.agreed);
        for line in consents {
            w.para(&line);
        }
    }
    if summary.revision > 1 {
        w.para(&fill(
            words.revised,
            &[("revision", &summary.revision.to_string())],
        ));
    }
    w.para(&fill(
        words.last_changed,
        &[("date", &date(&summary.updated.to_date()))],
    ));
}

/// One chart per scale with a scored view.
fn charts<'s, 'a>(scales: &'s [ScaleViews<'a>]) -> Vec<&'s Chart<'a>> {
    scales.iter().filter_map(|s| s.chart.as_ref()).collect()
}

/// "You said “Met” on 1 September 2026: I'm managing fine".
fn view_line(view: &View<'_>, words: &Words) -> String {
    let who = who(view.by, words);
    let date = words.date(&view.at.to_date());
    let mut line = capitalise(&match view.point {
        Some(label) => fill(
            words.rated,
            &[("who", &who), ("label", label), ("date", &date)],
        ),
        None => fill(words.rated_no_point, &[("who", &who), ("date", &date)]),
    });
    if view.reason.trim().is_empty() {
        line.push('.');
    } else {
        line.push_str(words.reason);
        line.push_str(view.reason);
    }
    line
}

/// "you" for the person, a name or what part they play for others.
fn who(who: Who<'_>, words: &Words) -> String {
    if who.is_person() {
        return words.you.to_owned();
    }
    if let Some(name) = who.name {
        return name.to_owned();
    }
    match who.role {
        Some(Role::Practitioner) => words.your_practitioner,
        Some(Role::Carer) => words.carer,
        Some(Role::Family) => words.family,
        Some(Role::Other) => words.someone,
        Some(Role::Person) | None => return who.id.as_str().to_owned(),
    }
    .to_owned()
}

/// "a, b and c".
fn list(items: &[String], words: &Words) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(words.separator), words.and),
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
    fn item(&mut self, main: &str, details: &[String], _: &[&Chart<'_>]) {
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

struct HtmlWriter(String, &'static Words);

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
    fn item(&mut self, main: &str, details: &[String], charts: &[&Chart<'_>]) {
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
        for chart in charts {
            let name = fill(self.1.chart, &[("scale", chart.scale)]);
            let _ = write!(
                self.0,
                "<figure class=\"chart\"><figcaption>{}</figcaption>{}</figure>",
                escape(chart.scale),
                svg(chart, &name, self.1)
            );
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

/// A chart as SVG: presentation attributes only (no `style`), `currentColor` for every
/// stroke, text in the summary's language.
fn svg(chart: &Chart<'_>, name: &str, words: &Words) -> String {
    let longest_date = chart
        .dates
        .iter()
        .map(|(_, d)| words.date(d).chars().count())
        .max()
        .unwrap_or(0);
    let drawing = chart.drawing(longest_date);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {:.0} {:.0}\" width=\"{:.0}\" height=\"{:.0}\" font-family=\"sans-serif\" font-size=\"11\">",
        escape(name),
        drawing.width,
        drawing.height,
        drawing.width,
        drawing.height
    );
    for shape in &drawing.shapes {
        match shape {
            Shape::Line { from, to, stroke } => {
                let (width, opacity, dash) = stroke.svg_attributes();
                let _ = write!(
                    out,
                    "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"currentColor\" stroke-width=\"{width}\" stroke-opacity=\"{opacity}\"{}/>",
                    from.0,
                    from.1,
                    to.0,
                    to.1,
                    dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default()
                );
            }
            Shape::Path { points, stroke } => {
                let (width, opacity, dash) = stroke.svg_attributes();
                let _ = write!(
                    out,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"{width}\" stroke-opacity=\"{opacity}\"{}/>",
                    crate::chart::svg_points(points),
                    dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default()
                );
            }
            Shape::Marker { at, marker } => {
                let _ = write!(
                    out,
                    "<path d=\"{}\" fill=\"{}\" stroke=\"currentColor\" stroke-width=\"2\"/>",
                    marker.svg_path(*at),
                    if marker.filled() {
                        "currentColor"
                    } else {
                        "#fff"
                    }
                );
            }
            Shape::Text { at, anchor, label } => {
                let text = match label {
                    Label::Text(text) => (*text).to_owned(),
                    Label::Date(date) => words.date(date),
                    Label::Who(person) => capitalise(&who(*person, words)),
                };
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\" fill=\"currentColor\">{}</text>",
                    at.0,
                    at.1,
                    anchor.svg(),
                    escape(&text)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
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
                (ENGLISH.rated_no_point, words.rated_no_point),
                (ENGLISH.present, words.present),
                (ENGLISH.next_review, words.next_review),
                (ENGLISH.revised, words.revised),
                (ENGLISH.chart, words.chart),
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
