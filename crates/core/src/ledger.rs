//! Task ledger states and counts (年度任务底册).

use serde::Serialize;

use crate::dataset::Dataset;
use crate::model::{Milestone, Task, TaskList};
use crate::period::Date;

/// The state of a milestone on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneState {
    Done,
    DueThisMonth,
    Overdue,
    Upcoming,
}

impl MilestoneState {
    /// The milestone's state as of `today`.
    pub fn of(milestone: &Milestone, today: Date) -> MilestoneState {
        if milestone.done.is_some() {
            MilestoneState::Done
        } else if milestone.due < today.period() {
            MilestoneState::Overdue
        } else if milestone.due == today.period() {
            MilestoneState::DueThisMonth
        } else {
            MilestoneState::Upcoming
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            MilestoneState::Done => "已完成",
            MilestoneState::DueThisMonth => "本月到期",
            MilestoneState::Overdue => "已逾期",
            MilestoneState::Upcoming => "未到期",
        }
    }
}

/// The state of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Struck off the ledger (已销号).
    SignedOff,
    OnTrack,
    /// At least one milestone overdue.
    Behind,
}

impl TaskState {
    pub fn name_zh(self) -> &'static str {
        match self {
            TaskState::SignedOff => "已销号",
            TaskState::OnTrack => "正常推进",
            TaskState::Behind => "滞后",
        }
    }
}

/// One task's computed state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskStatus {
    pub state: TaskState,
    pub milestones: Vec<MilestoneState>,
    /// Signed off before its last milestone's month, or above target.
    pub early: bool,
    pub overdue: usize,
}

impl TaskStatus {
    /// The task's state as of `today`.
    pub fn of(task: &Task, today: Date) -> TaskStatus {
        let milestones: Vec<MilestoneState> = task
            .milestones
            .iter()
            .map(|m| MilestoneState::of(m, today))
            .collect();
        let overdue = milestones
            .iter()
            .filter(|s| **s == MilestoneState::Overdue)
            .count();
        let last_due = task.milestones.iter().map(|m| m.due).max();
        let early = match task.signed_off {
            Some(date) => {
                task.above_target
                    || last_due.is_some_and(|due| date.period() < due)
            }
            None => false,
        };
        let state = if task.signed_off.is_some() {
            TaskState::SignedOff
        } else if overdue > 0 {
            TaskState::Behind
        } else {
            TaskState::OnTrack
        };
        TaskStatus {
            state,
            milestones,
            early,
            overdue,
        }
    }
}

/// Counts over a set of tasks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tasks: usize,
    pub signed_off: usize,
    pub on_track: usize,
    pub behind: usize,
    /// Signed off early or above target.
    pub early: usize,
    pub overdue_milestones: usize,
    pub due_this_month: usize,
}

impl Counts {
    fn add(&mut self, status: &TaskStatus) {
        self.tasks += 1;
        match status.state {
            TaskState::SignedOff => self.signed_off += 1,
            TaskState::OnTrack => self.on_track += 1,
            TaskState::Behind => self.behind += 1,
        }
        self.early += status.early as usize;
        self.overdue_milestones += status.overdue;
        self.due_this_month += status
            .milestones
            .iter()
            .filter(|s| **s == MilestoneState::DueThisMonth)
            .count();
    }

    /// Share of signed-off tasks done early or above target (0 when none).
    pub fn early_share(&self) -> f64 {
        if self.signed_off == 0 {
            0.0
        } else {
            self.early as f64 / self.signed_off as f64
        }
    }
}

/// The ledger's states and counts as of the figures' `as_of` date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LedgerReport {
    /// In ledger order.
    pub tasks: Vec<TaskStatus>,
    pub by_list: Vec<(TaskList, Counts)>,
    /// In scheme unit order.
    pub by_unit: Vec<Counts>,
    pub total: Counts,
}

/// Computes every task's state and the counts.
pub fn summarise(dataset: &Dataset) -> LedgerReport {
    let today = dataset.figures.as_of;
    let mut by_list: Vec<(TaskList, Counts)> = TaskList::ALL
        .iter()
        .map(|l| (*l, Counts::default()))
        .collect();
    let mut by_unit = vec![Counts::default(); dataset.scheme.units.len()];
    let mut total = Counts::default();
    let mut tasks = Vec::with_capacity(dataset.ledger.tasks.len());
    for task in &dataset.ledger.tasks {
        let status = TaskStatus::of(task, today);
        total.add(&status);
        if let Some((_, counts)) =
            by_list.iter_mut().find(|(l, _)| *l == task.list)
        {
            counts.add(&status);
        }
        if let Some(unit) = dataset.unit_index(&task.unit) {
            by_unit[unit].add(&status);
        }
        tasks.push(status);
    }
    LedgerReport {
        tasks,
        by_list,
        by_unit,
        total,
    }
}
