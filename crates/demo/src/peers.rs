//! Jinan's districts, counties and functional areas, with the factors
//! the synthetic figures are scaled by.

use dukao_core::model::{Group, Peer};

/// The home peer (本区).
pub const HOME: &str = "jiyang";

/// One peer and its scaling factors.
pub struct PeerSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub group: &'static str,
    /// Economic size relative to 济阳区 (about its 2021 GDP ratio; the
    /// published GDPs set it for the peers that have one).
    pub size: f64,
    /// Farming weight relative to 济阳区 (grain, farmland, rural roads).
    pub rural: f64,
    /// The peer's tendency to do well, in units of an indicator's
    /// spread. New areas grow fast, old industrial districts slower.
    pub vigour: f64,
}

pub const PEER_GROUPS: [(&str, &str); 3] = [
    ("central", "中心城区组"),
    ("outer", "外围城区组"),
    ("county", "县及功能区组"),
];

pub const PEERS: [PeerSpec; 15] = [
    peer("lixia", "历下区", &["历下"], "central", 5.66, 0.01, 0.2),
    peer("shizhong", "市中区", &["市中"], "central", 3.10, 0.03, 0.0),
    peer("huaiyin", "槐荫区", &["槐荫"], "central", 1.87, 0.05, 0.1),
    peer("tianqiao", "天桥区", &["天桥"], "central", 1.84, 0.10, 0.3),
    peer("licheng", "历城区", &["历城"], "central", 3.11, 0.45, 0.5),
    peer(
        "gaoxin",
        "高新区",
        &["济南高新区", "高新技术产业开发区", "济南高新技术产业开发区"],
        "central",
        4.03,
        0.08,
        0.6,
    ),
    peer("changqing", "长清区", &["长清"], "outer", 0.95, 0.75, -0.3),
    peer("zhangqiu", "章丘区", &["章丘"], "outer", 2.99, 1.25, 0.2),
    peer("jiyang", "济阳区", &["济阳"], "outer", 1.00, 1.00, 0.8),
    peer("laiwu", "莱芜区", &["莱芜"], "outer", 2.42, 0.70, -0.4),
    peer("gangcheng", "钢城区", &["钢城"], "outer", 0.65, 0.20, -0.5),
    peer("pingyin", "平阴县", &["平阴"], "county", 0.72, 0.65, -0.1),
    peer("shanghe", "商河县", &["商河"], "county", 0.60, 1.15, 0.3),
    peer(
        "qibuqu",
        "起步区",
        &["济南新旧动能转换起步区", "新旧动能转换起步区"],
        "county",
        0.16,
        0.35,
        1.5,
    ),
    peer(
        "nanshan",
        "南部山区",
        &["济南市南部山区", "南部山区管委会"],
        "county",
        0.12,
        0.15,
        -0.6,
    ),
];

const fn peer(
    id: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
    group: &'static str,
    size: f64,
    rural: f64,
    vigour: f64,
) -> PeerSpec {
    PeerSpec {
        id,
        name,
        aliases,
        group,
        size,
        rural,
        vigour,
    }
}

pub fn peer_groups() -> Vec<Group> {
    PEER_GROUPS
        .iter()
        .map(|(id, name)| Group {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect()
}

pub fn peers() -> Vec<Peer> {
    PEERS
        .iter()
        .map(|p| Peer {
            id: p.id.to_string(),
            name: p.name.to_string(),
            aliases: p.aliases.iter().map(|a| a.to_string()).collect(),
            group: p.group.to_string(),
        })
        .collect()
}
