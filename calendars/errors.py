"""The one error an upload can produce, with words a member can read."""

from __future__ import annotations


class IcsImportError(Exception):
    """An uploaded calendar was refused; nothing was imported.

    `code` is stable for programs and tests, `message` is Chinese for the member,
    `message_en` is the English text for the English interface.
    """

    def __init__(self, code: str, message: str, message_en: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.message_en = message_en
