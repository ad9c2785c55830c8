"""Task segmentation and attribution (lead, support, deadline, report_to)."""

from __future__ import annotations

from typing import Sequence

from .schema import Agency, DateMention, Reference, Section, Task


def find_tasks(
    text: str,
    *,
    sections: Sequence[Section],
    agencies: Sequence[Agency],
    dates: Sequence[DateMention],
    references: Sequence[Reference] = (),
) -> list[Task]:
    """Tasks of the document (placeholder: filled by the tasks stage)."""
    return []
