//! Reports over many records, streaming: add records one at a time with [`Report::add`]; memory
//! grows with the number of tags, scales and points in the templates, not with the number of
//! records. Every figure keeps up to `evidence_limit` examples (the record id and the person's
//! words behind it), so a number can always be explained; raise the limit to list them all.
//!
//! Which rating counts: for each outcome, the ratings given by the person when they rated it,
//! otherwise everyone's; of those, the first and the latest on the same scale.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::sync::Arc;

use serde::Serialize;

use crate::id::{Id, RecordId};
use crate::record::{Outcome, OutcomeKind, Rating, Record, Role};
use crate::template::{PromptKind, Scale, Template, ValidTemplate};
use crate::time::Date;

/// ρ, the assumed correlation between goals, in the Goal Attainment T-score.
pub const GAS_RHO: f64 = 0.3;

/// One example behind a figure: which record, which outcome or action, and the words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub record: RecordId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Id>,
    pub words: String,
}

/// A count, and examples of what was counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figure {
    pub count: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Figure {
    /// Counts one; `words` is only called while examples are still being kept.
    fn add(
        &mut self,
        limit: usize,
        record: &RecordId,
        item: Option<&Id>,
        words: impl FnOnce() -> String,
    ) {
        self.count += 1;
        if self.evidence.len() < limit {
            self.evidence.push(Evidence {
                record: record.clone(),
                item: item.cloned(),
                words: words(),
            });
        }
    }
}

/// How an outcome moved between its first and latest rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Improved,
    Same,
    Worse,
    /// An outcome about keeping something as it is, and it was kept (same or better).
    Maintained,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Same => "same",
            Change::Worse => "worse",
            Change::Maintained => "maintained",
        }
    }
}

/// Goal Attainment Scaling T-scores, one per record with rated goals.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GasSummary {
    pub records: u64,
    pub mean_t: Option<f64>,
    #[serde(skip)]
    sum_t: f64,
    /// Records with T below 50 (goals reached less than expected), at 50, and above.
    pub below_expected: Figure,
    pub as_expected: Figure,
    pub above_expected: Figure,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Actions {
    pub done: Figure,
    /// Not done, and the date agreed is before the report's date.
    pub overdue: Figure,
    /// Not done, not yet due (or no date agreed).
    pub open: Figure,
}

/// The report so far. Serialises to the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Actions are overdue when their date is before this one.
    pub as_of: Date,
    pub records: u64,
    pub records_by_template: BTreeMap<Id, u64>,
    /// Outcomes per tag; untagged outcomes under `untagged`.
    pub outcomes: u64,
    pub outcomes_by_tag: BTreeMap<Id, Figure>,
    /// Outcomes per tag group (e.g. quality of life, process, change): an outcome with two tags
    /// of one group counts once there.
    pub outcomes_by_group: BTreeMap<Id, Figure>,
    pub untagged: Figure,
    /// The latest rating of each outcome, by scale and point.
    pub latest_ratings: BTreeMap<Id, BTreeMap<Id, Figure>>,
    /// First to latest rating, for outcomes rated at least twice.
    pub change: BTreeMap<Change, Figure>,
    pub goal_attainment: GasSummary,
    pub actions: Actions,
    /// Ratings of prompts tagged with an outcome (a member evaluation's "listened to"), by
    /// template, tag group (e.g. `process`), tag and point: all of them, not only the latest.
    #[allow(clippy::type_complexity)]
    pub tagged_ratings: BTreeMap<Id, BTreeMap<Id, BTreeMap<Id, BTreeMap<Id, Figure>>>>,
    /// Records left out because a later record in the input reviews them (and carries their
    /// outcomes forward): see [`Report::superseded_by_reviews`].
    pub superseded: u64,
    #[serde(skip)]
    templates: Vec<Arc<ValidTemplate>>,
    #[serde(skip)]
    evidence_limit: usize,
    #[serde(skip)]
    skip: BTreeSet<RecordId>,
}

impl Report {
    /// A report as of `as_of`, reading scales and labels from `templates` (records made with
    /// other templates are still counted, without scores).
    pub fn new(templates: Vec<Arc<ValidTemplate>>, as_of: Date, evidence_limit: usize) -> Self {
        Self {
            as_of,
            records: 0,
            records_by_template: BTreeMap::new(),
            outcomes: 0,
            outcomes_by_tag: BTreeMap::new(),
            outcomes_by_group: BTreeMap::new(),
            untagged: Figure::default(),
            latest_ratings: BTreeMap::new(),
            change: BTreeMap::new(),
            goal_attainment: GasSummary::default(),
            actions: Actions::default(),
            tagged_ratings: BTreeMap::new(),
            superseded: 0,
            templates,
            evidence_limit,
            skip: BTreeSet::new(),
        }
    }

    /// Leaves out the records these ids name: the ones that later records review. A review
    /// carries the outcomes (and their rating history) forward, so counting both would count
    /// each outcome twice. Collect the ids in a first pass over the input (the `reviews` field
    /// of each record); this costs memory per review, not per record.
    pub fn superseded_by_reviews(&mut self, reviewed: impl IntoIterator<Item = RecordId>) {
        self.skip.extend(reviewed);
    }

    /// All built-in templates.
    pub fn builtin_templates() -> Vec<Arc<ValidTemplate>> {
        crate::builtin::names()
            .filter_map(|n| crate::builtin::template(n).ok())
            .collect()
    }

    /// A scale by id: the record's own template first, then any other.
    fn scale<'a>(&'a self, own: Option<&'a Template>, id: &Id) -> Option<&'a Scale> {
        own.and_then(|t| t.scale(id))
            .or_else(|| self.templates.iter().find_map(|t| t.scale(id)))
    }

    /// Counts one record.
    pub fn add(&mut self, record: &Record) {
        if !self.skip.is_empty() && self.skip.contains(&record.id) {
            self.superseded += 1;
            return;
        }
        let limit = self.evidence_limit;
        let rid = &record.id;
        self.records += 1;
        bump(&mut self.records_by_template, &record.template.id);
        let templates = std::mem::take(&mut self.templates);
        let own = templates
            .iter()
            .find(|t| t.id == record.template.id)
            .map(|t| t.as_ref());
        let person = record
            .participants
            .iter()
            .find(|p| p.role == Role::Person)
            .map(|p| &p.id);
        let mut gas = (0.0_f64, 0.0_f64, 0.0_f64, 0u32); // Σwx, Σw², Σw, goals
        for outcome in &record.outcomes {
            self.outcomes += 1;
            if outcome.tags.is_empty() {
                self.untagged
                    .add(limit, rid, Some(&outcome.id), || outcome.words.clone());
            }
            let mut groups: Vec<&Id> = Vec::new();
            for tag in &outcome.tags {
                figure(&mut self.outcomes_by_tag, tag)
                    .add(limit, rid, Some(&outcome.id), || outcome.words.clone());
                let group = own
                    .and_then(|t| t.tag(tag))
                    .or_else(|| templates.iter().find_map(|t| t.tag(tag)))
                    .and_then(|t| t.group.as_ref());
                if let Some(group) = group {
                    if !groups.contains(&group) {
                        groups.push(group);
                        figure(&mut self.outcomes_by_group, group).add(
                            limit,
                            rid,
                            Some(&outcome.id),
                            || outcome.words.clone(),
                        );
                    }
                }
            }
            let Some((first, latest, latest_value)) = first_and_latest(outcome, person) else {
                continue;
            };
            figure(
                figure(&mut self.latest_ratings, &latest.scale),
                latest_value,
            )
            .add(limit, rid, Some(&outcome.id), || quote(outcome, latest));
            let scale = own
                .and_then(|t| t.scale(&latest.scale))
                .or_else(|| templates.iter().find_map(|t| t.scale(&latest.scale)));
            let Some(scale) = scale else { continue };
            let score = |r: &Rating| {
                r.value
                    .as_ref()
                    .and_then(|v| scale.point(v))
                    .and_then(|p| p.score)
            };
            if let (Some(before), Some(after)) = (score(first), score(latest)) {
                if !std::ptr::eq(first, latest) {
                    let change = match (outcome.kind, after.cmp(&before)) {
                        (OutcomeKind::Maintain, std::cmp::Ordering::Less) => Change::Worse,
                        (OutcomeKind::Maintain, _) => Change::Maintained,
                        (_, std::cmp::Ordering::Greater) => Change::Improved,
                        (_, std::cmp::Ordering::Equal) => Change::Same,
                        (_, std::cmp::Ordering::Less) => Change::Worse,
                    };
                    self.change.entry(change).or_default().add(
                        limit,
                        rid,
                        Some(&outcome.id),
                        || quote(outcome, latest),
                    );
                }
            }
            if scale.goal_attainment {
                if let Some(x) = score(latest) {
                    let w = f64::from(outcome.weight);
                    gas.0 += w * f64::from(x);
                    gas.1 += w * w;
                    gas.2 += w;
                    gas.3 += 1;
                }
            }
        }
        if gas.3 > 0 {
            let t = t_score(gas.0, gas.1, gas.2);
            let g = &mut self.goal_attainment;
            g.records += 1;
            g.sum_t += t;
            g.mean_t = Some((g.sum_t / g.records as f64 * 10.0).round() / 10.0);
            let goals = gas.3;
            let band = if (t - 50.0).abs() < 0.05 {
                &mut g.as_expected
            } else if t < 50.0 {
                &mut g.below_expected
            } else {
                &mut g.above_expected
            };
            band.add(limit, rid, None, || {
                format!("T = {t:.1} over {goals} goal(s)")
            });
        }
        for action in &record.actions {
            let figure = if action.done.is_some() {
                &mut self.actions.done
            } else if action.by_when.as_ref().is_some_and(|d| d < &self.as_of) {
                &mut self.actions.overdue
            } else {
                &mut self.actions.open
            };
            figure.add(limit, rid, Some(&action.id), || {
                format!("{} ({})", action.what, action.who)
            });
        }
        if !record.prompt_ratings.is_empty() {
            if let Some(template) = own {
                for (prompt, ratings) in &record.prompt_ratings {
                    let Some(p) = template.prompt(prompt) else {
                        continue;
                    };
                    if !matches!(p.kind, PromptKind::Rating { .. }) {
                        continue;
                    }
                    for tag in &p.tags {
                        let group = template
                            .tag(tag)
                            .and_then(|t| t.group.clone())
                            .unwrap_or_else(|| tag.clone());
                        // A view still being given (no point yet) is not counted.
                        for (rating, value) in
                            ratings.iter().filter_map(|r| Some((r, r.value.as_ref()?)))
                        {
                            let by_template = figure(&mut self.tagged_ratings, &template.id);
                            let by_tag = figure(by_template, &group);
                            figure(figure(by_tag, tag), value).add(
                                limit,
                                rid,
                                Some(prompt),
                                || rating.reason.clone(),
                            );
                        }
                    }
                }
            }
        }
        self.templates = templates;
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    fn tag_label(&self, tag: &Id) -> String {
        self.templates
            .iter()
            .find_map(|t| {
                t.tag(tag)
                    .map(|x| t.text(&x.label, &t.default_lang).to_owned())
            })
            .unwrap_or_else(|| tag.to_string())
    }

    fn point_label(&self, scale: &Id, point: &Id) -> String {
        self.scale(None, scale)
            .and_then(|s| s.point(point))
            .and_then(|p| {
                self.templates
                    .iter()
                    .find(|t| t.scale(scale).is_some())
                    .map(|t| t.text(&p.label, &t.default_lang).to_owned())
            })
            .unwrap_or_else(|| point.to_string())
    }

    fn rows(&self) -> Vec<(String, Vec<(String, &Figure)>)> {
        let mut sections = Vec::new();
        let mut tags: Vec<(String, &Figure)> = self
            .outcomes_by_tag
            .iter()
            .map(|(tag, f)| (self.tag_label(tag), f))
            .collect();
        tags.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
        if self.untagged.count > 0 {
            tags.push(("(no tag)".to_owned(), &self.untagged));
        }
        sections.push(("Outcomes by tag".to_owned(), tags));
        sections.push((
            "Outcomes by tag group".to_owned(),
            self.outcomes_by_group
                .iter()
                .map(|(g, f)| (g.to_string(), f))
                .collect(),
        ));
        for (scale, points) in &self.latest_ratings {
            let mut rows: Vec<(String, &Figure)> = Vec::new();
            // In the scale's own order when it is known.
            if let Some(s) = self.scale(None, scale) {
                for p in &s.points {
                    if let Some(f) = points.get(&p.id) {
                        rows.push((self.point_label(scale, &p.id), f));
                    }
                }
            }
            for (point, f) in points {
                if self
                    .scale(None, scale)
                    .is_none_or(|s| s.point(point).is_none())
                {
                    rows.push((point.to_string(), f));
                }
            }
            sections.push((format!("Latest rating ({scale})"), rows));
        }
        sections.push((
            "Change from first to latest rating".to_owned(),
            self.change
                .iter()
                .map(|(c, f)| (c.label().to_owned(), f))
                .collect(),
        ));
        let g = &self.goal_attainment;
        if g.records > 0 {
            sections.push((
                format!("Goal attainment (mean T = {:.1})", g.mean_t.unwrap_or(50.0)),
                vec![
                    ("below expected (T < 50)".to_owned(), &g.below_expected),
                    ("as expected (T = 50)".to_owned(), &g.as_expected),
                    ("above expected (T > 50)".to_owned(), &g.above_expected),
                ],
            ));
        }
        sections.push((
            format!("Actions as of {}", self.as_of),
            vec![
                ("done".to_owned(), &self.actions.done),
                ("overdue".to_owned(), &self.actions.overdue),
                ("open".to_owned(), &self.actions.open),
            ],
        ));
        for (template_id, groups) in &self.tagged_ratings {
            let template = self.templates.iter().find(|t| &t.id == template_id);
            for (group, tags) in groups {
                let mut rows = Vec::new();
                for (tag, points) in tags {
                    let tag_label = template
                        .and_then(|t| t.tag(tag).map(|x| t.text(&x.label, &t.default_lang)))
                        .unwrap_or(tag.as_str());
                    for (point, f) in points {
                        let point_label = template
                            .and_then(|t| {
                                t.scales
                                    .iter()
                                    .find_map(|s| s.point(point))
                                    .map(|p| t.text(&p.label, &t.default_lang))
                            })
                            .unwrap_or(point.as_str());
                        rows.push((format!("{tag_label}: {point_label}"), f));
                    }
                }
                sections.push((
                    format!("Ratings of {group} statements ({template_id})"),
                    rows,
                ));
            }
        }
        sections
    }

    /// The report as a plain-text table, with the words behind each figure.
    pub fn to_table(&self) -> String {
        let mut out = format!(
            "{} record(s), {} outcome(s), as of {}\n",
            self.records, self.outcomes, self.as_of
        );
        if self.superseded > 0 {
            let _ = writeln!(
                out,
                "{} earlier record(s) left out: a later review carries their outcomes forward",
                self.superseded
            );
        }
        for (title, rows) in self.rows() {
            let _ = write!(out, "\n{title}\n{}\n", "-".repeat(title.chars().count()));
            if rows.is_empty() {
                out.push_str("  (none)\n");
            }
            for (label, figure) in rows {
                let _ = writeln!(out, "  {:>6}  {label}", figure.count);
                for e in &figure.evidence {
                    let item = e.item.as_ref().map_or(String::new(), |i| format!("/{i}"));
                    let words: String = e.words.replace(['\n', '\r'], " ");
                    let _ = writeln!(out, "          {}{item}: \u{201c}{words}\u{201d}", e.record);
                }
            }
        }
        out
    }

    /// The report as an SVG bar chart (outcomes by tag, latest ratings, change, actions). Every
    /// label is escaped; the chart has a title and description for screen readers.
    pub fn to_svg(&self) -> String {
        let sections = self.rows();
        let max = sections
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|(_, f)| f.count))
            .max()
            .unwrap_or(1)
            .max(1);
        let row_h: u64 = 22;
        let label_w: u64 = 300;
        let bar_w: u32 = 400;
        let mut y: u64 = 40;
        let mut body = String::new();
        for (title, rows) in &sections {
            y += 10;
            let _ = writeln!(
                body,
                "  <text x=\"10\" y=\"{y}\" font-weight=\"bold\">{}</text>",
                esc(title)
            );
            y += row_h;
            for (label, figure) in rows {
                let w = (figure.count as f64 / max as f64 * f64::from(bar_w)).round() as u64;
                let _ = writeln!(
                    body,
                    "  <g><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#2b6cb0\"><title>{}: {}</title></rect><text x=\"{}\" y=\"{}\">{}</text></g>",
                    label_w,
                    y,
                    esc(label),
                    label_w + 10,
                    y - 14,
                    row_h - 6,
                    esc(label),
                    figure.count,
                    label_w + 16 + w,
                    y,
                    figure.count
                );
                y += row_h;
            }
        }
        let height = y + 10;
        let width = label_w + u64::from(bar_w) + 80;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"sans-serif\" font-size=\"13\">\n  <title id=\"title\">Outcomes report as of {}</title>\n  <desc id=\"desc\">{} records and {} outcomes: counts by outcome tag, latest ratings, change between first and latest rating, and agreed actions.</desc>\n  <text x=\"10\" y=\"24\" font-weight=\"bold\" font-size=\"16\">Outcomes report as of {}: {} records</text>\n{body}</svg>\n",
            esc(self.as_of.as_str()),
            self.records,
            self.outcomes,
            esc(self.as_of.as_str()),
            self.records
        )
    }
}

fn esc(text: &str) -> String {
    crate::export::summary::escape(text)
}

fn bump(map: &mut BTreeMap<Id, u64>, key: &Id) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.clone(), 1);
        }
    }
}

/// The entry for `key`, cloning the key only the first time (reports see the same few keys
/// millions of times).
fn figure<'a, V: Default>(map: &'a mut BTreeMap<Id, V>, key: &Id) -> &'a mut V {
    if !map.contains_key(key) {
        map.insert(key.clone(), V::default());
    }
    map.get_mut(key).expect("the entry was just made")
}

/// The person's ratings if they rated, otherwise everyone's; the first and latest on the scale
/// of the latest one, and the latest one's point. Views still being given (no point yet) are
/// not counted.
fn first_and_latest<'a>(
    outcome: &'a Outcome,
    person: Option<&Id>,
) -> Option<(&'a Rating, &'a Rating, &'a Id)> {
    let by_person = |r: &&Rating| Some(&r.by) == person;
    let rated = || outcome.ratings.iter().filter(|r| r.value.is_some());
    let use_person = rated().any(|r| by_person(&r));
    let chosen = |r: &&'a Rating| !use_person || by_person(r);
    let latest = rated().rev().find(chosen)?;
    let first = rated().filter(chosen).find(|r| r.scale == latest.scale)?;
    Some((first, latest, latest.value.as_ref()?))
}

fn quote(outcome: &Outcome, latest: &Rating) -> String {
    if latest.reason.trim().is_empty() {
        outcome.words.clone()
    } else {
        format!("{} (\u{201c}{}\u{201d})", outcome.words, latest.reason)
    }
}

/// The Goal Attainment Scaling T-score from Σwᵢxᵢ, Σwᵢ² and Σwᵢ, with ρ = [`GAS_RHO`].
pub fn t_score(sum_wx: f64, sum_w2: f64, sum_w: f64) -> f64 {
    let denominator = ((1.0 - GAS_RHO) * sum_w2 + GAS_RHO * sum_w * sum_w).sqrt();
    if denominator == 0.0 {
        50.0
    } else {
        50.0 + 10.0 * sum_wx / denominator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_scores_match_the_formula() {
        // One goal at 0: T = 50.
        assert_eq!(t_score(0.0, 1.0, 1.0), 50.0);
        // Three equal goals all at +1: 50 + 10·3 / √(0.7·3 + 0.3·9) = 50 + 30/√4.8.
        let t = t_score(3.0, 3.0, 3.0);
        assert!((t - (50.0 + 30.0 / 4.8_f64.sqrt())).abs() < 1e-9, "{t}");
        assert!((t - 63.693).abs() < 1e-3);
        // Weights 1 and 2, scores -2 and +1: Σwx = 0.
        assert_eq!(t_score(-2.0 + 2.0, 1.0 + 4.0, 3.0), 50.0);
    }
}
