"""The machinery the checks run on, apart from the checks themselves: the content runner
(`content`) with its persistent cache, the context each check is handed, the alignment of a
translation's outline with its source's, link targets, and which finding wins where several
explain one defect (`precedence`)."""
