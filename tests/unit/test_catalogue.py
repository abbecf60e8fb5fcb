"""Every text the web shows has an English translation in the catalogue, and nothing stale."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[2] / "web"
METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]


def extracted() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(WEB), METHODS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_text_is_translated_and_no_translation_is_orphaned():
    with (WEB / "locale/en/LC_MESSAGES/messages.po").open("rb") as f:
        catalogue = {m.id: m.string for m in read_po(f) if m.id}
    texts = extracted()
    assert sorted(t for t in texts if not catalogue.get(t)) == []
    assert sorted(set(catalogue) - texts) == []


def test_the_catalogue_compiles_and_translates():
    from web.i18n import load_catalogues

    english = load_catalogues()["en"]
    assert english.gettext("登录") == "Sign in"
    assert load_catalogues()["zh"].gettext("登录") == "登录"
