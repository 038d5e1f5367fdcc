"""Shared analysis: one parse of an article turned into the facts every rule reads.

`sourcescore.analysis.build.analyse(text, nlp)` is the entry point. The submodules that can be
are model-free (`paragraphs`, `quotes`, `wire`), so they are tested on plain strings.
"""
