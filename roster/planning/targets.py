"""What a unit code is, for commands given a code that plans nothing: they say what the code
is and which roster kinds it takes, instead of doing nothing."""

from dataclasses import dataclass

from domain.errors import DomainError
from domain.vocabulary import kind_name
from roster.registry import facts as registry
from roster.store.database import Database

UNIT_KINDS = {"city": ("市", "city"), "county": ("县区", "county"),
              "township": ("乡镇", "township"), "village": ("村居", "village")}  # fmt: skip


@dataclass(frozen=True)
class UnitInfo:
    code: str
    kind: str
    name: str
    first_township: str  # a township within it (for an example), or ""

    def said(self, lang: str) -> str:
        zh, en = UNIT_KINDS.get(self.kind, (self.kind, self.kind))
        if lang == "zh":
            return f"“{self.code}”是{zh}（{self.name}）"
        return f"'{self.code}' is a {en} ({self.name})"


def unit_info(db: Database, code: str) -> UnitInfo | None:
    with db.reading() as cur:
        unit = registry.unit(cur, code)
        if unit is None:
            return None
        township = registry.first_township(cur, code)
    return UnitInfo(code, unit.kind, unit.name, township)


def _takes(takes: list[str]) -> tuple[str, str]:
    if not takes:
        return "该单位没有可排的排班", "it has nothing to plan"
    zh = "、".join(f"{kind_name(k)}（--kind {k}）" for k in takes)
    return f"该单位可排：{zh}", f"it takes: {', '.join(takes)}"


class NothingToPlanError(DomainError):
    def __init__(self, unit: UnitInfo, asked: tuple[str, ...], takes: list[str]) -> None:
        zh, en = _takes(takes)
        names = "、".join(kind_name(k) for k in asked)
        super().__init__(
            f"{unit.said('zh')}，没有{names}可排；{zh}。",
            f"{unit.said('en')} with no {', '.join(asked)} to plan; {en}.",
        )


class NotATownshipError(DomainError):
    def __init__(self, unit: UnitInfo, takes: list[str]) -> None:
        zh, en = _takes(takes)
        example = f"，如 {unit.first_township}" if unit.first_township else ""
        example_en = f", e.g. {unit.first_township}" if unit.first_township else ""
        super().__init__(
            f"{unit.said('zh')}，不是乡镇：走访路线按乡镇列出，请给出乡镇编码{example}；{zh}。",
            f"{unit.said('en')}, not a township: circuits are listed per township, give a "
            f"township code{example_en}; {en}.",
        )
