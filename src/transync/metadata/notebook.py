"""`metadata.coopTranslator` inside a translated Jupyter notebook (co-op-translator's legacy
notebook convention; newer versions write the sidecar instead)."""

from __future__ import annotations

import json

from transync.metadata.fields import parse_record
from transync.model import MetadataOrigin, MetadataProblem, MetadataRecord

NOTEBOOK_KEY = b"coopTranslator"
_ORIGIN = MetadataOrigin.NOTEBOOK


def read_notebook(data: bytes, location: str) -> MetadataRecord | MetadataProblem | None:
    """Read a translated notebook's record (None when the notebook carries none)."""
    if NOTEBOOK_KEY not in data:
        return None  # skip parsing megabytes of cell outputs for nothing
    try:
        notebook = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:
        return MetadataProblem(_ORIGIN, location, None, f"notebook is not valid JSON: {error}")
    metadata = notebook.get("metadata") if isinstance(notebook, dict) else None
    if not isinstance(metadata, dict) or "coopTranslator" not in metadata:
        return None
    return parse_record(metadata["coopTranslator"], _ORIGIN, location)
