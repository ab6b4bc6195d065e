//! Wording of the ledger's tasks: titles, targets, milestone goals and
//! the (fictional) names of the people responsible.

use dukao_core::model::TaskList;

use crate::rng::Rng;

/// Title templates by list; `{}` is the unit's work topic.
pub fn title_templates(list: TaskList) -> &'static [&'static str] {
    match list {
        TaskList::CityTarget => &[
            "{}争先进位",
            "完成市考核{}任务",
            "{}指标稳中有进",
            "{}考核位次前移",
        ],
        TaskList::KeyWork => &[
            "扎实推进{}",
            "实施{}攻坚行动",
            "抓好{}重点工作",
            "{}提质增效",
        ],
        TaskList::Business => {
            &["做好{}日常工作", "规范开展{}", "提升{}工作质效"]
        }
        TaskList::Featured => &["打造“{}”特色品牌", "创新{}工作机制"],
    }
}

/// Target templates by list; `{}` is a number drawn for the task.
pub fn target_templates(list: TaskList) -> &'static [&'static str] {
    match list {
        TaskList::CityTarget => &[
            "全市排名进入前{}位",
            "完成市下达年度目标的{}%",
            "全市考核位次较上年前移{}位",
        ],
        TaskList::KeyWork => &[
            "年底前完成全部{}项任务",
            "按节点完成年度任务的{}%",
            "形成{}项可复制推广的经验做法",
        ],
        TaskList::Business => &[
            "按时办结率达到{}%",
            "全年完成{}项常规任务",
            "群众满意度达到{}%以上",
        ],
        TaskList::Featured => {
            &["形成{}项在全市推广的做法", "获得市级以上肯定{}次"]
        }
    }
}

/// Draws the number for a target template, in a range that suits it.
pub fn target_number(template: &str, rng: &mut Rng) -> u32 {
    let pick = |rng: &mut Rng, low: u32, high: u32| {
        low + rng.below((high - low + 1) as usize) as u32
    };
    if template.contains("前{}位") {
        *rng.pick(&[3, 5, 8])
    } else if template.contains("前移{}位") || template.contains("{}次") {
        pick(rng, 1, 3)
    } else if template.contains("{}%") {
        *rng.pick(&[95, 98, 100])
    } else if template.contains("{}项可复制") || template.contains("推广的做法")
    {
        pick(rng, 1, 3)
    } else if template.contains("常规任务") {
        pick(rng, 12, 40)
    } else {
        pick(rng, 3, 12)
    }
}

pub const FIRST_GOALS: [&str; 3] = [
    "制定工作方案，明确责任分工和时间节点",
    "完成前期调研，细化年度任务清单",
    "召开动员部署会，分解落实任务",
];

pub const LAST_GOALS: [&str; 3] = [
    "全面完成年度任务，形成工作总结",
    "完成年度目标并组织验收",
    "总结经验做法，报送完成情况",
];

/// Middle-milestone goals; `{}` is the share of the year's task done.
pub const MIDDLE_GOALS: [&str; 3] = [
    "完成年度任务的{}%",
    "累计完成年度目标的{}%，报送进展",
    "推进至年度任务的{}%",
];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
    "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",
    "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "沈", "曾",
    "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "孟",
];

const GIVEN: &[&str] = &[
    "建", "国", "明", "华", "伟", "强", "军", "平", "东", "海", "静", "丽",
    "敏", "燕", "娟", "霞", "芳", "磊", "鹏", "涛", "超", "亮", "刚", "勇",
    "杰", "峰", "辉", "波", "宁", "红", "玲", "艳", "晶", "蕾", "博", "文",
    "斌", "鑫", "浩", "宇", "晨", "晓", "瑞", "新", "志", "永", "春", "玉",
];

/// Draws a fictional person's name: a surname and one or two given
/// characters.
pub fn person_name(rng: &mut Rng) -> String {
    let mut name = rng.pick(SURNAMES).to_string();
    let first = *rng.pick(GIVEN);
    name.push_str(first);
    if rng.chance(0.7) {
        let second = *rng.pick(GIVEN);
        if second != first {
            name.push_str(second);
        }
    }
    name
}
