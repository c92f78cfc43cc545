//! The charts over sessions: SVG drawn here, with a visible legend and a
//! data table for screen readers.

use super::view::date;
use crate::core::config::{Locale, Mode, Rater};
use crate::core::report::{self as r, Point, Report, Session};
use yew::prelude::*;

const W: f64 = 640.0;
const H: f64 = 200.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;

/// The y of `v` on a 0–`max` axis.
pub fn y_of(v: f64, max: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - v / max)
}

fn x_of(k: usize, n: usize) -> f64 {
    LEFT + (W - LEFT - RIGHT) * (k as f64 + 0.5) / n as f64
}

fn n1(v: f64) -> String {
    format!("{v:.1}")
}

/// Both charts, or what is missing.
pub fn charts(state: &Report, l: Locale) -> Html {
    let (totals, moods) = r::series(&state.sessions);
    let sessions: Vec<&Session> = state.sessions().collect();
    let when = |p: &Point| date(&state.sessions[p.session].completed_at).to_string();
    // The goals' trend line: the child's, or at 3–5 (three pictures) the
    // caregiver's, when a caregiver rates them.
    let young = sessions
        .iter()
        .rev()
        .find(|s| s.rater() == Rater::Child)
        .is_some_and(|s| !s.band().profile().total);
    let trend = match young && sessions.iter().any(|s| s.rater() == Rater::Caregiver) {
        true => Rater::Caregiver,
        false => Rater::Child,
    };
    // The cutoff in force: the therapist's, or the latest check-out's.
    let cutoff = state.options.alliance_cutoff.or_else(|| {
        sessions
            .iter()
            .rev()
            .filter(|s| s.mode() == Mode::Checkout && s.rater() == Rater::Child)
            .find_map(|s| s.scores.alliance.as_ref().map(|a| a.cutoffs.total))
    });
    html! {
        <div class="charts">
            <figure class="chart" data-chart="trust">
                <figcaption>{ r::ReportTr::TrustChart.get(l) }</figcaption>
                if totals.iter().all(|p| p.value.is_none()) {
                    <p class="quiet">{ r::ReportTr::NoTotals.get(l) }</p>
                } else {
                    { svg(&totals, 40.0, &[0.0, 10.0, 20.0, 30.0, 40.0], cutoff, &when, l) }
                    <ul class="legend">
                        <li><span class="key point-key"></span>{ r::ReportTr::PointLegend.get(l) }</li>
                        if let Some(c) = cutoff {
                            <li><span class="key cutoff-key"></span>{ crate::core::catalog::fill(r::ReportTr::CutoffLegend.get(l), &[("cutoff", &r::number_in(c, l))]) }</li>
                        }
                        <li><span class="key drop-key"></span>{ r::ReportTr::DropLegend.get(l) }</li>
                        <li><span class="key break-key"></span>{ r::ReportTr::BreakLegend.get(l) }</li>
                        if totals.iter().any(|p| p.value.is_none()) {
                            <li><span class="key gap-key">{ r::ReportTr::NoValue.get(l) }</span>{ r::ReportTr::NoValueLegend.get(l) }</li>
                        }
                    </ul>
                    { table(r::ReportTr::TrustChart.get(l), &totals, &when, l, true) }
                }
            </figure>
            <figure class="chart" data-chart="mood">
                <figcaption>{ r::ReportTr::MoodChart.get(l) }</figcaption>
                if moods.iter().all(|p| p.value.is_none()) {
                    <p class="quiet">{ r::ReportTr::NoMoods.get(l) }</p>
                } else {
                    { svg(&moods, 10.0, &[0.0, 5.0, 10.0], None, &when, l) }
                    <ul class="legend">
                        <li><span class="key mood-key"></span>{ r::ReportTr::MoodLegend.get(l) }</li>
                        if moods.iter().any(|p| p.value.is_none()) {
                            <li><span class="key gap-key">{ r::ReportTr::NoValue.get(l) }</span>{ r::ReportTr::NoValueLegend.get(l) }</li>
                        }
                    </ul>
                    { table(r::ReportTr::MoodChart.get(l), &moods, &when, l, false) }
                }
            </figure>
            if trend == Rater::Caregiver {
                <p class="trend-note">{ r::ReportTr::TrendCaregiver.get(l) }</p>
            }
            { for r::goal_series(&state.sessions, trend).iter().map(|g| goal_chart(g, state, &when, l)) }
        </div>
    }
}

/// One of the child's goals over the sessions, titled in the child's words.
fn goal_chart(
    g: &r::GoalSeries,
    state: &Report,
    when: &dyn Fn(&Point) -> String,
    l: Locale,
) -> Html {
    let caption = crate::core::catalog::fill(r::ReportTr::GoalChart.get(l), &[("goal", &g.text)]);
    // The threshold in force where the goal was last rated.
    let threshold = g
        .points
        .last()
        .map_or(0.0, |p| state.sessions[p.session].check.config.goal_drop);
    let legend = crate::core::catalog::fill(
        r::ReportTr::GoalLegend.get(l),
        &[("threshold", &r::number_in(threshold, l))],
    );
    html! {
        <figure class="chart goal" data-chart="goal" data-goal={g.id.clone()}>
            <figcaption>{ caption.clone() }</figcaption>
            { svg(&g.points, 10.0, &[0.0, 5.0, 10.0], None, when, l) }
            <ul class="legend">
                <li><span class="key point-key"></span>{ legend }</li>
                if g.points.iter().any(|p| p.break_before) {
                    <li><span class="key break-key"></span>{ r::ReportTr::BreakLegend.get(l) }</li>
                }
            </ul>
            { table(&caption, &g.points, when, l, true) }
        </figure>
    }
}

fn svg(
    points: &[Point],
    max: f64,
    ticks: &[f64],
    cutoff: Option<f64>,
    when: &dyn Fn(&Point) -> String,
    l: Locale,
) -> Html {
    let n = points.len();
    // The line joins only comparable neighbours with values: a session
    // without one is a gap, never a zero.
    let mut d = String::new();
    let mut joined = false;
    for (k, p) in points.iter().enumerate() {
        let Some(v) = p.value else {
            joined = false;
            continue;
        };
        let cmd = if joined && !p.break_before { "L" } else { "M" };
        d.push_str(&format!("{cmd}{} {}", n1(x_of(k, n)), n1(y_of(v, max))));
        joined = true;
    }
    let grid = ticks.iter().map(|v| {
        let y = n1(y_of(*v, max));
        html! {
            <>
                <line class="grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y.clone()} y2={y.clone()} />
                <text class="tick" x={(LEFT - 6.0).to_string()} y={y} dy="4" text-anchor="end">{ r::number_in(*v, l) }</text>
            </>
        }
    });
    let marks = points.iter().enumerate().map(|(k, p)| {
        let x = x_of(k, n);
        let step = (W - LEFT - RIGHT) / n as f64;
        let value = match p.value {
            Some(v) => {
                let y = y_of(v, max);
                let label = format!("{}: {}", when(p), r::number_in(v, l));
                html! {
                    <>
                        <circle class="point" cx={n1(x)} cy={n1(y)} r="5" data-value={r::number(v)} data-date={when(p)}>
                            <title>{ label }</title>
                        </circle>
                        if p.dropped {
                            <path class="drop-mark" d={format!("M{} {}l-6 -9h12z", n1(x), n1(y - 8.0))} />
                        }
                    </>
                }
            }
            // No value: skipped, or (a goal) set aside by the child.
            None => html! {
                <text class={classes!("gap", p.retired.then_some("retired"))} x={n1(x)} y={n1((TOP + H - BOTTOM) / 2.0)} text-anchor="middle" data-date={when(p)}>
                    { if p.retired { r::ReportTr::GoalSetAside.get(l) } else { r::ReportTr::NoValue.get(l) } }
                </text>
            },
        };
        html! {
            <>
                if p.break_before {
                    <line class="break" x1={n1(x - step / 2.0)} x2={n1(x - step / 2.0)} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                }
                { value }
                <text class="date" x={n1(x)} y={(H - 8.0).to_string()} text-anchor="middle">{ when(p).get(5..).unwrap_or("").to_string() }</text>
            </>
        }
    });
    html! {
        <svg class="plot" viewBox={format!("0 0 {W} {H}")} role="img" aria-hidden="true" focusable="false">
            { for grid }
            if let Some(c) = cutoff {
                <line class="cutoff" data-value={r::number(c)} x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={n1(y_of(c, max))} y2={n1(y_of(c, max))} />
            }
            <path class="trend" d={d} />
            { for marks }
        </svg>
    }
}

/// The same numbers as a table, for screen readers (and for print).
fn table(
    caption: &str,
    points: &[Point],
    when: &dyn Fn(&Point) -> String,
    l: Locale,
    drops: bool,
) -> Html {
    html! {
        <table class="sr-only">
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ r::ReportTr::Date.get(l) }</th>
                <th scope="col">{ r::ReportTr::TotalCol.get(l) }</th>
                if drops { <th scope="col">{ r::ReportTr::DropLegend.get(l) }</th> }
            </tr></thead>
            <tbody>
                { for points.iter().map(|p| html! {
                    <tr>
                        <th scope="row">{ when(p) }</th>
                        <td>{ match p.value {
                            Some(v) => r::number_in(v, l),
                            None if p.retired => r::ReportTr::GoalSetAside.get(l).to_string(),
                            None => r::ReportTr::NoValue.get(l).to_string(),
                        } }</td>
                        if drops {
                            <td>{ if p.dropped { "✓" } else if p.break_before { r::ReportTr::NotCompared.get(l) } else { "" } }</td>
                        }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
