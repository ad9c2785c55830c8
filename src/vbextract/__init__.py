"""vbextract: structured data from Vietnamese directive documents.

>>> import vbextract
>>> doc = vbextract.extract("corpora/raw/000_d33c2c6bea5c954f.txt")
>>> doc.metadata.doc_type
'Kế hoạch'
"""

from __future__ import annotations

from .batch import extract_many
from .errors import VbextractError
from .graph import Corpus
from .pipeline import extract, extract_text
from .schema import SCHEMA_VERSION, Document

__version__ = "0.1.0"

__all__ = [
    "Corpus", "Document", "SCHEMA_VERSION", "VbextractError", "__version__", "extract", "extract_many",
    "extract_text",
]
