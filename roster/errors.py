"""The application's refusals, named here so callers above it (the web) need not import domain."""

from domain.errors import DomainError
from domain.workdays import UndeclaredYearError

__all__ = ["DomainError", "UndeclaredYearError"]
