"""A Markdown page as every reader of one sees it.

`model` is what content checks compare (`Document` and its parts), `pulldown` builds it with
pyromark, `lexer` and `lines` read pages line by line, `tool_text` finds what co-op-translator
added. The package itself imports nothing: `status` measures pages with `tool_text` without
loading the document model and its line scan.
"""
