//! The task ledger: 841 tasks over the four lists and 88 units, each
//! split into monthly milestones, in the state they would be in on the
//! figures' `as_of` date.

use std::collections::BTreeSet;

use dukao_core::model::{Ledger, Milestone, Task, TaskList};
use dukao_core::{Date, Period};

use crate::figures::{AS_OF, YEAR};
use crate::ledger_text::{
    person_name, target_number, target_templates, title_templates, FIRST_GOALS,
    LAST_GOALS, MIDDLE_GOALS,
};
use crate::rng::Rng;
use crate::units::{UnitSpec, ECONOMIC, TOWN, UNITS};

/// Tasks per list. The district reports 268 city targets, 52 featured
/// works and 521 other key tasks for a year. The 521 are split here
/// between key work and routine business.
pub const LIST_SIZES: [(TaskList, usize); 4] = [
    (TaskList::CityTarget, 268),
    (TaskList::KeyWork, 396),
    (TaskList::Business, 125),
    (TaskList::Featured, 52),
];

/// Chance that a task is behind (an overdue milestone) on `AS_OF`.
const BEHIND: f64 = 0.06;
/// Chance that a task ending in December is already signed off.
const DECEMBER_SIGNED_OFF: f64 = 0.35;
/// Chances that a signed-off task finished a month or more early, and
/// that it exceeded its target; together about 20% of signed-off tasks.
const EARLY: f64 = 0.16;
const ABOVE_TARGET: f64 = 0.1;

fn tasks_per_unit(unit: &UnitSpec, index_in_group: usize) -> usize {
    match unit.group {
        TOWN => 14,
        ECONOMIC => 11,
        // 48 other departments: 35 with 8 tasks, 13 with 7.
        _ if index_in_group < 35 => 8,
        _ => 7,
    }
}

/// Assigns each task slot a list, by unit: city targets lean to economic
/// departments and towns, routine business to the other departments.
fn assign_lists(slots: &[&UnitSpec], rng: &mut Rng) -> Vec<TaskList> {
    let lean = |list: TaskList, group: &str| match (list, group) {
        (TaskList::CityTarget, ECONOMIC) => 0.6,
        (TaskList::CityTarget, TOWN) => 0.4,
        (TaskList::Business, g) if g != ECONOMIC && g != TOWN => 0.3,
        _ => 0.0,
    };
    let mut lists: Vec<Option<TaskList>> = vec![None; slots.len()];
    for (list, size) in LIST_SIZES {
        if list == TaskList::KeyWork {
            continue;
        }
        let mut keys: Vec<(f64, usize)> = (0..slots.len())
            .filter(|&i| lists[i].is_none())
            .map(|i| (lean(list, slots[i].group) + rng.unit(), i))
            .collect();
        keys.sort_by(|a, b| b.0.total_cmp(&a.0));
        for &(_, i) in keys.iter().take(size) {
            lists[i] = Some(list);
        }
    }
    lists
        .into_iter()
        .map(|l| l.unwrap_or(TaskList::KeyWork))
        .collect()
}

fn date(month: u32, day: u32) -> Date {
    Date::new(YEAR, month, day)
        .unwrap_or_else(|| panic!("invalid day {YEAR}-{month:02}-{day:02}"))
}

fn goal(index: usize, count: usize, rng: &mut Rng) -> String {
    if index == 0 {
        return rng.pick(&FIRST_GOALS).to_string();
    }
    if index + 1 == count {
        return rng.pick(&LAST_GOALS).to_string();
    }
    let percent = ((index + 1) * 100 / count).div_ceil(5) * 5;
    rng.pick(&MIDDLE_GOALS).replace("{}", &percent.to_string())
}

/// Picks a title for the unit's task that the unit has not used yet.
fn title(
    unit: &UnitSpec,
    list: TaskList,
    topic: &str,
    used: &mut BTreeSet<String>,
    rng: &mut Rng,
) -> String {
    let templates = title_templates(list);
    let start = rng.below(templates.len());
    for k in 0..templates.len() {
        let title =
            templates[(start + k) % templates.len()].replace("{}", topic);
        if used.insert(title.clone()) {
            return title;
        }
    }
    let base = templates[start].replace("{}", topic);
    let title = format!("{base}（{}）", unit.name);
    let mut numbered = title.clone();
    let mut n = 2;
    while !used.insert(numbered.clone()) {
        numbered = format!("{title}{n}");
        n += 1;
    }
    numbered
}

/// The state of a task on `AS_OF`.
enum Outcome {
    /// Signed off after its last milestone, possibly above target.
    SignedOff { above_target: bool },
    /// Finished and signed off in `month`, before its last milestone.
    Early { month: u32, above_target: bool },
    /// The last `undone` milestones before December are not done.
    Behind { undone: usize },
    /// On track: only December's milestone is open.
    OnTrack,
}

fn outcome(first: u32, last: u32, rng: &mut Rng) -> Outcome {
    let months_before_december = last.min(11).saturating_sub(first) + 1;
    if rng.chance(BEHIND) && first < 12 {
        let undone = 1 + rng.below(2.min(months_before_december as usize));
        return Outcome::Behind { undone };
    }
    if last == 12 && !rng.chance(DECEMBER_SIGNED_OFF) {
        return Outcome::OnTrack;
    }
    let above_target = rng.chance(ABOVE_TARGET);
    if last >= first + 2 && rng.chance(EARLY) {
        let month = last - 1 - rng.below(2) as u32;
        return Outcome::Early {
            month,
            above_target,
        };
    }
    Outcome::SignedOff { above_target }
}

/// Whether the milestone due in `month` is still open on `AS_OF`.
fn is_open(outcome: &Outcome, month: u32, last: u32) -> bool {
    let december = AS_OF.period().month;
    match *outcome {
        Outcome::Behind { undone } => {
            let last_before_december = last.min(december - 1);
            let overdue = month <= last_before_december
                && month + undone as u32 > last_before_december;
            month == december || overdue
        }
        Outcome::OnTrack => month == december,
        _ => false,
    }
}

/// Draws the monthly milestones from `first` to `last`, done or open as
/// `outcome` has it.
fn milestones(
    first: u32,
    last: u32,
    outcome: &Outcome,
    people: &[String],
    rng: &mut Rng,
) -> Vec<Milestone> {
    let december = AS_OF.period().month;
    let count = (last - first + 1) as usize;
    let mut milestones = Vec::with_capacity(count);
    for (index, month) in (first..=last).enumerate() {
        let done = (!is_open(outcome, month, last)).then(|| {
            let finish = match *outcome {
                Outcome::Early { month: finish, .. } => month.min(finish),
                _ => month,
            };
            let latest = if finish == december {
                AS_OF.day - 1
            } else {
                28
            };
            date(finish, 3 + rng.below(latest as usize - 2) as u32)
        });
        milestones.push(Milestone {
            due: Period { year: YEAR, month },
            goal: goal(index, count, rng),
            people: people.to_vec(),
            done,
        });
    }
    milestones
}

fn task(
    unit: &UnitSpec,
    number: usize,
    list: TaskList,
    used: &mut BTreeSet<String>,
    people: &[String],
) -> Task {
    let mut rng = Rng::for_key(&["task", unit.id, &number.to_string()]);
    let topic = unit.topics[number % unit.topics.len()];
    let title = title(unit, list, topic, used, &mut rng);
    let template = *rng.pick(target_templates(list));
    let target =
        template.replace("{}", &target_number(template, &mut rng).to_string());

    let first = 1 + rng.below(5) as u32;
    let last = if rng.chance(0.55) {
        12
    } else {
        (first + 3 + rng.below(5) as u32).min(11)
    };
    let outcome = outcome(first, last, &mut rng);
    let lead = rng.below(people.len());
    let mut names = vec![people[lead].clone()];
    if rng.chance(0.5) {
        names.push(people[(lead + 1) % people.len()].clone());
    }
    let milestones = milestones(first, last, &outcome, &names, &mut rng);

    let last_done = milestones.iter().filter_map(|m| m.done).max();
    let (signed_off, above_target) = match outcome {
        Outcome::SignedOff { above_target }
        | Outcome::Early { above_target, .. } => {
            let done = last_done.unwrap_or(AS_OF);
            let mut signed = done.add_days(1 + rng.below(5) as u32).min(AS_OF);
            if let Outcome::Early { .. } = outcome {
                // Still in the month it finished, before the last due.
                signed = signed.min(done.period().last_day());
            }
            (Some(signed), above_target)
        }
        _ => (None, false),
    };
    Task {
        id: format!("{}-{:02}", unit.id, number + 1),
        list,
        unit: unit.id.to_string(),
        title,
        target,
        milestones,
        signed_off,
        above_target,
    }
}

/// Builds the ledger of all units' tasks.
pub fn build() -> Ledger {
    let mut rng = Rng::for_key(&["ledger"]);
    let mut slots: Vec<(&UnitSpec, usize)> = Vec::new();
    let mut seen_in_group = Vec::<(&str, usize)>::new();
    for unit in &UNITS {
        let index = seen_in_group
            .iter()
            .filter(|(g, _)| *g == unit.group)
            .count();
        seen_in_group.push((unit.group, index));
        for number in 0..tasks_per_unit(unit, index) {
            slots.push((unit, number));
        }
    }
    let units: Vec<&UnitSpec> = slots.iter().map(|(u, _)| *u).collect();
    let lists = assign_lists(&units, &mut rng);
    let mut tasks = Vec::with_capacity(slots.len());
    let mut used = BTreeSet::new();
    let mut people: Vec<String> = Vec::new();
    let mut current_unit = "";
    for ((unit, number), list) in slots.iter().zip(lists) {
        if unit.id != current_unit {
            current_unit = unit.id;
            used.clear();
            let mut names = Rng::for_key(&["people", unit.id]);
            people = (0..3).map(|_| person_name(&mut names)).collect();
        }
        tasks.push(task(unit, *number, list, &mut used, &people));
    }
    Ledger { year: YEAR, tasks }
}
