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

/// The reason a task may not be signed off on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOffError {
    /// Milestone `index` (counted from 0) is not done yet.
    OpenMilestone { index: usize, due: crate::Period },
    /// The date is before milestone `index` was done.
    BeforeMilestone { index: usize, done: Date },
}

impl SignOffError {
    /// Returns the reason in English, for logs and API errors.
    pub fn message(&self) -> String {
        match self {
            SignOffError::OpenMilestone { index, due } => format!(
                "milestone {index} (due {due}) is not done: mark every \
                 milestone done before signing the task off"
            ),
            SignOffError::BeforeMilestone { index, done } => format!(
                "milestone {index} was done on {done}: sign the task off on \
                 that day or later"
            ),
        }
    }

    /// Returns the reason in Chinese, for the screen.
    pub fn message_zh(&self) -> String {
        match self {
            SignOffError::OpenMilestone { due, .. } => format!(
                "{}年{}月的节点尚未完成：请先完成全部节点再销号。",
                due.year, due.month
            ),
            SignOffError::BeforeMilestone { done, .. } => format!(
                "销号日期不能早于最后一个节点的完成日期（{}年{}月{}日）。",
                done.year, done.month, done.day
            ),
        }
    }
}

/// Checks that `task` may be signed off (销号) on `date`: every milestone
/// is done, and none later than `date`.
pub fn check_sign_off(task: &Task, date: Date) -> Result<(), SignOffError> {
    let mut latest: Option<(usize, Date)> = None;
    for (index, milestone) in task.milestones.iter().enumerate() {
        let Some(done) = milestone.done else {
            return Err(SignOffError::OpenMilestone {
                index,
                due: milestone.due,
            });
        };
        if latest.is_none_or(|(_, last)| done > last) {
            latest = Some((index, done));
        }
    }
    match latest {
        Some((index, done)) if date < done => {
            Err(SignOffError::BeforeMilestone { index, done })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod sign_off_tests {
    use super::*;
    use crate::model::{Milestone, Task, TaskList};
    use crate::Period;

    fn task(done: &[Option<Date>]) -> Task {
        Task {
            id: "t".into(),
            list: TaskList::KeyWork,
            unit: "u".into(),
            title: "任务".into(),
            target: "目标".into(),
            milestones: done
                .iter()
                .enumerate()
                .map(|(i, done)| Milestone {
                    due: Period::new(2022, i as u32 + 3).unwrap(),
                    goal: "节点".into(),
                    people: Vec::new(),
                    done: *done,
                })
                .collect(),
            signed_off: None,
            above_target: false,
        }
    }

    fn day(month: u32, day: u32) -> Date {
        Date::new(2022, month, day).unwrap()
    }

    #[test]
    fn sign_off_after_last_milestone() {
        let t = task(&[Some(day(3, 20)), Some(day(5, 2)), Some(day(4, 9))]);
        assert_eq!(check_sign_off(&t, day(5, 2)), Ok(()));
        assert_eq!(check_sign_off(&t, day(12, 1)), Ok(()));
        assert_eq!(check_sign_off(&task(&[]), day(1, 1)), Ok(()));
    }

    #[test]
    fn sign_off_before_last_milestone() {
        let t = task(&[Some(day(3, 20)), Some(day(5, 2)), Some(day(4, 9))]);
        let error = check_sign_off(&t, day(5, 1)).unwrap_err();
        assert_eq!(
            error,
            SignOffError::BeforeMilestone {
                index: 1,
                done: day(5, 2)
            }
        );
        assert!(error.message_zh().contains("2022年5月2日"));
        assert!(error.message().contains("2022-05-02"));
    }

    #[test]
    fn sign_off_with_open_milestone() {
        let t = task(&[Some(day(3, 20)), None, None]);
        let error = check_sign_off(&t, day(12, 1)).unwrap_err();
        assert_eq!(
            error,
            SignOffError::OpenMilestone {
                index: 1,
                due: Period::new(2022, 4).unwrap()
            }
        );
        assert!(error.message_zh().starts_with("2022年4月的节点尚未完成"));
    }
}
