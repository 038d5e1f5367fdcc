"""Where `check` writes its report: standard output, or the file `-o` names.

`-o` never destroys what is at its path: a regular file (or a new path) is replaced atomically
through a temporary file beside it, so a reader never sees half a report; a device or a FIFO
(`-o /dev/null`, `-o /dev/stdout` into a pipe) is written straight to and stays what it is; a
symbolic link is followed, so the link stays and its target gets the report. A directory or a
place that cannot be written is one line (exit 2), found before anything is checked.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from sourcescore.errors import SourcescoreError


def output_target(output_file: str) -> Path | None:
    """Where `-o` writes, checked before the run so a bad path costs nothing: None for a
    device or a FIFO (written straight to, never replaced), else the regular file's real path
    (a symbolic link is followed, so the link stays and its target gets the report)."""
    path = Path(output_file)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise SourcescoreError(f"-o {output_file}: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise SourcescoreError(f"-o {output_file}: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        if not os.access(path, os.W_OK):
            raise SourcescoreError(f"-o {output_file}: not writable")
        return None
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise SourcescoreError(f"-o {output_file}: directory does not exist")
    if not os.access(target.parent, os.W_OK | os.X_OK) or \
            (info is not None and not os.access(target, os.W_OK)):
        raise SourcescoreError(f"-o {output_file}: permission denied")
    return target


@contextlib.contextmanager
def open_output(output_file: str | None) -> Iterator[TextIO]:
    """Standard output; a device or FIFO written straight to; or a temporary file beside the
    regular file `output_file` names, renamed over it at the end, so a reader never sees half a
    report. Only ever renamed onto a regular file or a new path: `-o /dev/null` stays a device.
    """
    if output_file is None:
        yield sys.stdout
        return
    target = output_target(output_file)
    if target is None:
        try:
            with open(output_file, "w", encoding="utf-8") as stream:
                yield stream
        except OSError as exc:
            raise SourcescoreError(f"-o {output_file}: {exc.strerror or exc}") from None
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise SourcescoreError(f"-o {output_file}: {exc.strerror or exc}") from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide the report from the CI user
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SourcescoreError(f"-o {output_file}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
