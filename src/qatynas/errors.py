"""Errors raised where they happen, with the file and line of the input they concern."""

from __future__ import annotations


class QatynasError(Exception):
    """Base of the errors Qatynas raises on purpose."""


class InputError(QatynasError):
    """A bad input record: names the file and, where there is one, the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class InputWarning(QatynasError):
    """A record kept without a field it could not use (a malformed date, say): file and line.

    Not an `InputError`: the record is still read, so it is neither skipped nor stops `--strict`.
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class StoreError(QatynasError):
    """The knowledge base cannot be used as asked (e.g. too old to read and not writable)."""
