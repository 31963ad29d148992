use yew::prelude::*;

use crate::messages::use_locale;

/// One rating on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartPoint {
    /// Where the point sits on its scale: 0 the lowest score, 1 the highest.
    pub level: f64,
    /// The person's view (circles, solid line), or someone else's (squares, dashed line).
    pub by_person: bool,
}

#[derive(Debug, Properties, PartialEq)]
pub struct RatingChartProps {
    /// Scored ratings, oldest first.
    pub points: Vec<ChartPoint>,
}

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 64.0;
const PAD: f64 = 8.0;

/// Ratings over time as a small inline SVG: presentation attributes only (no `style`), so it
/// works under a strict Content-Security-Policy. The ratings are also listed as text.
#[component]
pub fn RatingChart(props: &RatingChartProps) -> Html {
    let t = use_locale();
    let count = props.points.len();
    if count == 0 {
        return Html::default();
    }
    let step = if count > 1 {
        (WIDTH - 2.0 * PAD) / (count - 1) as f64
    } else {
        0.0
    };
    let at = |i: usize, p: &ChartPoint| {
        let x = if count > 1 {
            PAD + step * i as f64
        } else {
            WIDTH / 2.0
        };
        let y = HEIGHT - PAD - p.level.clamp(0.0, 1.0) * (HEIGHT - 2.0 * PAD);
        (x, y)
    };
    let series = |person: bool| -> String {
        props
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.by_person == person)
            .map(|(i, p)| {
                let (x, y) = at(i, p);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    html! {
        <svg class="oc-chart" part="chart" role="img" aria-label={t.count(&t.chart_label, count as u64, &[])}
            viewBox={format!("0 0 {WIDTH} {HEIGHT}")} width={WIDTH.to_string()} height={HEIGHT.to_string()}>
            <line x1={PAD.to_string()} y1={(HEIGHT - PAD).to_string()} x2={(WIDTH - PAD).to_string()} y2={(HEIGHT - PAD).to_string()}
                stroke="currentColor" stroke-opacity="0.3" />
            <polyline class="oc-chart-person" points={series(true)} fill="none" stroke="currentColor" stroke-width="2" />
            <polyline class="oc-chart-other" points={series(false)} fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="4 3" />
            { for props.points.iter().enumerate().map(|(i, p)| {
                let (x, y) = at(i, p);
                if p.by_person {
                    html! { <circle class="oc-chart-point-person" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4" fill="currentColor" /> }
                } else {
                    html! { <rect class="oc-chart-point-other" x={format!("{:.1}", x - 4.0)} y={format!("{:.1}", y - 4.0)} width="8" height="8"
                        fill="none" stroke="currentColor" stroke-width="2" /> }
                }
            }) }
        </svg>
    }
}
