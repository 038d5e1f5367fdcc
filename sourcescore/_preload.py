"""Imported by the worker fork server before it forks any worker (`sourcescore.parallel`).

Loading the pipeline here means every worker starts with it already in memory (shared with the
fork server until written to), so a worker replaced after a time-out is ready in milliseconds.
A failure is left for the worker to meet and report: the fork server must start regardless.
"""

from __future__ import annotations

import contextlib

from sourcescore.errors import SourcescoreError

with contextlib.suppress(SourcescoreError):
    from sourcescore.nlp import load_pipeline

    load_pipeline()
