"""Metadata readers, one per convention co-op-translator has used.

Each reader turns raw bytes into `MetadataRecord` (usable), `MetadataProblem` (present but
unusable, with the reason) or None (absent). They never touch the file system themselves, so
they are pure functions that fuzzing can hammer.
"""
