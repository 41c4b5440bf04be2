"""Renderers: one module per output format. A renderer only displays a `Report`; every
number it shows was computed by the pipeline, so two formats never disagree."""
