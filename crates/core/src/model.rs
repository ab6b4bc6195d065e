//! The four JSON documents the engine reads: the scheme, the figures,
//! the task ledger and the supervision items. docs/data-format.md
//! describes each field with an example.

use serde::{Deserialize, Serialize};

use crate::period::{Date, Period};

/// Whether a higher or a lower figure is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
}

/// The way an indicator's figure accumulates over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A year-to-date amount (e.g. investment so far this year).
    Cumulative,
    /// A rate or level as of the period (e.g. growth on the year before).
    Level,
}

/// The set of entities an indicator is ranked and scored among.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum RankSet {
    /// All peers of the city.
    City,
    /// The peers in the home peer's group.
    #[default]
    Group,
    /// The home peer's own units.
    District,
}

/// The source of the best and worst values the efficacy coefficient uses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Bounds {
    /// Fixed by the scheme: the satisfactory and the unacceptable value.
    Fixed {
        satisfactory: f64,
        unacceptable: f64,
        /// Keep the score within [base, full] when the figure lies
        /// outside the two values.
        #[serde(default)]
        clamp: bool,
    },
    /// The best and worst figure of the rank set in that period.
    RankSet,
}

/// The scoring method that turns a figure into points (F is the
/// indicator's full points).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Method {
    /// F × max(0, 1 − step × (rank − 1)), or points from `table` by rank
    /// (ranks past its end get its last entry).
    RankPoints {
        #[serde(default = "default_step")]
        step: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        table: Option<Vec<f64>>,
    },
    /// base + (x − worst) / (best − worst) × (F − base).
    Efficacy {
        /// The base as a share of F.
        #[serde(default = "default_base_share")]
        base_share: f64,
        bounds: Bounds,
    },
    /// F × clamp(x / target, 0, cap); lower is better: target / x.
    Completion {
        target: f64,
        #[serde(default = "default_cap")]
        cap: f64,
    },
    /// F when the target is met, else `partial` points.
    Threshold {
        target: f64,
        #[serde(default)]
        partial: f64,
    },
    /// Bonus or penalty points (加减分): the figure counts events, each
    /// worth `per_event` points (added when higher is better, taken off
    /// when lower is better), within −penalty_cap to +bonus_cap.
    BonusPenalty {
        per_event: f64,
        #[serde(default)]
        bonus_cap: f64,
        #[serde(default)]
        penalty_cap: f64,
    },
}

fn default_step() -> f64 {
    0.05
}

fn default_base_share() -> f64 {
    0.6
}

fn default_cap() -> f64 {
    1.0
}

/// A peer: one of the city's districts, counties or functional areas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Peer {
    pub id: String,
    pub name: String,
    /// Other names the city's spreadsheets use (e.g. 济南高新区).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub group: String,
}

/// A group of peers ranked together (小组), or a group of home units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub name: String,
}

/// One of the home district's units (towns, streets, departments).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub group: String,
}

/// A first-level indicator (an area of the scheme).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub name: String,
}

/// A second-level indicator: what is measured and how it is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    /// The first-level indicator this one belongs to.
    pub area: String,
    pub direction: Direction,
    pub kind: Kind,
    /// Unit of measure shown beside figures, e.g. "%" or "亿元".
    pub measure: String,
    /// Decimals figures are compared and shown at.
    pub decimals: u32,
    /// Full points F.
    pub full_points: f64,
    #[serde(flatten)]
    pub method: Method,
    #[serde(default)]
    pub rank_set: RankSet,
    pub lead_unit: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support_units: Vec<String>,
    /// In the monthly ranking (月度排名).
    pub monthly: bool,
    /// First active month, when added during the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_from: Option<Period>,
    /// Last active month, when dropped during the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_until: Option<Period>,
    /// Expected share of the year's amount reached by the end of each
    /// month, January first; the last entry is 1. Cumulative kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seasonal_profile: Option<Vec<f64>>,
}

/// Largest magnitude a reported figure may have; anything bigger is a
/// typing slip (extra digits), not a figure.
pub const MAX_FIGURE_MAGNITUDE: f64 = 1e15;

/// The reason a figure cannot be an indicator's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FigureError {
    /// Not finite, or beyond [`MAX_FIGURE_MAGNITUDE`].
    OutOfRange(f64),
    /// Negative for a year-to-date amount or an event count.
    Negative(f64),
}

impl FigureError {
    /// Returns the reason in English, for logs and API errors.
    pub fn message(&self, indicator: &Indicator) -> String {
        match self {
            FigureError::OutOfRange(value) => format!(
                "value {value} is out of range: expected at most \
                 {MAX_FIGURE_MAGNITUDE:e} in magnitude"
            ),
            FigureError::Negative(value) => format!(
                "value {value} of indicator {} is negative: a year-to-date \
                 amount or an event count must be 0 or more",
                indicator.id
            ),
        }
    }

    /// Returns the reason in Chinese, for the screen.
    pub fn message_zh(&self, indicator: &Indicator) -> String {
        match self {
            FigureError::OutOfRange(value) => {
                format!("数值 {value} 超出允许范围，请检查是否多输了位数")
            }
            FigureError::Negative(value) => format!(
                "指标“{}”为累计值或次数，不能为负数（填写的是 {value}），请改为 0 或正数",
                indicator.name
            ),
        }
    }
}

impl Indicator {
    /// Checks a figure against what the indicator's measure allows:
    /// year-to-date amounts and counted events cannot be negative, rates
    /// and levels may be.
    pub fn check_figure(&self, value: f64) -> Result<(), FigureError> {
        if !value.is_finite() || value.abs() > MAX_FIGURE_MAGNITUDE {
            return Err(FigureError::OutOfRange(value));
        }
        let counts = matches!(self.method, Method::BonusPenalty { .. });
        if value < 0.0 && (self.kind == Kind::Cumulative || counts) {
            return Err(FigureError::Negative(value));
        }
        Ok(())
    }

    /// Returns whether the indicator is assessed in `period`.
    pub fn is_active(&self, period: Period) -> bool {
        self.active_from.is_none_or(|from| period >= from)
            && self.active_until.is_none_or(|until| period <= until)
    }
}

/// Colour thresholds by group rank (红黄绿).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColourRules {
    /// Ranks up to this one are green.
    #[serde(default = "default_green_ranks")]
    pub green_ranks: u32,
}

fn default_green_ranks() -> u32 {
    3
}

impl Default for ColourRules {
    fn default() -> Self {
        ColourRules {
            green_ranks: default_green_ranks(),
        }
    }
}

/// When supervision items are raised and how handling them is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupervisionRules {
    /// Pre-supervision when the projected score is under this share of F.
    #[serde(default = "default_score_share")]
    pub pre_score_share: f64,
    /// Post-supervision when the group rank fell by at least this many.
    #[serde(default = "default_rank_drop")]
    pub rank_drop: u32,
    /// Days after the period's end an item is due.
    #[serde(default = "default_due_days")]
    pub due_days: u32,
    #[serde(default)]
    pub points_closed_on_time: f64,
    #[serde(default = "default_points_late")]
    pub points_closed_late: f64,
    #[serde(default = "default_points_open")]
    pub points_open_at_year_end: f64,
    #[serde(default = "default_points_out_of_red")]
    pub points_out_of_red: f64,
}

fn default_score_share() -> f64 {
    0.6
}
fn default_rank_drop() -> u32 {
    2
}
fn default_due_days() -> u32 {
    15
}
fn default_points_late() -> f64 {
    -0.5
}
fn default_points_open() -> f64 {
    -1.0
}
fn default_points_out_of_red() -> f64 {
    0.5
}

impl Default for SupervisionRules {
    fn default() -> Self {
        SupervisionRules {
            pre_score_share: default_score_share(),
            rank_drop: default_rank_drop(),
            due_days: default_due_days(),
            points_closed_on_time: 0.0,
            points_closed_late: default_points_late(),
            points_open_at_year_end: default_points_open(),
            points_out_of_red: default_points_out_of_red(),
        }
    }
}

/// Weights that combine monthly and year-end results and the units' parts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnualRules {
    /// Weight w of the monthly mean in each indicator's annual score;
    /// at least 0.4.
    #[serde(default = "default_monthly_weight")]
    pub monthly_weight: f64,
    /// Weight of supervision handling points in a unit's total.
    #[serde(default = "default_one")]
    pub supervision_weight: f64,
    /// Points per task signed off.
    #[serde(default = "default_per_signed_off")]
    pub per_signed_off: f64,
    /// Extra points per task signed off early or above target.
    #[serde(default = "default_per_early")]
    pub per_early: f64,
    /// Points per overdue milestone (negative).
    #[serde(default = "default_per_overdue")]
    pub per_overdue: f64,
}

fn default_monthly_weight() -> f64 {
    0.4
}
fn default_one() -> f64 {
    1.0
}
fn default_per_signed_off() -> f64 {
    0.1
}
fn default_per_early() -> f64 {
    0.05
}
fn default_per_overdue() -> f64 {
    -0.05
}

impl Default for AnnualRules {
    fn default() -> Self {
        AnnualRules {
            monthly_weight: default_monthly_weight(),
            supervision_weight: default_one(),
            per_signed_off: default_per_signed_off(),
            per_early: default_per_early(),
            per_overdue: default_per_overdue(),
        }
    }
}

/// The assessment scheme (scheme.json).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scheme {
    pub year: i32,
    pub title: String,
    /// The peer whose results this deployment serves (本区).
    pub home: String,
    pub peer_groups: Vec<Group>,
    pub peers: Vec<Peer>,
    pub unit_groups: Vec<Group>,
    pub units: Vec<Unit>,
    pub areas: Vec<Area>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub colours: ColourRules,
    #[serde(default)]
    pub supervision: SupervisionRules,
    #[serde(default)]
    pub annual: AnnualRules,
}

/// The publication a published figure comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub period: Period,
    pub publisher: String,
    pub title: String,
    pub date: String,
}

/// One entity's figures for one indicator, month by month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub indicator: String,
    /// A peer id in `peers`, a unit id in `units`.
    pub entity: String,
    /// The month of `values[0]`.
    pub from: Period,
    /// One figure a month; `null` where none was reported.
    pub values: Vec<Option<f64>>,
    /// Figures that were published, with their sources; every other
    /// figure in the series is synthetic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// The figures (figures.json).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub year: i32,
    /// The month being collected now; months before it are closed.
    pub open_period: Period,
    /// The date the engine treats as today (ledger states, due dates).
    pub as_of: Date,
    /// When the figures last changed (ISO 8601), for display.
    #[serde(default)]
    pub updated_at: String,
    pub peers: Vec<Series>,
    #[serde(default)]
    pub units: Vec<Series>,
}

/// The four lists of the annual task ledger (年度任务底册).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskList {
    /// 市考核任务目标.
    CityTarget,
    /// 重点工作目标.
    KeyWork,
    /// 业务工作目标.
    Business,
    /// 特色工作.
    Featured,
}

impl TaskList {
    pub const ALL: [TaskList; 4] = [
        TaskList::CityTarget,
        TaskList::KeyWork,
        TaskList::Business,
        TaskList::Featured,
    ];

    /// Returns the list's name as the office writes it.
    pub fn name_zh(self) -> &'static str {
        match self {
            TaskList::CityTarget => "市考核任务目标",
            TaskList::KeyWork => "重点工作目标",
            TaskList::Business => "业务工作目标",
            TaskList::Featured => "特色工作",
        }
    }
}

/// A monthly milestone (节点) of a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub due: Period,
    pub goal: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
}

/// A task of the annual ledger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub list: TaskList,
    pub unit: String,
    pub title: String,
    pub target: String,
    pub milestones: Vec<Milestone>,
    /// Struck off the ledger (销号) on this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_off: Option<Date>,
    /// Completed above its target (超额完成).
    #[serde(default)]
    pub above_target: bool,
}

/// The task ledger (ledger.json).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub year: i32,
    pub tasks: Vec<Task>,
}

/// The rule that raised a supervision item.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// 事前督查: the projected result looks poor before the month closes.
    Pre,
    /// 事后督查: red, or the rank fell sharply, in a closed month.
    Post,
    /// 缺报: a figure is missing.
    Missing,
}

/// The handling state of a supervision item.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Open,
    Responded,
    Rectified,
    Closed,
}

/// The handling record of one supervision item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub indicator: String,
    pub period: Period,
    pub kind: ItemKind,
    pub status: ItemStatus,
    /// Overrides the due date the rules give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectified: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The handling records of supervision items (supervision.json).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct SupervisionLog {
    pub items: Vec<ItemRecord>,
}

#[cfg(test)]
mod figure_tests {
    use super::*;

    fn indicator(kind: &str, method: &str) -> Indicator {
        let json = format!(
            r#"{{"id": "x", "name": "指标", "area": "a", "direction": "higher",
                "kind": "{kind}", "measure": "亿元", "decimals": 1,
                "full_points": 5, "method": "{method}", "step": 0.1,
                "base": 1, "bonus": 1, "penalty": 1,
                "lead_unit": "u", "monthly": true}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn negative_figures_by_kind() {
        let level = indicator("level", "rank_points");
        assert_eq!(level.check_figure(-2.5), Ok(()));
        let amount = indicator("cumulative", "rank_points");
        assert_eq!(amount.check_figure(0.0), Ok(()));
        assert_eq!(amount.check_figure(-2.5), Err(FigureError::Negative(-2.5)));
        let message = FigureError::Negative(-2.5).message_zh(&amount);
        assert!(message.contains("不能为负数（填写的是 -2.5）"), "{message}");
    }

    #[test]
    fn huge_figures_rejected() {
        let level = indicator("level", "rank_points");
        assert_eq!(level.check_figure(1e20), Err(FigureError::OutOfRange(1e20)));
        assert!(level.check_figure(f64::NAN).is_err());
        assert_eq!(level.check_figure(MAX_FIGURE_MAGNITUDE), Ok(()));
    }
}
