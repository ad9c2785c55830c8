"""Typed errors: every failure a user can meet has its own class and a stable code."""

from __future__ import annotations


class VbextractError(Exception):
    """Base class; ``code`` is stable and machine-readable."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class EmptyInputError(VbextractError):
    code = "empty_input"


class UnsupportedFormatError(VbextractError):
    code = "unsupported_format"


class BinaryInputError(VbextractError):
    code = "binary_input"


class CorruptFileError(VbextractError):
    code = "corrupt_file"


class InputTooLargeError(VbextractError):
    code = "input_too_large"


class EncodingError(VbextractError):
    code = "encoding_error"


class ExtractionTimeout(VbextractError):
    code = "timeout"
