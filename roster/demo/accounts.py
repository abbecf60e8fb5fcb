"""One demo account per role, so a visitor can sign in as each kind of user.

The passwords are public (README, `make run` prints them): demo data only, never production.
"""

from dataclasses import dataclass

from roster.services import Services

ACTOR = "demo-seed"
HOME_COUNTY = "370827"  # 鱼台县: the county the small demo city has too
OTHER_COUNTY = "370831"  # 泗水县: a second county, for "cannot see the neighbour's data"
DEMO_PASSWORD = "shifan-2026"  # 示范 (demo)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    what: str  # what the account is, in Chinese, for the printed list


def seed_accounts(services: Services) -> list[DemoLogin]:
    """Register the demo accounts that do not exist yet; returns every demo login available."""
    city = services.queries.city()
    if city is None:
        return []
    lawyer = _first_person(services, "lawyer", HOME_COUNTY, duty_qualified=True)
    leader = _first_person(services, "leader", HOME_COUNTY)
    other = _other_county(services)
    wanted = [
        ("admin", "系统管理员", "admin", (), None, "系统管理员（全部权限）"),
        (
            "jiandu",
            "市局监督员",
            "supervisor",
            (city[0],),
            None,
            f"监督人员：{city[1]}全市（只读）",
        ),
        ("yutai", "鱼台县管理员", "manager", (HOME_COUNTY,), None, "管理人员：鱼台县司法局"),
        ("lvshi", None, "member", (), lawyer, "值班人员：鱼台县值班律师"),
        ("lingdao", None, "member", (), leader, "值班人员：鱼台县司法局领导干部"),
    ]
    if other:
        wanted.insert(3, (other[2], f"{other[1]}管理员", "manager", (other[0],), None,
                          f"管理人员：{other[1]}司法局"))  # fmt: skip
    logins = []
    for username, display, role, units, person, what in wanted:
        if role == "member" and person is None:
            continue
        if not services.accounts.exists(username):
            services.accounts.register(
                username, display or (person[1] if person else username), demo_password(username),
                role, ACTOR, unit_codes=units, person_code=person[0] if person else "",
                reason="示范账号",
            )  # fmt: skip
        if person:
            what = f"{what}（{person[1]}，{person[0]}）"
        logins.append(DemoLogin(username, demo_password(username), role, what))
    return logins


def demo_password(username: str) -> str:
    """One password for every demo account: easy to type from the printed list."""
    return DEMO_PASSWORD


def print_logins(logins: list[DemoLogin]) -> None:
    if not logins:
        return
    print("示范账号（仅供演示，口令公开）：")
    for login in logins:
        print(f"  {login.username:<9} 口令 {login.password:<20} {login.what}")


def _first_person(
    services: Services, role: str, county: str, duty_qualified: bool = False
) -> tuple[str, str] | None:
    qualified = " AND qualifications LIKE '%duty_lawyer%'" if duty_qualified else ""
    with services.db.reading() as cur:
        row = cur.execute(
            f"SELECT code, name FROM people WHERE role = ? AND county_code = ?{qualified} "
            "ORDER BY is_head DESC, code LIMIT 1",
            (role, county),
        ).fetchone()
    return (row[0], row[1]) if row else None


def _other_county(services: Services) -> tuple[str, str, str] | None:
    """泗水县 when the city has it, else any county but the home one (code, name, username)."""
    with services.db.reading() as cur:
        rows = cur.execute(
            "SELECT code, name FROM units WHERE kind = 'county' AND code <> ? ORDER BY code",
            (HOME_COUNTY,),
        ).fetchall()
    counties = dict(rows)
    if OTHER_COUNTY in counties:
        return OTHER_COUNTY, counties[OTHER_COUNTY], "sishui"
    if counties:
        code = min(counties)
        return code, counties[code], f"manager{code}"
    return None
