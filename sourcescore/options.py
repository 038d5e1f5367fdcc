"""Types for configuration values that declare their limits, checked when the configuration loads.

A rule's options are a frozen dataclass; a field whose type is one of these (or any
`typing.Annotated` type carrying `annotated_types` or pydantic constraints) is validated against
its limits when `rules.toml` is read, and a bad value is reported with its key::

    from dataclasses import dataclass
    from sourcescore.options import Positive, Regex, Share

    @dataclass(frozen=True)
    class Options:
        scale: Positive = 5.0                 # rules.XYZ101.scale must be greater than 0
        max_share: Share = 0.6                # ... between 0 and 1
        extra_phrases: tuple[Regex, ...] = () # each compiled now, not on every article

Validation is pydantic's; the value's basic type (number, integer, string, list of strings) is
checked first by `sourcescore.config`, without pydantic's coercions, so `"5"` or `true` is never
taken for a number.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from annotated_types import Ge, Gt, Interval
from pydantic import AfterValidator


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{pattern!r} is not a valid regular expression ({exc})") from None
    return pattern


#: A number above zero: a scale, a density, a time limit.
Positive = Annotated[float, Gt(0)]
#: A number at or above zero: a weight, a smoothing prior.
NonNegative = Annotated[float, Ge(0)]
#: A time limit in seconds: 0 (no limit) up to a day. Larger values overflow the timers that
#: enforce them (`setitimer`, `Connection.poll`), so they are refused when the file loads.
Seconds = Annotated[float, Interval(ge=0, le=86_400)]
#: A share, between 0 and 1 inclusive.
Share = Annotated[float, Interval(ge=0, le=1)]
#: A count at or above zero.
Count = Annotated[int, Ge(0)]
#: A count at or above one.
PositiveCount = Annotated[int, Ge(1)]
#: A regular expression, compiled when the configuration loads.
Regex = Annotated[str, AfterValidator(_compiles)]

#: A finding's severity where it is in the story's lede ("" keeps the rule's own severity).
LedeSeverity = Literal["", "suggestion", "warning", "error"]
