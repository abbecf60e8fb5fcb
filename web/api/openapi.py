"""The OpenAPI 3.1 description of /api/v1, written as data. A test checks it against the
router (every route described, nothing described that is not routed) and checks real
responses against these schemas, so the document cannot drift from the code."""

from aiohttp import web

from web.api.respond import json_response

STR = {"type": "string"}
INT = {"type": "integer"}
DATE = {"type": "string", "format": "date"}
KINDS = ["reception", "duty-lawyers", "adviser-circuits"]
# What a request may name (web.params checks it): months and days of 2000 to 2100.
MONTH_P = {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
           "description": "2000-01 … 2100-12"}  # fmt: skip
DATE_P = {**DATE, "description": "2000-01-01 … 2100-12-31"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(required: dict, optional: dict | None = None) -> dict:
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **(optional or {})},
        "additionalProperties": False,
    }


def query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}  # fmt: skip


def path(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema,
            "description": description}  # fmt: skip


def ok(schema_name: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": ref(schema_name)}}}  # fmt: skip


def errors() -> dict:
    """Every operation answers these, in the Error shape."""
    words = {400: "参数有误 Bad parameter", 401: "缺少或无效的令牌 Missing or invalid token",
             403: "超出令牌的范围 Outside the token's scope", 404: "不存在 Not found"}  # fmt: skip
    return {str(status): ok("Error", text) for status, text in words.items()}


def operation(op_id: str, summary: str, parameters: list, schema: dict) -> dict:
    return {"get": {
        "operationId": op_id, "summary": summary, "parameters": parameters,
        "security": [{"bearer": []}],
        "responses": {"200": ok(schema["name"], schema["description"]), **errors()},
    }}  # fmt: skip


DUTY = obj({
    "id": STR, "day": DATE, "kind": {"enum": KINDS}, "unit_code": STR, "unit_name": STR,
    "place": STR, "place_name": STR, "place_kind": STR, "address": STR,
    "station_phone": STR, "shift": {"enum": ["am", "pm", "day"]}, "hours": STR,
    "person_code": STR, "person_name": STR, "version": INT,
})  # fmt: skip
DRAFT_DUTY = obj({
    "id": STR, "day": DATE, "place": STR, "place_name": STR, "shift": STR, "seat": INT,
    "person_code": STR, "person_name": STR,
})  # fmt: skip
ROSTER_ROW = obj({
    "kind": {"enum": KINDS}, "unit_code": STR, "unit_name": STR, "month": STR,
    "state": {"enum": ["none", "new", "draft", "published"]}, "published_version": INT,
    "draft_number": INT, "updated_at": {"type": ["string", "null"]},
})  # fmt: skip
DUTIES = {"type": "array", "items": ref("Duty")}

SCHEMAS = {
    "OpenApiDocument": {"type": "object", "required": ["openapi", "paths"]},
    "Error": obj({"error": obj({"code": STR, "message": STR, "message_en": STR})}),
    "Duty": DUTY,
    "DraftDuty": DRAFT_DUTY,
    "RosterRow": ROSTER_ROW,
    "TodayDuties": obj({"date": DATE, "duties": DUTIES}),
    "RosterList": obj({"month": STR, "rosters": {"type": "array", "items": ref("RosterRow")}}),
    "Roster": obj(
        {
            "roster": ref("RosterRow"),
            "published": DUTIES,
            "draft": {"oneOf": [{"type": "null"}, {"type": "array", "items": ref("DraftDuty")}]},
        }
    ),
    "StationOnDuty": obj(
        {
            "station": obj(
                {
                    "code": STR,
                    "name": STR,
                    "kind": STR,
                    "unit_code": STR,
                    "address": STR,
                    "phone": STR,
                }
            ),
            "date": DATE,
            "duties": DUTIES,
        }
    ),
    "PersonDuties": obj(
        {
            "person": obj(
                {"code": STR, "name": STR, "role": STR, "unit_code": STR},
                {"phone": {**STR, "description": "仅管理人员与系统管理员可见"}},
            ),
            "from": DATE,
            "to": DATE,
            "duties": DUTIES,
        }
    ),
}

UNIT_Q = query("unit", {"type": "string", "pattern": "^[0-9]{6,15}$"}, "单位编码 Unit code")

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "公共法律服务值班排班 API · roster JSON API",
        "version": "1.0.0",
        "description": "供 12348 热线、网上服务平台等读取已发布的值班安排。令牌与其账号同等或更窄的"
        "角色与单位范围。Read-only; scoped like the web pages. Errors: "
        '{"error": {"code", "message", "message_en"}}.',
    },
    "servers": [{"url": "/api/v1"}],
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": SCHEMAS,
    },
    "security": [{"bearer": []}],
    "paths": {
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "本文档（无需令牌） This document (no token needed)",
                "security": [],
                "responses": {"200": ok("OpenApiDocument", "OpenAPI 3.1")},
            }
        },
        "/duties/today": operation(
            "dutiesToday",
            "今日已发布的值班 Today's published duties",
            [UNIT_Q],
            {"name": "TodayDuties", "description": "今日值班"},
        ),
        "/rosters": operation(
            "listRosters",
            "排班表列表 Rosters by kind, unit and month",
            [
                query("kind", {"enum": KINDS}, "排班类型 Roster kind"),
                UNIT_Q,
                query(
                    "month",
                    MONTH_P,
                    "月份，默认本月 Month, default this one",
                ),
            ],
            {"name": "RosterList", "description": "排班表"},
        ),
        "/rosters/{kind}/{unit}/{month}": operation(
            "getRoster",
            "一张排班表的值班 One roster's duties (draft for managers)",
            [
                path("kind", {"enum": KINDS}, "排班类型"),
                path("unit", {"type": "string", "pattern": "^[0-9]{6,12}$"}, "单位编码"),
                path("month", MONTH_P, "月份"),
            ],
            {"name": "Roster", "description": "排班表"},
        ),
        "/stations/{code}/on-duty": operation(
            "stationOnDuty",
            "值班点某日的值班人员 Who is on duty at a station",
            [
                path("code", STR, "值班点编码 Station code"),
                query("date", DATE_P, "日期，默认今日 Day, default today"),
            ],
            {"name": "StationOnDuty", "description": "值班人员"},
        ),
        "/people/{code}/duties": operation(
            "personDuties",
            "某人的值班 A person's duties",
            [
                path("code", STR, "人员编码 Person code"),
                query("from", DATE_P, "开始日期，默认今日"),
                query("to", DATE_P, "结束日期，默认 30 天后"),
            ],
            {"name": "PersonDuties", "description": "个人值班"},
        ),
    },
}


async def openapi_json(request: web.Request) -> web.Response:
    return json_response(DOCUMENT)
