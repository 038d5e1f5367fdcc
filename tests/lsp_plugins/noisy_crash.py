"""A plugin for the language-server tests: it prints on import, while registering and while
checking (Python and C-level writes to fd 1), and its rule always crashes. The server must
keep stdout for the protocol and turn the crash into a diagnostic."""

import os
from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.rules import Rule

print("noisy_crash: imported")  # noqa: T201 - the point of this plugin


@dataclass(frozen=True)
class Options:
    pass


def check(analysis, options):
    print("noisy_crash: checking")  # noqa: T201
    os.write(1, b"noisy_crash: raw write to fd 1\n")
    raise RuntimeError("this rule always crashes")


@hookimpl
def sourcescore_register_rules(register):
    print("noisy_crash: registering")  # noqa: T201
    register(Rule("TST901", "always-crashes", "A rule that always crashes", check, Options,
                  doc="TST901 always-crashes: a test rule that raises."))
