//! The real, published figures the demo dataset carries, with their
//! sources and published ranks. No complete table of all districts was
//! found for any period, so every other figure is synthetic.

use dukao_core::model::Source;
use dukao_core::Period;

/// The source of a published figure. `date` is as precise as the
/// source gives it.
pub struct SourceSpec {
    pub publisher: &'static str,
    pub title: &'static str,
    pub date: &'static str,
}

pub const BUREAU_2021: SourceSpec = SourceSpec {
    publisher: "济南市统计局（齐鲁晚报、山东商报转载）",
    title: "2021年济南市各区县主要经济指标",
    date: "2022-02",
};

pub const LAIWU_PLAN: SourceSpec = SourceSpec {
    publisher: "济南市莱芜区",
    title: "莱芜区国民经济和社会发展计划文件",
    date: "2022",
};

pub const PINGYIN_PRESS: SourceSpec = SourceSpec {
    publisher: "平阴县",
    title: "平阴县新闻发布会",
    date: "2022",
};

pub const BUREAU_2022: SourceSpec = SourceSpec {
    publisher: "济南市统计局（济南日报刊载）",
    title: "2022年济南市各区县主要经济指标",
    date: "2023-02-10",
};

pub const CHANGQING_REPORT: SourceSpec = SourceSpec {
    publisher: "济南市长清区人民政府",
    title: "长清区政府工作报告（2022年为初步核算数）",
    date: "2023",
};

pub const JIYANG_2022: SourceSpec = SourceSpec {
    publisher: "济南市济阳区",
    title: "济阳区2022年经济发展情况",
    date: "2023-02",
};

pub const JIYANG_PARTY: SourceSpec = SourceSpec {
    publisher: "中共济南市济阳区委",
    title: "区委工作报告（2022年1—11月数据）",
    date: "2023-01",
};

/// One published figure: a peer's value of an indicator in a month,
/// and its rank among all the city's peers when the source gives one.
pub struct Published {
    pub indicator: &'static str,
    pub peer: &'static str,
    pub period: Period,
    pub value: f64,
    pub city_rank: Option<u32>,
    pub source: &'static SourceSpec,
}

impl Published {
    pub fn source(&self) -> Source {
        Source {
            period: self.period,
            publisher: self.source.publisher.to_string(),
            title: self.source.title.to_string(),
            date: self.source.date.to_string(),
        }
    }
}

const DEC_2021: Period = Period {
    year: 2021,
    month: 12,
};
const NOV_2022: Period = Period {
    year: 2022,
    month: 11,
};
const DEC_2022: Period = Period {
    year: 2022,
    month: 12,
};

const fn fig(
    indicator: &'static str,
    peer: &'static str,
    period: Period,
    value: f64,
    city_rank: Option<u32>,
    source: &'static SourceSpec,
) -> Published {
    Published {
        indicator,
        peer,
        period,
        value,
        city_rank,
        source,
    }
}

/// Every published figure used. Growth figures are % on the year
/// before; year-to-date figures refer to the month they end in.
#[rustfmt::skip]
pub const PUBLISHED: &[Published] = &[
    // 2021, full year.
    fig("gdp", "lixia", DEC_2021, 2124.15, Some(1), &BUREAU_2021),
    fig("gdp", "gaoxin", DEC_2021, 1510.31, None, &BUREAU_2021),
    fig("gdp", "licheng", DEC_2021, 1165.98, None, &BUREAU_2021),
    fig("gdp", "shizhong", DEC_2021, 1161.73, None, &BUREAU_2021),
    fig("gdp", "zhangqiu", DEC_2021, 1120.40, None, &BUREAU_2021),
    fig("gdp", "laiwu", DEC_2021, 908.82, None, &BUREAU_2021),
    fig("gdp", "huaiyin", DEC_2021, 701.11, None, &BUREAU_2021),
    fig("gdp", "qibuqu", DEC_2021, 61.08, None, &BUREAU_2021),
    fig("gdp", "pingyin", DEC_2021, 269.1, None, &PINGYIN_PRESS),
    fig("gdp_growth", "lixia", DEC_2021, 7.8, None, &BUREAU_2021),
    fig("gdp_growth", "gaoxin", DEC_2021, 9.3, Some(2), &BUREAU_2021),
    fig("gdp_growth", "licheng", DEC_2021, 9.4, Some(1), &BUREAU_2021),
    fig("gdp_growth", "tianqiao", DEC_2021, 8.5, Some(5), &BUREAU_2021),
    fig("gdp_growth", "shanghe", DEC_2021, 9.2, Some(3), &BUREAU_2021),
    fig("gdp_growth", "qibuqu", DEC_2021, 9.2, Some(3), &BUREAU_2021),
    fig("gdp_growth", "laiwu", DEC_2021, 4.3, None, &LAIWU_PLAN),
    fig("fai_growth", "lixia", DEC_2021, 16.1, None, &BUREAU_2021),
    fig("fai_growth", "licheng", DEC_2021, 16.8, None, &BUREAU_2021),
    fig("fai_growth", "qibuqu", DEC_2021, 72.5, Some(1), &BUREAU_2021),
    fig("industry_va_growth", "licheng", DEC_2021, 15.8, None, &BUREAU_2021),
    fig("budget_revenue", "laiwu", DEC_2021, 50.1, None, &BUREAU_2021),
    fig("budget_revenue", "pingyin", DEC_2021, 26.4, None, &BUREAU_2021),
    fig("budget_revenue_growth", "laiwu", DEC_2021, 14.0, None, &BUREAU_2021),
    fig("budget_revenue_growth", "qibuqu", DEC_2021, 35.8, Some(1), &BUREAU_2021),
    fig("retail_sales", "laiwu", DEC_2021, 394.6, None, &BUREAU_2021),
    fig("retail_growth", "laiwu", DEC_2021, 11.1, None, &BUREAU_2021),
    fig("retail_growth", "qibuqu", DEC_2021, 56.7, Some(1), &BUREAU_2021),
    // 2022, January to November (济阳区).
    fig("fai_growth", "jiyang", NOV_2022, 27.8, None, &JIYANG_PARTY),
    fig("industrial_investment_growth", "jiyang", NOV_2022, 48.5, Some(3), &JIYANG_PARTY),
    fig("tech_upgrade_growth", "jiyang", NOV_2022, 67.9, Some(2), &JIYANG_PARTY),
    fig("construction_growth", "jiyang", NOV_2022, 16.3, Some(4), &JIYANG_PARTY),
    // 2022, full year.
    fig("gdp", "lixia", DEC_2022, 2282.9, None, &BUREAU_2022),
    fig("gdp", "gaoxin", DEC_2022, 1619.3, None, &BUREAU_2022),
    fig("gdp", "shizhong", DEC_2022, 1275.6, None, &BUREAU_2022),
    fig("gdp", "licheng", DEC_2022, 1240.7, None, &BUREAU_2022),
    fig("gdp", "zhangqiu", DEC_2022, 1120.7, None, &BUREAU_2022),
    fig("gdp", "laiwu", DEC_2022, 1005.3, None, &BUREAU_2022),
    fig("gdp", "changqing", DEC_2022, 380.0, None, &CHANGQING_REPORT),
    fig("gdp_growth", "lixia", DEC_2022, 4.5, None, &BUREAU_2022),
    fig("gdp_growth", "gaoxin", DEC_2022, 3.3, None, &BUREAU_2022),
    fig("gdp_growth", "laiwu", DEC_2022, 3.4, None, &BUREAU_2022),
    fig("gdp_growth", "qibuqu", DEC_2022, 9.7, Some(1), &BUREAU_2022),
    fig("industry_va_growth", "lixia", DEC_2022, 17.7, Some(2), &BUREAU_2022),
    fig("fai_growth", "changqing", DEC_2022, 4.0, None, &CHANGQING_REPORT),
    fig("budget_revenue", "changqing", DEC_2022, 23.4, None, &CHANGQING_REPORT),
    fig("fai_growth", "jiyang", DEC_2022, 23.6, Some(3), &JIYANG_2022),
    fig("tech_upgrade_growth", "jiyang", DEC_2022, 48.5, Some(2), &JIYANG_2022),
];

/// Synthetic figures fixed by hand because a source states a fact about
/// them without a number: 济阳区 reports its 2022 GDP growth as above
/// the city's 3.1%.
pub const SYNTHETIC_PINS: &[(&str, &str, Period, f64)] =
    &[("gdp_growth", "jiyang", DEC_2022, 4.8)];
