"""Import CSV/XLSX files through the browser, with the importer the command line uses:
all-or-nothing across every file, each bad row reported as file, line, column and reason.

The application's request size limit (2 MB) bounds the whole upload; each file is bounded
again here so the message can name it. The importer reads the files in a budgeted child
process (roster/importing/budget.py) while this view waits in a thread, so the event loop
and /health keep answering; at most two imports per worker read at once, the rest wait here.
"""

import asyncio
import tempfile
from pathlib import Path

from aiohttp import web

from roster.registry.importing.kinds import KINDS, ORDER
from roster.registry.importing.scoped import import_within_scope
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires, scope_of
from web.i18n import gettext as _
from web.keys import IMPORT_GATE, SERVICES
from web.render import render

MAX_FILE = 1024 * 1024
MAX_FILES = 20
MAX_SHOWN = 200  # problems listed; a hostile file can have 100,000 and the page must stay small
SUFFIXES = (".csv", ".xlsx")
# The report names a column as the files' Chinese header does, not by its internal name.
COLUMN_NAMES = {
    (name, canonical): header
    for name, kind in KINDS.items()
    for header, canonical in reversed(kind.aliases.items())
    if not header.isascii()
}


@requires("admin", "manager")
async def import_form(request: web.Request) -> web.StreamResponse:
    return render(request, "imports/form.html", kinds=ORDER, errors={}, report=None)


@requires("admin", "manager")
async def import_upload(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    uploads = [(kind, f) for kind in ORDER for f in post.getall(kind, []) if hasattr(f, "file")]
    uploads = [(kind, f) for kind, f in uploads if f.filename]
    errors: dict[str, str] = {}
    if not uploads:
        errors["files"] = _("请至少选择一个文件")
    elif len(uploads) > MAX_FILES:
        errors["files"] = _("一次最多导入 20 个文件")
    for kind, upload in uploads:
        if not upload.filename.lower().endswith(SUFFIXES):
            errors[kind] = _("只接受 .csv 或 .xlsx 文件：") + upload.filename
    if errors:
        return render(request, "imports/form.html", status=400, kinds=ORDER, errors=errors,
                      report=None)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="roster-import-") as folder:
        files: dict[str, list[Path]] = {}
        names: dict[Path, str] = {}
        kind_of: dict[str, str] = {}  # the file name shown → its kind
        for n, (kind, upload) in enumerate(uploads):
            data = upload.file.read(MAX_FILE + 1)
            if len(data) > MAX_FILE:
                errors[kind] = _("文件太大（每个文件不超过 1 MB）：") + upload.filename
                continue
            # Our own file name: the uploaded one is only shown, never used as a path.
            path = Path(folder) / f"{n}{Path(upload.filename).suffix.lower()}"
            path.write_bytes(data)
            files.setdefault(kind, []).append(path)
            names[path] = Path(upload.filename).name
            kind_of[names[path]] = kind
        if errors:
            return render(request, "imports/form.html", status=400, kinds=ORDER,
                          errors=errors, report=None)  # fmt: skip
        scope = await scope_of(request)
        async with request.app[IMPORT_GATE]:
            # A manager adds only to their own units; rows naming others are reported.
            report = await asyncio.to_thread(
                import_within_scope, request.app[SERVICES], files, request[PRINCIPAL].username,
                names, scope,
            )  # fmt: skip
    status = 200 if report.ok else 400
    shown = report.problems[:MAX_SHOWN]
    return render(request, "imports/form.html", status=status, kinds=ORDER, errors={},
                  report=report, problems=shown, more=len(report.problems) - len(shown),
                  columns=[column_name(p, kind_of) for p in shown])  # fmt: skip


def column_name(problem, kind_of: dict[str, str]) -> str:
    return COLUMN_NAMES.get((kind_of.get(problem.file, ""), problem.column), problem.column)
