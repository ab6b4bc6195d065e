//! The monthly ranking bulletin (排名通报) for one period.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::evaluate::Report;
use crate::period::Period;
use crate::scoring::{round2, Colour};
use crate::supervision::Item;

/// One indicator's line in the bulletin.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BulletinRow {
    pub id: String,
    pub name: String,
    pub area: String,
    pub measure: String,
    pub value: Option<f64>,
    pub city_rank: Option<u32>,
    pub group_rank: Option<u32>,
    /// Rounded to 2 decimals; 0 when missing.
    pub score: f64,
    pub full_points: f64,
    pub colour: Colour,
    /// Places risen since the month before (negative: fallen).
    pub rank_change: Option<i32>,
    /// Present for the open period only.
    pub projected_score: Option<f64>,
    /// Home figure needed for the next better group rank.
    pub next_rank_value: Option<f64>,
    pub next_rank_points: Option<f64>,
    /// Home figure needed for green.
    pub green_value: Option<f64>,
}

/// The bulletin: every monthly-ranked indicator active in the period,
/// with totals and the supervision items raised for the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bulletin {
    pub title: String,
    pub period: Period,
    pub home: String,
    pub indicators: Vec<BulletinRow>,
    pub total_score: f64,
    pub total_city_rank: Option<u32>,
    pub total_group_rank: Option<u32>,
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub missing: usize,
    /// Projected year-end total, for the open period only.
    pub projected_total: Option<f64>,
    pub items: Vec<Item>,
}

/// Why no bulletin can be made for the period asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodError {
    pub period: Period,
    pub first: Period,
    pub open: Period,
}

impl std::fmt::Display for PeriodError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no bulletin for {}: choose a month from {} to {}",
            self.period, self.first, self.open
        )
    }
}

impl std::error::Error for PeriodError {}

impl Bulletin {
    /// The bulletin for `period`, which must lie between January and the
    /// open month of the dataset's year.
    pub fn build(
        dataset: &Dataset,
        report: &Report,
        period: Period,
    ) -> Result<Bulletin, PeriodError> {
        let scheme = &dataset.scheme;
        let first = Period {
            year: scheme.year,
            month: 1,
        };
        let open = dataset.figures.open_period;
        if period < first || period > open {
            return Err(PeriodError {
                period,
                first,
                open,
            });
        }
        let home = dataset.home();
        let mut rows = Vec::new();
        for (spec, result) in scheme.indicators.iter().zip(&report.indicators) {
            if !spec.monthly {
                continue;
            }
            let Some(month) = result.month(period) else {
                continue;
            };
            let cell = month.peers[home];
            let projected_score = result
                .projection
                .as_ref()
                .filter(|p| p.period == period)
                .map(|p| round2(p.peers[home].score));
            rows.push(BulletinRow {
                id: spec.id.clone(),
                name: spec.name.clone(),
                area: spec.area.clone(),
                measure: spec.measure.clone(),
                value: cell.value,
                city_rank: cell.city_rank,
                group_rank: cell.group_rank,
                score: round2(cell.score),
                full_points: spec.full_points,
                colour: cell.colour,
                rank_change: month.rank_change,
                projected_score,
                next_rank_value: month.gap.next_rank.map(|g| g.value),
                next_rank_points: month
                    .gap
                    .next_rank
                    .map(|g| round2(g.points_added)),
                green_value: month.gap.green.map(|g| g.value),
            });
        }
        let count = |colour| rows.iter().filter(|r| r.colour == colour).count();
        let totals = report.monthly_totals.iter().find(|t| t.period == period);
        let projected_total = (period == open)
            .then(|| round2(report.projected_totals.scores[home]));
        Ok(Bulletin {
            title: format!("{}年{}月 排名通报", period.year, period.month),
            period,
            home: scheme.peers[home].name.clone(),
            green: count(Colour::Green),
            yellow: count(Colour::Yellow),
            red: count(Colour::Red),
            missing: count(Colour::Grey),
            indicators: rows,
            total_score: totals.map_or(0.0, |t| round2(t.scores[home])),
            total_city_rank: totals.and_then(|t| t.city_ranks[home]),
            total_group_rank: totals.and_then(|t| t.group_ranks[home]),
            projected_total,
            items: report
                .supervision
                .iter()
                .filter(|item| item.period == period)
                .cloned()
                .collect(),
        })
    }

    /// The bulletin as CSV with a Chinese header, one line per indicator.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "指标编号,指标名称,单位,数值,全市排名,小组排名,得分,满分,颜色,\
             排名变化,预估得分,进位所需数值,进位可增分,达绿所需数值\n",
        );
        let number =
            |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
        let rank = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
        for row in &self.indicators {
            let fields = [
                csv_field(&row.id),
                csv_field(&row.name),
                csv_field(&row.measure),
                number(row.value),
                rank(row.city_rank),
                rank(row.group_rank),
                format!("{:.2}", row.score),
                row.full_points.to_string(),
                row.colour.name_zh().to_string(),
                row.rank_change.map_or(String::new(), |c| format!("{c:+}")),
                row.projected_score
                    .map_or(String::new(), |s| format!("{s:.2}")),
                number(row.next_rank_value),
                row.next_rank_points
                    .map_or(String::new(), |s| format!("{s:.2}")),
                number(row.green_value),
            ];
            out.push_str(&fields.join(","));
            out.push('\n');
        }
        out.push_str(&format!(
            ",合计,,,{},{},{:.2},,,,,,,\n",
            rank(self.total_city_rank),
            rank(self.total_group_rank),
            self.total_score
        ));
        out
    }
}

/// Quotes a CSV field when it contains a comma, quote or line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
