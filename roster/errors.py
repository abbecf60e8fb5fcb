"""The application's refusals, named here so callers above it (the web) need not import domain."""

from domain.errors import DomainError
from domain.workdays import UndeclaredYearError

__all__ = ["DomainError", "StaleWriteError", "UndeclaredYearError"]


class StaleWriteError(DomainError):
    """The record changed after the form was rendered: the write is refused, never merged."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(
            "此记录已被他人修改，请刷新后重试",
            "This record was changed by someone else; please reload and try again",
        )
        self.expected = expected
        self.current = current
