use outcomes_core::chart::Stroke;
use yew::prelude::*;

/// A shape of a chart laid out by `outcomes_core::chart`, its texts in this language.
#[derive(Debug, Clone, PartialEq)]
pub enum DrawnShape {
    Line {
        from: (f64, f64),
        to: (f64, f64),
        stroke: Stroke,
    },
    Path {
        /// An SVG `points` list.
        points: String,
        stroke: Stroke,
    },
    Marker {
        /// An SVG path.
        path: String,
        filled: bool,
    },
    Text {
        at: (f64, f64),
        /// SVG `text-anchor`.
        anchor: &'static str,
        text: AttrValue,
    },
}

/// A chart of views over time, laid out by the core.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnChart {
    /// Its accessible name.
    pub name: AttrValue,
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<DrawnShape>,
}

#[derive(Debug, Properties, PartialEq)]
pub struct RatingChartProps {
    pub chart: DrawnChart,
}

/// Views over time as an inline SVG: dates across, the scale's levels named, each person's
/// line told apart by its marker and its dashes, with a legend. Presentation attributes only
/// (no `style`), so it works under a strict Content-Security-Policy. The same drawing is in the
/// downloaded summary; every view is also listed in words beside it.
#[component]
pub fn RatingChart(props: &RatingChartProps) -> Html {
    let chart = &props.chart;
    html! {
        <svg class="oc-chart" part="chart" role="img" aria-label={chart.name.clone()}
            viewBox={format!("0 0 {:.0} {:.0}", chart.width, chart.height)}
            width={format!("{:.0}", chart.width)} height={format!("{:.0}", chart.height)}>
            { for chart.shapes.iter().map(|shape| match shape {
                DrawnShape::Line { from, to, stroke } => {
                    let (width, opacity, dash) = stroke.svg_attributes();
                    html! {
                        <line x1={format!("{:.1}", from.0)} y1={format!("{:.1}", from.1)}
                            x2={format!("{:.1}", to.0)} y2={format!("{:.1}", to.1)}
                            stroke="currentColor" stroke-width={width} stroke-opacity={opacity}
                            stroke-dasharray={dash} />
                    }
                }
                DrawnShape::Path { points, stroke } => {
                    let (width, opacity, dash) = stroke.svg_attributes();
                    html! {
                        <polyline class="oc-chart-line" points={points.clone()} fill="none" stroke="currentColor"
                            stroke-width={width} stroke-opacity={opacity} stroke-dasharray={dash} />
                    }
                }
                DrawnShape::Marker { path, filled } => html! {
                    <path class={if *filled { "oc-chart-point-person" } else { "oc-chart-point-other" }}
                        d={path.clone()} stroke="currentColor" stroke-width="2"
                        fill={if *filled { "currentColor" } else { "none" }} />
                },
                DrawnShape::Text { at, anchor, text } => html! {
                    <text x={format!("{:.1}", at.0)} y={format!("{:.1}", at.1)} text-anchor={*anchor}
                        fill="currentColor" font-size="11">{ text.clone() }</text>
                },
            }) }
        </svg>
    }
}
