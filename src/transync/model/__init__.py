"""The plain data that flows through transync's pipeline.

Every stage takes these values and returns new ones; nothing here does I/O. They are frozen
so that a check, a renderer or a cache can hold on to them without fearing that a later stage
changed them underneath. One module per kind of fact; every name is imported from here.
"""

from __future__ import annotations

from transync.model.layout import (
    LANG_PLACEHOLDER as LANG_PLACEHOLDER,
)
from transync.model.layout import (
    LanguageFolder as LanguageFolder,
)
from transync.model.layout import (
    Layout as Layout,
)
from transync.model.provenance import (
    BASIS_GIT as BASIS_GIT,
)
from transync.model.provenance import (
    BASIS_HASH as BASIS_HASH,
)
from transync.model.provenance import (
    NO_HISTORY as NO_HISTORY,
)
from transync.model.provenance import (
    PORTABLE as PORTABLE,
)
from transync.model.provenance import (
    Cause as Cause,
)
from transync.model.provenance import (
    Change as Change,
)
from transync.model.provenance import (
    ChangeKind as ChangeKind,
)
from transync.model.provenance import (
    CommitCause as CommitCause,
)
from transync.model.provenance import (
    CommitRef as CommitRef,
)
from transync.model.provenance import (
    Estimate as Estimate,
)
from transync.model.provenance import (
    EstimatedState as EstimatedState,
)
from transync.model.provenance import (
    Provenance as Provenance,
)
from transync.model.records import (
    FailureRecord as FailureRecord,
)
from transync.model.records import (
    Finding as Finding,
)
from transync.model.records import (
    MetadataProblem as MetadataProblem,
)
from transync.model.records import (
    MetadataRecord as MetadataRecord,
)
from transync.model.report import (
    EstimatedSummary as EstimatedSummary,
)
from transync.model.report import (
    FindingGroup as FindingGroup,
)
from transync.model.report import (
    LanguageSummary as LanguageSummary,
)
from transync.model.report import (
    ProgressFactory as ProgressFactory,
)
from transync.model.report import (
    Report as Report,
)
from transync.model.report import (
    TextAmount as TextAmount,
)
from transync.model.report import (
    TranslationEntry as TranslationEntry,
)
from transync.model.states import (
    GUTTED_CHECKS as GUTTED_CHECKS,
)
from transync.model.states import (
    Kind as Kind,
)
from transync.model.states import (
    MetadataOrigin as MetadataOrigin,
)
from transync.model.states import (
    Severity as Severity,
)
from transync.model.states import (
    State as State,
)
