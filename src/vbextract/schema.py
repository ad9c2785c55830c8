"""Typed models of the public JSON contract (schema_version 1.0).

Every extracted item carries ``start``/``end`` character offsets into
``Document.text``, the normalised text.  Fields that cannot be determined are
``None`` (or ``[]``), never guessed.
"""

from __future__ import annotations

import json
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

System = Literal["state", "party", "unknown"]
Relation = Literal[
    "implements", "based_on", "reports_on", "replaces", "amends", "repeals", "guides", "mentions"
]
DateKind = Literal["date", "deadline", "period", "recurrence", "duration"]
Granularity = Literal["day", "month", "quarter", "half_year", "year"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A piece of the normalised text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


class WarningItem(_Model):
    """A problem found while reading or extracting; ``code`` is stable, ``message`` human."""

    code: str
    message: str
    start: Optional[int] = None
    end: Optional[int] = None


class Source(_Model):
    path: Optional[str] = None
    sha256: Optional[str] = None
    format: Optional[str] = None
    pages: Optional[int] = None


class Signer(_Model):
    name: Optional[str] = None
    position: Optional[str] = None
    authority: Optional[str] = None


class Metadata(_Model):
    doc_type: Optional[str] = None
    doc_type_code: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    issuer_parent: Optional[str] = None
    system: System = "unknown"
    place: Optional[str] = None
    issued_date: Optional[str] = None
    title: Optional[str] = None
    signer: Signer = Field(default_factory=Signer)
    recipients: list[str] = Field(default_factory=list)


class Section(_Model):
    id: str
    label: Optional[str] = None
    title: Optional[str] = None
    level: int
    start: int
    end: int
    parent: Optional[str] = None
    children: list[str] = Field(default_factory=list)
    kind: str = "heading"  # heading | item | bullet


class CitedRelation(_Model):
    key: str
    symbol: Optional[str] = None
    relation: Relation = "mentions"


class Reference(_Model):
    id: str
    text: str
    start: int
    end: int
    doc_type: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    year: Optional[int] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    key: str
    relation: Relation = "mentions"
    cites: list[CitedRelation] = Field(default_factory=list)
    alias: Optional[str] = None


class DateMention(_Model):
    id: str
    text: str
    start: int
    end: int
    kind: DateKind = "date"
    granularity: Optional[Granularity] = None
    value: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    rrule: Optional[str] = None


class Agency(_Model):
    id: str
    text: str
    name: str
    start: int
    end: int
    kind: Optional[str] = None  # state | party | mass | press | steering | collective | other


class TaskDeadline(_Model):
    date: Optional[str] = None
    text: Optional[str] = None
    kind: Optional[DateKind] = None
    granularity: Optional[Granularity] = None
    rrule: Optional[str] = None


class Task(_Model):
    id: str
    section: Optional[str] = None
    text: str
    start: int
    end: int
    action: Optional[str] = None
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    deadline: Optional[TaskDeadline] = None
    report_to: list[str] = Field(default_factory=list)
    deliverable: Optional[str] = None


class Document(_Model):
    """The result of extracting one document."""

    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    text: str = ""
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[WarningItem] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON-ready Python data."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 1) -> str:
        """The document as a JSON string (UTF-8, Vietnamese kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        """Rebuild a Document from :meth:`to_dict` output (e.g. a batch JSONL line)."""
        return cls.model_validate(data)

    def has_warning(self, code: str) -> bool:
        """True when a warning with this code was raised."""
        return any(w.code == code for w in self.warnings)

    # --- analyst views (pandas and HTML are imported only when used) ---------------
    def tasks_frame(self) -> Any:
        """Tasks as a pandas DataFrame (one row per task)."""
        from .frames import frame

        return frame([self], "tasks")

    def references_frame(self) -> Any:
        """Cited documents as a pandas DataFrame (one row per mention)."""
        from .frames import frame

        return frame([self], "references")

    def dates_frame(self) -> Any:
        """Dates, deadlines, periods and recurrences as a pandas DataFrame."""
        from .frames import frame

        return frame([self], "dates")

    def agencies_frame(self) -> Any:
        """Agency mentions as a pandas DataFrame."""
        from .frames import frame

        return frame([self], "agencies")

    def to_html(self, *, standalone: bool = True) -> str:
        """Rich HTML view: metadata card, outline, highlighted text, task table."""
        from .render import render_document

        return render_document(self, standalone=standalone)

    def _repr_html_(self) -> str:
        return self.to_html(standalone=False)

    def to_spacy(self, nlp: Any = None) -> Any:
        """A spaCy ``Doc`` over :attr:`text` with ``doc.spans`` and ``doc.ents`` filled."""
        from .spacy_ext import to_spacy

        return to_spacy(self, nlp)


class ErrorRecord(_Model):
    """What batch conversion writes for an input that produced no Document."""

    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    error: WarningItem


def json_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Document`, generated from the models."""
    schema = Document.model_json_schema()
    schema["$id"] = f"https://vbextract.invalid/schema/{SCHEMA_VERSION}/document.json"
    schema["title"] = "vbextract Document"
    return schema
