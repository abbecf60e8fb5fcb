"""The words every layer shares, said once: roster kinds, shifts, day types and the time zone.

The domain owns them (its rules check against them); roster.vocabulary hands them to the web,
which does not import the domain. Names come as (Chinese, English).
"""

from zoneinfo import ZoneInfo

TIME_ZONE_NAME = "Asia/Shanghai"  # every time shown to people, every working day
TIME_ZONE = ZoneInfo(TIME_ZONE_NAME)

ROSTER_KINDS = {  # in the order pages list them
    "reception": ("领导干部接待日", "Leadership reception days"),
    "duty-lawyers": ("值班律师", "Duty lawyers"),
    "adviser-circuits": ("村居法律顾问巡回", "Village adviser circuits"),
}

SHIFTS = {"am": ("08:30", "12:00"), "pm": ("14:00", "17:30"), "day": ("08:30", "17:30")}
SHIFT_NAMES = {"am": ("上午", "morning"), "pm": ("下午", "afternoon"), "day": ("全天", "all day")}

RECEPTION_PLACES = ("centre", "legal_aid", "hotline")  # where leaders receive the public

DAY_TYPES = ("workday", "weekend", "holiday")
DAY_TYPE_NAMES = {
    "workday": ("工作日", "working day"),
    "weekend": ("周末", "weekend"),
    "holiday": ("节假日", "holiday"),
}


def shift_name(shift: str, lang: str = "zh") -> str:
    zh, en = SHIFT_NAMES.get(shift, (shift, shift))
    return en if lang.startswith("en") else zh


def kind_name(kind: str, lang: str = "zh") -> str:
    zh, en = ROSTER_KINDS.get(kind, (kind, kind))
    return en if lang.startswith("en") else zh
