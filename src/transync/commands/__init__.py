"""One module per command: each takes parsed options, runs the pipeline, prints a report."""
