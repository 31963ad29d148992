//! Views over time as a chart: dates across, the scale's named levels up the side, one line per
//! participant told apart by marker shape and line style (never by colour alone), one chart per
//! scale. [`Chart::drawing`] lays it out once, as shapes in SVG user units, for every renderer
//! (the widget's summary, the HTML summary) to draw as they are.

use crate::record::{Rating, Record};
use crate::summary::Who;
use crate::template::{Scale, Template};
use crate::time::{Date, Timestamp};

/// About how wide one character of the chart's 11-unit text is.
const CHAR_WIDTH: f64 = 6.2;

/// A level of the scale, named on the chart's side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level<'a> {
    pub label: &'a str,
    /// 0 for the lowest score, 1 for the highest.
    pub height: f64,
}

/// How a participant's views are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Filled circles on a solid line: the person.
    Circle,
    /// Open squares on a dashed line.
    Square,
    /// Open triangles on a dashed line.
    Triangle,
    /// Open diamonds on a dashed line.
    Diamond,
}

/// One participant's views on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series<'a> {
    pub who: Who<'a>,
    pub marker: Marker,
    /// Solid for the person's line, dashed for everyone else's.
    pub dashed: bool,
    pub points: Vec<Point<'a>>,
}

/// One view on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Point<'a> {
    /// Where its date falls between the first and the last date: 0 to 1.
    pub across: f64,
    pub height: f64,
    /// The point's label.
    pub label: &'a str,
    pub at: &'a Timestamp,
}

/// The scored views on one scale, placed by date and level.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart<'a> {
    /// The scale's title.
    pub scale: &'a str,
    /// The scored levels, highest first.
    pub levels: Vec<Level<'a>>,
    /// Person first, then others in the order they first gave a view.
    pub series: Vec<Series<'a>>,
    /// Each date with a view, oldest first, and where it falls across.
    pub dates: Vec<(f64, Date)>,
}

impl<'a> Chart<'a> {
    /// The chart of `ratings` (all on `scale`), or `None` when none has a scored point.
    pub fn of(
        record: &'a Record,
        template: &'a Template,
        scale: &'a Scale,
        ratings: &[&'a Rating],
        lang: &str,
    ) -> Option<Self> {
        let scored: Vec<(&'a Rating, f64, &'a str)> = ratings
            .iter()
            .filter_map(|r| {
                let value = r.value.as_ref()?;
                let height = scale.level(value)?;
                let label = template.text(&scale.point(value)?.label, lang);
                Some((*r, height, label))
            })
            .collect();
        if scored.is_empty() {
            return None;
        }
        let days: Vec<i64> = scored.iter().map(|(r, ..)| r.at.to_date().day()).collect();
        let (first, last) = days
            .iter()
            .fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(*d), hi.max(*d)));
        let across = |day: i64| {
            if last > first {
                (day - first) as f64 / (last - first) as f64
            } else {
                0.5
            }
        };
        let mut series: Vec<Series<'a>> = Vec::new();
        for ((rating, height, label), day) in scored.iter().zip(&days) {
            let who = Who::of(record, &rating.by);
            let point = Point {
                across: across(*day),
                height: *height,
                label,
                at: &rating.at,
            };
            match series.iter_mut().find(|s| s.who.id == who.id) {
                Some(s) => s.points.push(point),
                None => series.push(Series {
                    who,
                    marker: Marker::Circle,
                    dashed: false,
                    points: vec![point],
                }),
            }
        }
        // Person first; then others as they came. Markers follow that order.
        series.sort_by_key(|s| !s.who.is_person());
        let others = [Marker::Square, Marker::Triangle, Marker::Diamond];
        let mut other = 0;
        for s in &mut series {
            if s.who.is_person() {
                (s.marker, s.dashed) = (Marker::Circle, false);
            } else {
                (s.marker, s.dashed) = (others[other % others.len()], true);
                other += 1;
            }
        }
        let mut dates: Vec<(f64, Date)> = Vec::new();
        for (rating, ..) in &scored {
            let date = rating.at.to_date();
            if !dates.iter().any(|(_, d)| *d == date) {
                dates.push((across(date.day()), date));
            }
        }
        dates.sort_by(|a, b| a.1.cmp(&b.1));
        Some(Self {
            scale: template.text(&scale.title, lang),
            levels: scale
                .scored_points()
                .into_iter()
                .filter_map(|p| {
                    Some(Level {
                        label: template.text(&p.label, lang),
                        height: scale.level(&p.id)?,
                    })
                })
                .collect(),
            series,
            dates,
        })
    }

    /// The chart laid out as shapes in SVG user units. `date_chars` is the length of the
    /// longest date as the renderer writes it (dates are worded by the renderer), so dates
    /// that would run into each other go on a second row or are left out (the views are
    /// listed with their dates beside the chart anyway).
    pub fn drawing(&self, date_chars: usize) -> Drawing<'a> {
        const PLOT_WIDTH: f64 = 220.0;
        const ROW: f64 = 24.0;
        const TOP: f64 = 12.0;
        const PAD: f64 = 12.0;
        let longest = self
            .levels
            .iter()
            .map(|l| l.label.chars().count())
            .max()
            .unwrap_or(0);
        let left = (longest as f64 * CHAR_WIDTH + 14.0).clamp(56.0, 180.0);
        let right = left + PLOT_WIDTH;
        let plot_height = ROW * (self.levels.len().max(2) - 1) as f64;
        let bottom = TOP + plot_height;
        let x = |across: f64| left + PAD + across * (PLOT_WIDTH - 2.0 * PAD);
        let y = |height: f64| bottom - height.clamp(0.0, 1.0) * plot_height;
        let mut shapes = Vec::new();
        for level in &self.levels {
            let at = y(level.height);
            shapes.push(Shape::Line {
                from: (left, at),
                to: (right, at),
                stroke: Stroke::Grid,
            });
            shapes.push(Shape::Text {
                at: (left - 6.0, at + 4.0),
                anchor: Anchor::End,
                label: Label::Text(level.label),
            });
        }
        shapes.push(Shape::Line {
            from: (left, TOP - 6.0),
            to: (left, bottom + 4.0),
            stroke: Stroke::Axis,
        });
        shapes.push(Shape::Line {
            from: (left, bottom + 4.0),
            to: (right, bottom + 4.0),
            stroke: Stroke::Axis,
        });
        // Dates under the axis: the first starts at its point, the last ends at its point,
        // others are centred; one that would run into another goes on a second row.
        let date_y = bottom + 20.0;
        let date_width = date_chars as f64 * CHAR_WIDTH;
        let mut rows: [Vec<(f64, f64)>; 2] = [Vec::new(), Vec::new()];
        let mut used_rows = 0;
        for (across, date) in &self.dates {
            let at = x(*across);
            let (anchor, start) = if *across <= 0.0 {
                (Anchor::Start, at - 6.0)
            } else if *across >= 1.0 {
                (Anchor::End, at + 6.0 - date_width)
            } else {
                (Anchor::Middle, at - date_width / 2.0)
            };
            let span = (start, start + date_width);
            let free = |row: &Vec<(f64, f64)>| {
                row.iter()
                    .all(|(a, b)| span.1 + 8.0 <= *a || span.0 >= *b + 8.0)
            };
            let Some(row) = rows.iter().position(free) else {
                continue;
            };
            rows[row].push(span);
            used_rows = used_rows.max(row + 1);
            let anchor_x = match anchor {
                Anchor::Start => at - 6.0,
                Anchor::End => at + 6.0,
                Anchor::Middle => at,
            };
            shapes.push(Shape::Text {
                at: (anchor_x, date_y + 14.0 * row as f64),
                anchor,
                label: Label::Date(date.clone()),
            });
        }
        // Views on the same day sit side by side, not on top of each other.
        let n = self.series.len() as f64;
        for (i, series) in self.series.iter().enumerate() {
            let nudge = (i as f64 - (n - 1.0) / 2.0) * 6.0;
            let points: Vec<(f64, f64)> = series
                .points
                .iter()
                .map(|p| (x(p.across) + nudge, y(p.height)))
                .collect();
            if points.len() > 1 {
                shapes.push(Shape::Path {
                    points: points.clone(),
                    stroke: if series.dashed {
                        Stroke::Dashed
                    } else {
                        Stroke::Solid
                    },
                });
            }
            for at in points {
                shapes.push(Shape::Marker {
                    at,
                    marker: series.marker,
                });
            }
        }
        // The legend: each participant's marker and line, then their name.
        let mut legend_y = date_y + 14.0 * used_rows.saturating_sub(1) as f64 + 22.0;
        for series in &self.series {
            shapes.push(Shape::Line {
                from: (left, legend_y - 4.0),
                to: (left + 24.0, legend_y - 4.0),
                stroke: if series.dashed {
                    Stroke::Dashed
                } else {
                    Stroke::Solid
                },
            });
            shapes.push(Shape::Marker {
                at: (left + 12.0, legend_y - 4.0),
                marker: series.marker,
            });
            shapes.push(Shape::Text {
                at: (left + 32.0, legend_y),
                anchor: Anchor::Start,
                label: Label::Who(series.who),
            });
            legend_y += 18.0;
        }
        Drawing {
            width: right + 10.0,
            height: legend_y - 4.0,
            shapes,
        }
    }
}

/// A chart as shapes to draw, in SVG user units (`0 0 width height`).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing<'a> {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape<'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape<'a> {
    Line {
        from: (f64, f64),
        to: (f64, f64),
        stroke: Stroke,
    },
    Path {
        points: Vec<(f64, f64)>,
        stroke: Stroke,
    },
    Marker {
        at: (f64, f64),
        marker: Marker,
    },
    Text {
        at: (f64, f64),
        anchor: Anchor,
        label: Label<'a>,
    },
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// The axes.
    Axis,
    /// A faint line at each level.
    Grid,
    /// The person's line.
    Solid,
    /// Everyone else's.
    Dashed,
}

/// Where a text sits against its point (SVG's `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What a text says; the renderer words dates and people in its own language.
#[derive(Debug, Clone, PartialEq)]
pub enum Label<'a> {
    Text(&'a str),
    Date(Date),
    Who(Who<'a>),
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Marker {
    /// The marker as an SVG path at `(x, y)`, about 9 units across.
    pub fn svg_path(self, (x, y): (f64, f64)) -> String {
        match self {
            Marker::Circle => format!(
                "M{:.1},{y:.1}a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0Z",
                x - 4.5
            ),
            Marker::Square => format!("M{:.1},{:.1}h8v8h-8Z", x - 4.0, y - 4.0),
            Marker::Triangle => format!("M{x:.1},{:.1}l5,9h-10Z", y - 5.0),
            Marker::Diamond => format!("M{x:.1},{:.1}l5,5l-5,5l-5,-5Z", y - 5.0),
        }
    }

    /// Whether the marker is filled (the person's) or drawn as an outline.
    pub fn filled(self) -> bool {
        self == Marker::Circle
    }
}

impl Stroke {
    /// SVG presentation attributes for the line: stroke width, opacity and dashes.
    pub fn svg_attributes(self) -> (&'static str, &'static str, Option<&'static str>) {
        match self {
            Stroke::Axis => ("1", "0.6", None),
            Stroke::Grid => ("1", "0.2", None),
            Stroke::Solid => ("2", "1", None),
            Stroke::Dashed => ("2", "1", Some("5 3")),
        }
    }
}

/// `points` as an SVG `points` attribute.
pub fn svg_points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Mode;
    use crate::summary::Summary;

    #[test]
    fn views_sit_by_date_and_a_same_day_disagreement_is_not_progress() {
        let (template, first) = crate::sample::first_conversation();
        let summary = Summary::of(&first, &template, "en", Mode::Practitioner);
        let home = &summary.outcomes[1];
        let chart = home.scales[0].chart.as_ref().unwrap();
        // Both views of the same day sit at the same place across, person first.
        assert_eq!(chart.series.len(), 2);
        assert!(chart.series[0].who.is_person() && !chart.series[0].dashed);
        assert_eq!(chart.series[1].marker, Marker::Square);
        assert!(chart.series[1].dashed);
        assert_eq!(
            chart.series[0].points[0].across,
            chart.series[1].points[0].across
        );
        assert_eq!(chart.dates.len(), 1);
        let labels: Vec<&str> = chart.levels.iter().map(|l| l.label).collect();
        assert_eq!(labels, ["Met", "Partly met", "Not met"]);
        assert_eq!(chart.series[0].points[0].height, 1.0);
        assert_eq!(chart.series[1].points[0].height, 0.5);
    }

    #[test]
    fn a_review_spreads_views_over_the_dates_and_names_every_level_and_person() {
        let (template, review) = crate::sample::review();
        let summary = Summary::of(&review, &template, "en", Mode::Review);
        let bowling = &summary.outcomes[0];
        let chart = bowling.scales[0].chart.as_ref().unwrap();
        let dates: Vec<(f64, &str)> = chart.dates.iter().map(|(x, d)| (*x, d.as_str())).collect();
        assert_eq!(dates, [(0.0, "2026-09-01"), (1.0, "2026-12-02")]);
        let drawing = chart.drawing(16);
        let texts: Vec<&Label<'_>> = drawing
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { label, .. } => Some(label),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&&Label::Text("Partly met")));
        assert!(texts.contains(&&Label::Date(Date::parse("2026-12-02").unwrap())));
        assert!(texts
            .iter()
            .any(|l| matches!(l, Label::Who(w) if w.is_person())));
        assert!(drawing.width > 200.0 && drawing.height > 60.0);
    }
}
