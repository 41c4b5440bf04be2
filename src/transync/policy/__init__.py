"""The policy `transync check` applies to a scan: which problems fail a build, which warn.

problems (what needs attention, with stable keys) -> kinds (which ones a rule names) ->
settings (flags and `[tool.transync.check]`) -> evaluate (a frozen `CheckResult` that every
renderer displays without computing anything).
"""
