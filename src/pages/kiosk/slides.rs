//! The kiosk's slides: the ranking board in pages, the red indicators and
//! open supervision items, two charts, and the task ledger. Every figure
//! comes from the engine's report; this module only selects and lays out.

use dukao_core::{Colour, Period};
use leptos::prelude::*;

use super::charts::{projected_totals_chart, total_trend_chart};
use super::feed::Snapshot;
use crate::charts::{ChartTheme, EChart};
use crate::components::{ColourBadge, RankChange};
use crate::format;
use crate::view_model::home::summarise;
use crate::view_model::ranking::board;
use crate::view_model::supervision::{in_state, ItemState};
use crate::view_model::{indicator_name, unit_name};

/// Ranking rows on one page: large enough type for 5 m at 1920×1080.
const ROWS_PER_PAGE: usize = 8;
/// Red indicators and units listed before "另有 N 项".
const LIST_LIMIT: usize = 7;

/// One step of the playlist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// Page `page` (from 0) of `pages` of the ranking board.
    Ranking {
        page: usize,
        pages: usize,
    },
    Red,
    Charts,
    Ledger,
}

impl Slide {
    /// Returns the slide's name for the header.
    pub fn title(self) -> String {
        match self {
            Slide::Ranking { page, pages } if pages > 1 => {
                format!("排名（{}/{}）", page + 1, pages)
            }
            Slide::Ranking { .. } => "排名".to_string(),
            Slide::Red => "红色指标与督办".to_string(),
            Slide::Charts => "得分走势".to_string(),
            Slide::Ledger => "任务底册".to_string(),
        }
    }

    /// Returns the `data-view` value the end-to-end tests read.
    pub fn key(self) -> String {
        match self {
            Slide::Ranking { page, .. } => format!("ranking-{}", page + 1),
            Slide::Red => "red".to_string(),
            Slide::Charts => "charts".to_string(),
            Slide::Ledger => "ledger".to_string(),
        }
    }
}

/// Returns the month the ranking shows: the last closed month, or the open one
/// in January, when none has closed.
pub fn board_period(snapshot: &Snapshot) -> Period {
    let open = snapshot.dataset.figures.open_period;
    if open.month > 1 {
        open.prev()
    } else {
        open
    }
}

/// Lists the slides: ranking board → red items → charts → task ledger.
pub fn playlist(snapshot: &Snapshot) -> Vec<Slide> {
    let period = board_period(snapshot);
    let rows = board(&snapshot.dataset, &snapshot.report, period)
        .rows
        .len();
    let pages = rows.div_ceil(ROWS_PER_PAGE).max(1);
    let mut slides: Vec<Slide> = (0..pages)
        .map(|page| Slide::Ranking { page, pages })
        .collect();
    slides.extend([Slide::Red, Slide::Charts, Slide::Ledger]);
    slides
}

/// Renders one slide.
pub fn render(slide: Slide, snapshot: &Snapshot) -> AnyView {
    match slide {
        Slide::Ranking { page, .. } => ranking(snapshot, page).into_any(),
        Slide::Red => red(snapshot).into_any(),
        Slide::Charts => charts(snapshot).into_any(),
        Slide::Ledger => ledger(snapshot).into_any(),
    }
}

fn ranking(snapshot: &Snapshot, page: usize) -> impl IntoView {
    let dataset = &snapshot.dataset;
    let period = board_period(snapshot);
    let board = board(dataset, &snapshot.report, period);
    let home = board.standings.iter().find(|s| s.is_home);
    let summary = home.map(|home| {
        format!(
            "{} 总分 {} · 全市{} · 小组{}",
            format::period(period),
            format::points(home.score),
            format::rank_text(home.city_rank),
            format::rank_text(home.group_rank),
        )
    });
    let rows = board
        .rows
        .into_iter()
        .skip(page * ROWS_PER_PAGE)
        .take(ROWS_PER_PAGE)
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.name}</th>
                    <td class="number">
                        {format::figure_with_measure(
                            row.value,
                            row.decimals,
                            &row.measure,
                        )}
                    </td>
                    <td class="number">{format::rank_of(row.city_rank, row.city_count)}</td>
                    <td class="number">{format::rank_of(row.group_rank, row.group_count)}</td>
                    <td class="number">{format::points(row.score)}</td>
                    <td><ColourBadge colour=row.colour /></td>
                    <td><RankChange change=row.rank_change /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="kiosk-summary">{summary}</p>
        <table class="kiosk-table">
            <thead>
                <tr>
                    <th scope="col">"指标"</th>
                    <th scope="col">"数值"</th>
                    <th scope="col">"全市"</th>
                    <th scope="col">"小组"</th>
                    <th scope="col">"得分"</th>
                    <th scope="col">"状态"</th>
                    <th scope="col">"变化"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A red indicator: red in the board's month, red in the projection, or
/// both.
struct RedLine {
    name: String,
    lead_unit: String,
    group_rank: Option<u32>,
    group_count: usize,
    closed_red: bool,
    projected_red: bool,
}

fn red_lines(snapshot: &Snapshot) -> Vec<RedLine> {
    let dataset = &snapshot.dataset;
    let home = dataset.home();
    let board = board(dataset, &snapshot.report, board_period(snapshot));
    board
        .rows
        .into_iter()
        .filter_map(|row| {
            let index = dataset.indicator_index(&row.id)?;
            let projected_red = snapshot.report.indicators[index]
                .projection
                .as_ref()
                .is_some_and(|p| p.peers[home].colour == Colour::Red);
            let closed_red = row.colour == Colour::Red;
            (closed_red || projected_red).then_some(RedLine {
                name: row.name,
                lead_unit: row.lead_unit_name,
                group_rank: row.group_rank,
                group_count: row.group_count,
                closed_red,
                projected_red,
            })
        })
        .collect()
}

fn red(snapshot: &Snapshot) -> impl IntoView {
    let dataset = &snapshot.dataset;
    let lines = red_lines(snapshot);
    let total = lines.len();
    let overdue = in_state(&snapshot.report, ItemState::Overdue);
    let open = in_state(&snapshot.report, ItemState::Open);
    let counts = format!(
        "红色指标 {total} 项 · 督办事项未办结 {} 项，其中逾期 {} 项",
        open.len() + overdue.len(),
        overdue.len()
    );
    let list = lines
        .into_iter()
        .take(LIST_LIMIT)
        .map(|line| {
            let when = match (line.closed_red, line.projected_red) {
                (true, true) => "本月与预估均为红",
                (true, false) => "本月为红",
                _ => "预估为红",
            };
            view! {
                <li>
                    <span class="badge colour-red">"■ 红"</span>
                    <strong>{line.name}</strong>
                    <span>
                        {format!(
                            "小组{} · {} · 牵头：{}",
                            format::rank_of(line.group_rank, line.group_count),
                            when,
                            line.lead_unit,
                        )}
                    </span>
                </li>
            }
        })
        .collect_view();
    let more = (total > LIST_LIMIT)
        .then(|| view! { <p class="kiosk-more">{format!("另有 {} 项", total - LIST_LIMIT)}</p> });
    let overdue_list = overdue
        .into_iter()
        .take(3)
        .map(|item| {
            view! {
                <li>
                    <span class="badge overdue">"⚠ 逾期"</span>
                    <strong>{indicator_name(dataset, &item.indicator)}</strong>
                    <span>
                        {format!(
                            "{} · {} · 到期 {}",
                            item.reason,
                            unit_name(dataset, &item.lead_unit),
                            format::date(item.due),
                        )}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="kiosk-summary">{counts}</p>
        {if total == 0 {
            view! { <p class="kiosk-calm">"● 本月无红色指标"</p> }.into_any()
        } else {
            view! { <ul class="kiosk-list">{list}</ul> }.into_any()
        }}
        {more}
        <ul class="kiosk-list">{overdue_list}</ul>
    }
}

/// The charts' size on this screen, in CSS pixels.
struct ChartSize {
    height: u32,
    font: f64,
}

/// Sizes the charts to the viewport: side by side they take about two
/// thirds of a landscape screen, stacked on a portrait one a third each.
/// Text is 26 px at 1080 px, scaled with the viewport's shorter side.
fn chart_size() -> ChartSize {
    let viewport = web_sys::window().and_then(|window| {
        let width = window.inner_width().ok()?.as_f64()?;
        let height = window.inner_height().ok()?.as_f64()?;
        Some((width, height))
    });
    let (width, height) = viewport.unwrap_or((1920.0, 1080.0));
    let share = if width >= height { 0.66 } else { 0.33 };
    ChartSize {
        height: (height * share).round().max(200.0) as u32,
        font: (width.min(height) / 1080.0 * 26.0).clamp(11.0, 40.0),
    }
}

fn charts(snapshot: &Snapshot) -> impl IntoView {
    let size = chart_size();
    let trend =
        total_trend_chart(&snapshot.dataset, &snapshot.report, size.font);
    let peers =
        projected_totals_chart(&snapshot.dataset, &snapshot.report, size.font);
    let height = size.height;
    view! {
        <div class="kiosk-charts">
            <EChart
                chart=Signal::stored(trend)
                height=height
                theme=ChartTheme::Dark
                test_id="kiosk-trend-chart"
                label="本区各月总分走势"
            />
            <EChart
                chart=Signal::stored(peers)
                height=height
                theme=ChartTheme::Dark
                test_id="kiosk-peers-chart"
                label="本组各区县预估总分"
            />
        </div>
    }
}

fn ledger(snapshot: &Snapshot) -> impl IntoView {
    let dataset = &snapshot.dataset;
    let summary = summarise(dataset, &snapshot.report);
    let counts = summary.ledger;
    let tiles = [
        ("任务总数", counts.tasks, ""),
        ("已销号", counts.signed_off, ""),
        ("进度滞后", counts.behind, "warn"),
        ("逾期节点", counts.overdue_milestones, "alert"),
        ("本月到期节点", counts.due_this_month, ""),
    ]
    .into_iter()
    .map(|(name, value, class)| {
        view! {
            <div class=format!("kiosk-tile {class}")>
                <span class="kiosk-tile-value">{value}</span>
                <span class="kiosk-tile-name">{name}</span>
            </div>
        }
    })
    .collect_view();

    let early = format!(
        "提前或超额完成 {} 项，占已销号 {}",
        counts.early,
        format::percent(counts.early_share())
    );
    // Units with the most overdue milestones, most first; ties keep the
    // scheme's order.
    let mut units: Vec<(&str, usize)> = dataset
        .scheme
        .units
        .iter()
        .zip(&snapshot.report.ledger.by_unit)
        .map(|(unit, counts)| (unit.name.as_str(), counts.overdue_milestones))
        .filter(|(_, overdue)| *overdue > 0)
        .collect();
    units.sort_by_key(|(_, overdue)| std::cmp::Reverse(*overdue));
    let behind = units
        .into_iter()
        .take(5)
        .map(|(name, overdue)| {
            view! {
                <li>
                    <span class="badge overdue">"⚠ 逾期"</span>
                    <strong>{name.to_string()}</strong>
                    <span>{format!("逾期节点 {overdue} 个")}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="kiosk-tiles">{tiles}</div>
        <p class="kiosk-summary">{early}</p>
        <ul class="kiosk-list">{behind}</ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    fn snapshot() -> Snapshot {
        let (dataset, report) = fixture::evaluated();
        Snapshot { dataset, report }
    }

    #[test]
    fn playlist_order() {
        let snapshot = snapshot();
        let slides = playlist(&snapshot);
        let rows =
            board(&snapshot.dataset, &snapshot.report, board_period(&snapshot))
                .rows
                .len();
        let pages = rows.div_ceil(ROWS_PER_PAGE).max(1);
        assert_eq!(slides.len(), pages + 3);
        for (page, slide) in slides.iter().take(pages).enumerate() {
            assert_eq!(*slide, Slide::Ranking { page, pages });
        }
        assert_eq!(slides[pages..], [Slide::Red, Slide::Charts, Slide::Ledger]);
    }

    #[test]
    fn board_shows_last_closed_month() {
        let snapshot = snapshot();
        let open = snapshot.dataset.figures.open_period;
        assert!(open.month > 1, "the fixture's open month is after January");
        assert_eq!(board_period(&snapshot), open.prev());
    }

    #[test]
    fn slide_keys_and_titles() {
        let first = Slide::Ranking { page: 0, pages: 3 };
        assert_eq!(first.key(), "ranking-1");
        assert_eq!(first.title(), "排名（1/3）");
        let only = Slide::Ranking { page: 0, pages: 1 };
        assert_eq!(only.title(), "排名");
        assert_eq!(Slide::Red.key(), "red");
        assert_eq!(Slide::Charts.key(), "charts");
        assert_eq!(Slide::Ledger.key(), "ledger");
    }
}
