"""Plausible Chinese names for the demo city: people, townships, villages, firms, addresses.

Every function takes the caller's ``random.Random`` so that output is determined by the seed.
"""

from __future__ import annotations

import random
from itertools import accumulate

# Common surnames, weighted roughly by their frequency in Shandong.
_SURNAME_WEIGHTS: dict[str, int] = {
    "王": 90, "李": 85, "张": 80, "刘": 65, "陈": 30, "杨": 30, "孙": 30, "赵": 28,
    "徐": 22, "马": 20, "高": 20, "郭": 18, "于": 18, "董": 16, "田": 15, "宋": 14,
    "魏": 13, "吕": 12, "韩": 12, "朱": 12, "孔": 10, "曹": 10, "袁": 9, "许": 9,
    "程": 8, "周": 8, "吴": 8, "胡": 8, "姜": 8, "任": 8, "孟": 7, "颜": 5,
    "丁": 7, "崔": 7, "贾": 7, "唐": 6, "彭": 6, "谢": 6, "冯": 6, "杜": 6,
    "黄": 6, "何": 5, "郑": 5, "秦": 5, "薛": 5, "闫": 5, "侯": 5, "石": 5,
    "梁": 5, "范": 4, "潘": 4, "蒋": 4, "邵": 4, "葛": 4, "房": 3, "曾": 3,
}  # fmt: skip

# Local flavour: descendants of Confucius and Mencius in 曲阜 and 邹城.
_LOCAL_SURNAMES: dict[str, dict[str, int]] = {
    "曲阜市": {"孔": 70, "颜": 15},
    "邹城市": {"孟": 40},
}

_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯健俊帆帅旭宇峰亮晨阳东建国志庆振兴博轩泽"
_FEMALE = "芳娜敏静丽艳娟霞秀玲婷雪慧莹倩琳晶燕丹萍红梅颖洁琪悦欣蕾佳璐怡彤涵梦雅娇兰凤薇"
_NEUTRAL = "文雨晓子思嘉安新春玉永立云成德书金家广海"


def _cumulative(extra: dict[str, int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    weights = dict(_SURNAME_WEIGHTS)
    for surname, weight in extra.items():
        weights[surname] = weights.get(surname, 0) + weight
    return tuple(weights), tuple(accumulate(weights.values()))


_SURNAME_TABLES = {None: _cumulative({})} | {
    county: _cumulative(extra) for county, extra in _LOCAL_SURNAMES.items()
}


def surname(rng: random.Random, county_name: str | None = None) -> str:
    names, cum = _SURNAME_TABLES.get(county_name, _SURNAME_TABLES[None])
    return rng.choices(names, cum_weights=cum)[0]


def person_name(rng: random.Random, gender: str, county_name: str | None = None) -> str:
    """A family name and a one- or two-character given name that suits the gender."""
    own = _MALE if gender == "男" else _FEMALE
    given = rng.choice(own)
    if rng.random() < 0.6:
        given = rng.choice(own + _NEUTRAL) + given
    return surname(rng, county_name) + given


# Townships (镇/乡/街道) known for each county; listed 街道 first.  Where a county has more
# townships in the plan than listed here, plausible names are generated.
KNOWN_TOWNSHIPS: dict[str, tuple[str, ...]] = {
    "任城区": ("古槐街道", "济阳街道", "阜桥街道", "越河街道", "南苑街道", "观音阁街道",
              "仙营街道", "金城街道", "许庄街道", "李营街道", "唐口街道", "安居街道",
              "二十里铺街道", "南张街道", "喻屯镇", "长沟镇"),
    "兖州区": ("鼓楼街道", "酒仙桥街道", "龙桥街道", "大安镇", "新驿镇", "颜店镇", "新兖镇",
              "漕河镇", "小孟镇"),
    "微山县": ("夏镇街道", "昭阳街道", "傅村街道", "韩庄镇", "欢城镇", "南阳镇", "鲁桥镇",
              "留庄镇", "两城镇", "马坡镇", "赵庙镇", "张楼镇", "西平镇", "微山岛镇", "高楼乡"),
    "鱼台县": ("谷亭街道", "滨湖街道", "清河镇", "鱼城镇", "王鲁镇", "张黄镇", "王庙镇",
              "李阁镇", "唐马镇", "老砦镇", "罗屯镇"),
    "金乡县": ("金乡街道", "高河街道", "王丕街道", "鱼山街道", "鸡黍镇", "司马镇", "化雨镇",
              "羊山镇", "胡集镇", "肖云镇", "卜集镇", "霄云镇", "兴隆镇"),
    "嘉祥县": ("嘉祥街道", "卧龙山街道", "纸坊镇", "梁宝寺镇", "马村镇", "满硐镇", "孟姑集镇",
              "仲山镇", "大张楼镇", "老僧堂镇", "万张镇", "疃里镇", "金屯镇", "黄垓乡"),
    "汶上县": ("汶上街道", "中都街道", "南站镇", "南旺镇", "次丘镇", "寅寺镇", "郭楼镇",
              "康驿镇", "苑庄镇", "杨店镇", "义桥镇", "郭仓镇", "白石镇", "军屯乡"),
    "泗水县": ("泗河街道", "济河街道", "泉林镇", "星村镇", "柘沟镇", "金庄镇", "苗馆镇",
              "中册镇", "杨柳镇", "泗张镇", "圣水峪镇", "高峪镇", "华村镇"),
    "梁山县": ("水泊街道", "梁山街道", "小路口镇", "拳铺镇", "杨营镇", "韩岗镇", "馆驿镇",
              "黑虎庙镇", "寿张集镇", "小安山镇", "马营镇", "韩垓镇", "赵堌堆乡", "大路口乡"),
    "曲阜市": ("鲁城街道", "书院街道", "时庄街道", "小雪街道", "吴村镇", "姚村镇", "陵城镇",
              "尼山镇", "王庄镇", "息陬镇", "石门山镇", "防山镇"),
    "邹城市": ("钢山街道", "千泉街道", "凫山街道", "大束镇", "北宿镇", "中心店镇", "唐村镇",
              "太平镇", "石墙镇", "峄山镇", "香城镇", "城前镇", "田黄镇", "张庄镇", "郭里镇"),
}  # fmt: skip

_PLACE_HEADS = "东西南北大小高新马杨王张刘黄白石柳杏桃兴安丰富龙凤双三朱孟陈郝"
_PLACE_TAILS = "集庄楼屯营店口桥湖山河庙寺岗堂洼林坊寨铺"


def township_suffix(name: str) -> str:
    for suffix in ("街道", "镇", "乡"):
        if name.endswith(suffix):
            return suffix
    raise ValueError(name)


def township_stem(name: str) -> str:
    return name.removesuffix(township_suffix(name))


def township_names(rng: random.Random, county_name: str, count: int, taken: set[str]) -> list[str]:
    """``count`` township names for a county: the known ones first, then generated ones."""
    names = [n for n in KNOWN_TOWNSHIPS.get(county_name, ()) if n not in taken][:count]
    stems = {township_stem(n) for n in names} | {township_stem(n) for n in taken}
    while len(names) < count:
        stem = rng.choice(_PLACE_HEADS) + rng.choice(_PLACE_TAILS)
        if stem not in stems:
            stems.add(stem)
            names.append(stem + ("乡" if rng.random() < 0.15 else "镇"))
    return names


_VILLAGE_TAILS = "庄楼集屯营店寨堂洼桥口坊园湾"
_VILLAGE_PREFIXES = ("", "", "", "", "前", "后", "东", "西", "南", "北", "大", "小", "新")
_NATURE_VILLAGES = (
    "桃园", "柳林", "杏花", "石桥", "河口", "湖西", "湖东", "龙湾", "凤凰", "枣林",
    "梨园", "槐树", "双井", "三里", "五里", "八里", "十里铺", "盘龙", "卧牛", "青山",
)  # fmt: skip
_COMMUNITY_WORDS = (
    "幸福", "和平", "建设", "文化", "新华", "胜利", "光明", "育才", "锦绣", "振兴",
    "红星", "阳光", "金桥", "花园", "翠园", "龙泉", "东风", "人民", "友谊", "团结",
    "永安", "富民", "康乐", "兴隆", "吉祥", "长安", "新城", "滨河", "湖畔", "运河",
    "明德", "丽景", "书香", "学府", "东关", "西关", "南关", "北关", "府前", "鼓楼",
)  # fmt: skip


def village_name(rng: random.Random, community: bool) -> str:
    """A village (…村) or an urban community (…社区) name; the caller keeps them unique."""
    if community and rng.random() < 0.7:
        return rng.choice(_COMMUNITY_WORDS) + "社区"
    if rng.random() < 0.12:
        stem = rng.choice(_NATURE_VILLAGES)
    else:
        stem = rng.choice(_VILLAGE_PREFIXES) + surname(rng) + rng.choice(_VILLAGE_TAILS)
        if rng.random() < 0.1:
            stem = stem[:-1] + "家" + stem[-1]
    return stem + ("社区" if community else "村")


_FIRM_HEADS = "正德信圣鲁齐泰华中金宏恒明诚君儒仁义和运济鸿海天启嘉永瑞博卓弘尚睿泽凯"
_FIRM_TAILS = "源衡诚信德成达泰安正典韬合鼎方远通晟行瀚川业冠实"


def firm_name(rng: random.Random, taken: set[str]) -> str:
    """A firm name "山东XX律师事务所" with a trade name not in ``taken`` (which is updated)."""
    while True:
        trade = rng.choice(_FIRM_HEADS) + rng.choice(_FIRM_TAILS)
        if trade[0] != trade[1] and trade not in taken:
            taken.add(trade)
            return f"山东{trade}律师事务所"


def legal_service_office(county_name: str, township_name: str) -> str:
    """The grassroots legal service office (基层法律服务所) of a township."""
    return f"{county_name}{township_stem(township_name)}法律服务所"


_ROADS = (
    "人民路", "建设路", "文化路", "解放路", "和平路", "团结路", "胜利路", "振兴路", "府前街",
    "中心街", "青年路", "幸福路", "兴业路", "育才路", "光明路", "健康路", "红星路", "车站路",
)  # fmt: skip


def street_address(rng: random.Random, place: str, township_name: str) -> str:
    return f"{place}{township_name}{rng.choice(_ROADS)}{rng.randint(1, 299)}号"


_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "199",
)  # fmt: skip


def mobile(rng: random.Random, taken: set[str]) -> str:
    """An 11-digit mobile number not in ``taken`` (which is updated)."""
    while True:
        number = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if number not in taken:
            taken.add(number)
            return number


def landline(rng: random.Random, taken: set[str]) -> str:
    """A Jining landline "0537-XXXXXXX" not in ``taken`` (which is updated)."""
    while True:
        number = f"0537-{rng.randint(2, 8)}{rng.randrange(10**6):06d}"
        if number not in taken:
            taken.add(number)
            return number
