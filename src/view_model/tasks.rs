//! The task ledger (任务): tasks by unit with their milestones by month,
//! and the statistics.

use dukao_core::ledger::{Counts, MilestoneState, TaskState};
use dukao_core::model::TaskList;
use dukao_core::{Dataset, Date, Period, Report};

/// One milestone as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneRow {
    pub index: usize,
    pub due: Period,
    pub goal: String,
    pub people: Vec<String>,
    pub done: Option<Date>,
    pub state: MilestoneState,
}

/// One task as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRow {
    pub id: String,
    pub title: String,
    pub target: String,
    pub list: TaskList,
    pub unit: String,
    pub unit_name: String,
    pub state: TaskState,
    /// Signed off early or above target.
    pub early: bool,
    pub overdue: usize,
    pub signed_off: Option<Date>,
    pub milestones: Vec<MilestoneRow>,
}

/// A unit's tasks and counts.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitTasks {
    pub unit: String,
    pub name: String,
    pub counts: Counts,
    pub tasks: Vec<TaskRow>,
}

/// Criteria for the listed tasks; `None` keeps all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskFilter {
    pub unit: Option<String>,
    pub list: Option<TaskList>,
    /// Only tasks with an overdue milestone.
    pub behind_only: bool,
}

/// Every task with its computed state, in ledger order.
pub fn rows(dataset: &Dataset, report: &Report) -> Vec<TaskRow> {
    dataset
        .ledger
        .tasks
        .iter()
        .zip(&report.ledger.tasks)
        .map(|(task, status)| TaskRow {
            id: task.id.clone(),
            title: task.title.clone(),
            target: task.target.clone(),
            list: task.list,
            unit: task.unit.clone(),
            unit_name: super::unit_name(dataset, &task.unit),
            state: status.state,
            early: status.early,
            overdue: status.overdue,
            signed_off: task.signed_off,
            milestones: task
                .milestones
                .iter()
                .zip(&status.milestones)
                .enumerate()
                .map(|(index, (milestone, state))| MilestoneRow {
                    index,
                    due: milestone.due,
                    goal: milestone.goal.clone(),
                    people: milestone.people.clone(),
                    done: milestone.done,
                    state: *state,
                })
                .collect(),
        })
        .collect()
}

/// Units with at least one task that passes `filter`, in scheme order,
/// each with its counts over all its tasks.
pub fn by_unit(
    dataset: &Dataset,
    report: &Report,
    filter: &TaskFilter,
) -> Vec<UnitTasks> {
    let rows = rows(dataset, report);
    dataset
        .scheme
        .units
        .iter()
        .enumerate()
        .filter(|(_, unit)| filter.unit.as_ref().is_none_or(|u| *u == unit.id))
        .filter_map(|(index, unit)| {
            let tasks: Vec<TaskRow> = rows
                .iter()
                .filter(|row| row.unit == unit.id)
                .filter(|row| filter.list.is_none_or(|l| l == row.list))
                .filter(|row| !filter.behind_only || row.overdue > 0)
                .cloned()
                .collect();
            (!tasks.is_empty()).then(|| UnitTasks {
                unit: unit.id.clone(),
                name: unit.name.clone(),
                counts: report.ledger.by_unit[index],
                tasks,
            })
        })
        .collect()
}

/// The most pressing milestone state in each month, January first:
/// overdue before due this month before upcoming before done.
pub fn month_strip(task: &TaskRow) -> [Option<MilestoneState>; 12] {
    let weight = |state: MilestoneState| match state {
        MilestoneState::Overdue => 3,
        MilestoneState::DueThisMonth => 2,
        MilestoneState::Upcoming => 1,
        MilestoneState::Done => 0,
    };
    let mut strip = [None; 12];
    for milestone in &task.milestones {
        let slot = &mut strip[milestone.due.month.clamp(1, 12) as usize - 1];
        let pressing = match *slot {
            Some(current) => weight(milestone.state) > weight(current),
            None => true,
        };
        if pressing {
            *slot = Some(milestone.state);
        }
    }
    strip
}

/// The list's key in URLs.
pub fn list_key(list: TaskList) -> &'static str {
    match list {
        TaskList::CityTarget => "city_target",
        TaskList::KeyWork => "key_work",
        TaskList::Business => "business",
        TaskList::Featured => "featured",
    }
}

/// The list a URL key names.
pub fn list_from_key(key: &str) -> Option<TaskList> {
    TaskList::ALL.into_iter().find(|l| list_key(*l) == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    #[test]
    fn rows_carry_states() {
        let (dataset, report) = fixture::evaluated();
        let rows = rows(&dataset, &report);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].state, TaskState::Behind);
        assert_eq!(rows[0].overdue, 1);
        assert_eq!(rows[0].milestones[1].state, MilestoneState::Overdue);
        assert_eq!(rows[1].state, TaskState::SignedOff);
        assert!(rows[1].early, "signed off before its June milestone");
        assert_eq!(rows[2].milestones[0].state, MilestoneState::DueThisMonth);
    }

    #[test]
    fn by_unit_groups_and_filters() {
        let (dataset, report) = fixture::evaluated();
        let all = by_unit(&dataset, &report, &TaskFilter::default());
        let units: Vec<&str> = all.iter().map(|u| u.unit.as_str()).collect();
        assert_eq!(units, ["u1", "u3"]);
        assert_eq!(all[0].counts.tasks, 2);
        let behind = TaskFilter {
            behind_only: true,
            ..TaskFilter::default()
        };
        let behind = by_unit(&dataset, &report, &behind);
        assert_eq!(behind.len(), 1);
        assert_eq!(behind[0].tasks.len(), 1);
        assert_eq!(behind[0].tasks[0].id, "t1");
        let city = TaskFilter {
            list: Some(TaskList::CityTarget),
            ..TaskFilter::default()
        };
        assert_eq!(by_unit(&dataset, &report, &city)[0].tasks[0].id, "t2");
    }

    #[test]
    fn month_strip_marks_milestones() {
        let (dataset, report) = fixture::evaluated();
        let rows = rows(&dataset, &report);
        let strip = month_strip(&rows[0]);
        assert_eq!(strip[0], Some(MilestoneState::Done));
        assert_eq!(strip[1], Some(MilestoneState::Overdue));
        assert_eq!(strip[2], None);
        assert_eq!(strip[5], Some(MilestoneState::Upcoming));
    }

    #[test]
    fn list_key_round_trips() {
        for list in TaskList::ALL {
            assert_eq!(list_from_key(list_key(list)), Some(list));
        }
        assert_eq!(list_from_key("other"), None);
    }
}

/// The date a milestone or sign-off is recorded on: `today` when it lies
/// in the assessment year or the next one (when December's work is
/// finished), else the figures' `as_of` date, as the backend does for
/// supervision actions. This keeps a past year's demo data writable.
pub fn action_date(today: Option<Date>, year: i32, as_of: Date) -> Date {
    today
        .filter(|d| d.year == year || d.year == year + 1)
        .unwrap_or(as_of)
}

/// The dates a milestone's completion or a sign-off may carry: from the
/// first day of the assessment year to the action date, since neither can
/// lie in the future.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateRange {
    pub first: Date,
    pub last: Date,
}

impl DateRange {
    /// Returns the range for `year` ending on `action` (see
    /// [`action_date`]), or one day long when `action` is before `year`.
    pub fn new(year: i32, action: Date) -> DateRange {
        let first = Date::new(year, 1, 1).unwrap_or(action).min(action);
        DateRange {
            first,
            last: action,
        }
    }

    /// Parses the date picker's value (`YYYY-MM-DD`) for `field` (its
    /// Chinese label) and checks that it lies in the range. The error is the
    /// Chinese message shown beside the picker.
    pub fn pick(&self, text: &str, field: &str) -> Result<Date, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("请选择{field}。"));
        }
        let Ok(date) = text.parse::<Date>() else {
            return Err(format!(
                "{field}“{text}”无效：请按“年-月-日”选择，如 {}。",
                self.last
            ));
        };
        if date < self.first || date > self.last {
            return Err(format!(
                "{field} {} 超出范围：请选择 {} 至 {} 之间的日期。",
                crate::format::date(date),
                crate::format::date(self.first),
                crate::format::date(self.last)
            ));
        }
        Ok(date)
    }
}

#[cfg(test)]
mod date_range_tests {
    use super::*;

    fn range() -> DateRange {
        DateRange::new(2022, Date::new(2022, 12, 20).unwrap())
    }

    #[test]
    fn pick_accepts_dates_in_range() {
        let range = range();
        assert_eq!(range.pick("2022-01-01", "完成日期"), Ok(range.first));
        assert_eq!(range.pick(" 2022-12-20 ", "完成日期"), Ok(range.last));
        assert_eq!(
            range.pick("2022-06-15", "完成日期"),
            Ok(Date::new(2022, 6, 15).unwrap())
        );
    }

    #[test]
    fn pick_rejects_empty_and_invalid() {
        let range = range();
        assert_eq!(range.pick("", "完成日期"), Err("请选择完成日期。".into()));
        let invalid = range.pick("2022-02-30", "完成日期").unwrap_err();
        assert!(invalid.contains("“2022-02-30”无效"), "{invalid}");
        assert!(invalid.contains("2022-12-20"), "{invalid}");
    }

    #[test]
    fn pick_rejects_dates_outside_range() {
        let range = range();
        let future = range.pick("2022-12-21", "销号日期").unwrap_err();
        assert!(future.starts_with("销号日期 2022年12月21日 超出范围"), "{future}");
        assert!(future.contains("2022年1月1日 至 2022年12月20日"), "{future}");
        let before = range.pick("2021-12-31", "销号日期").unwrap_err();
        assert!(before.contains("2021年12月31日 超出范围"), "{before}");
    }

    #[test]
    fn range_of_next_year_action() {
        let action = Date::new(2023, 1, 5).unwrap();
        let range = DateRange::new(2022, action);
        assert_eq!(range.first, Date::new(2022, 1, 1).unwrap());
        assert_eq!(range.last, action);
        let early = DateRange::new(2022, Date::new(2021, 5, 1).unwrap());
        assert_eq!(early.first, early.last);
    }
}

#[cfg(test)]
mod action_date_tests {
    use super::*;

    #[test]
    fn action_date_prefers_today_in_year() {
        let as_of = Date::new(2022, 12, 20).unwrap();
        let today = Date::new(2023, 1, 5).unwrap();
        assert_eq!(action_date(Some(today), 2022, as_of), today);
        let later = Date::new(2026, 12, 4).unwrap();
        assert_eq!(action_date(Some(later), 2022, as_of), as_of);
        assert_eq!(action_date(None, 2022, as_of), as_of);
    }
}
