"""The base of every rule a command can break; each carries words a manager can read."""


class DomainError(Exception):
    """A refused command. `message` is Chinese (the interface's first language)."""

    def __init__(self, message: str, message_en: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang.startswith("en") else self.message
