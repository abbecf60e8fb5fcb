"""Post a form as a browser would: with the hidden fields (CSRF token, the record's version)
of the page it was rendered on."""

import re

from tests.e2e.auth_helpers import csrf_token

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
VERSION = re.compile(r'name="version" value="([0-9]*)"')


async def rendered_version(client, page: str) -> str:
    """The version the first edit form on `page` was rendered from."""
    found = VERSION.search(await (await client.get(page)).text())
    assert found, f"no version on {page}"
    return found.group(1)


async def post_form(client, path: str, data: dict, page: str = ""):
    """Post `data` to `path` with the hidden fields of `page` (the form's own path when
    empty); a page the client may not see still gets a CSRF token from /today."""
    text = await (await client.get(page or path)).text()
    hidden = dict(HIDDEN.findall(text))
    if "_csrf" not in hidden:
        hidden["_csrf"] = await csrf_token(client, "/today")
    return await client.post(path, data={**hidden, **data}, allow_redirects=False)
