"""What `check` reads: the files its paths name, read safely, each problem in that file's slot.

Paths are expanded in a stable order: a directory is walked (recursively, for the article file
types in `TEXT_SUFFIXES`, skipping what `exclude` names), a quoted glob is expanded, a file is
taken as named. Reading is defensive, because the files may come from a pull request:

* Only regular files are read. A FIFO, a device (`/dev/zero`) or a socket is refused without
  being opened for reading, so nothing blocks or reads without end.
* Nothing larger than `max_bytes` is read (the size is checked before reading, and reading stops
  one byte past the limit in case the file grows); standard input is read with the same cap.
* A symbolic link to a file is followed only when the file it points to lies under the folder
  it was found from: the directory given, a glob's literal folder (`stories` for
  `stories/**/*.txt`), or a named file's own folder. Not the working directory: run from $HOME,
  a story folder's link to `~/.ssh/id_rsa` is refused in the file's slot.
* A link to a directory is never followed: not while walking (so there are no loops), not by a
  glob's matches, and not in a path named on the command line (`stories/sub` or
  `stories/sub/creds.txt` with `stories/sub -> /outside` is refused in its slot).
  `--follow-symlinks` (`follow_symlinks`) lifts both rules.
* File names that are not UTF-8 are shown with `\\xNN` escapes (`display_name`), so every
  report format stays valid UTF-8.

Every refusal is an `InputError` in that file's place, and the other files are still checked.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import itertools
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sourcescore.errors import InputError
from sourcescore.textio import decode, printable

#: File types `check` reads when given a directory.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
#: The default for `max_bytes`: the same limit the server puts on a request body. About 85,000
#: words, four times a book-length longread, and checked in about 20 s on a 2-core machine:
#: well inside the default `file_timeout` of 60 s (`python benchmarks/limits.py` measures it;
#: 2,000,000 bytes took 74 s and could never be checked in time).
DEFAULT_MAX_BYTES = 500_000
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ReadPolicy:
    """How inputs are found and read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    follow_symlinks: bool = False
    #: glob patterns of files and folders to skip while walking a directory (matched against
    #: the name and the path relative to the directory given)
    exclude: tuple[str, ...] = ()


#: A named input: a file to read, text already read (standard input), or why it cannot be.
Source = tuple[str, "Path | str | InputError"]


def expand_inputs(paths: Iterable[str], policy: ReadPolicy = ReadPolicy()) -> list[Source]:
    """The files `paths` name (directories walked, globs expanded), unread, in a stable order;
    a path that names nothing usable comes with its error instead."""
    found: list[Source] = []
    for raw in paths:
        try:
            found.extend(_expanded(raw, policy))
        except OSError as exc:  # a name too long for the system, a folder we cannot list
            found.append((display_name(raw), InputError(
                f"{display_name(raw)}: cannot read ({exc.strerror or exc})")))
    return found


def _expanded(raw: str, policy: ReadPolicy) -> list[Source]:
    """What one command-line path names: a glob's files, a directory's, or the file."""
    path = Path(raw)
    if not os.path.lexists(path) and any(ch in raw for ch in "*?["):
        return _globbed(raw, policy)
    shown = display_name(raw)
    through = None if policy.follow_symlinks else directory_link_in(path)
    if through is not None:
        return [(shown, InputError(
            f"{shown}: goes through {display_name(str(through))}, a link to a directory; not "
            "followed (--follow-symlinks reads it)"))]
    if not path.is_dir():
        return [(shown, _guarded(path, path.parent, policy))]
    files = _walk(path, policy)
    if not files:
        return [(shown, InputError(
            f"{shown}: directory holds no {'/'.join(TEXT_SUFFIXES)} files"))]
    return [(display_name(str(file)), _guarded(file, path, policy)) for file in files]


def _globbed(pattern: str, policy: ReadPolicy) -> list[Source]:
    """A quoted glob's files: what the walk of its literal folder would read. Matches through
    a directory link are skipped (as the walk skips them), `exclude` applies, and a file
    link must point under that folder."""
    root = _literal_folder(pattern)
    matches = [Path(m) for m in sorted(glob.glob(pattern, recursive=True))]
    files = [m for m in matches if not m.is_dir() and
             (policy.follow_symlinks or directory_link_in(m) is None) and
             not _excluded_match(m, root, policy.exclude)]
    if not files:
        return [(display_name(pattern), InputError(
            f"{display_name(pattern)}: pattern matches no files"))]
    return [(display_name(str(file)), _guarded(file, root, policy)) for file in files]


def _literal_folder(pattern: str) -> Path:
    """The folder a glob starts from: its leading components without wildcards."""
    parts = Path(pattern).parts
    literal = [p for p in itertools.takewhile(lambda p: not glob.has_magic(p), parts)]
    return Path(*literal[:len(parts) - 1]) if literal else Path(".")


def _excluded_match(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    """`exclude` for a glob's match: the file, or a folder on its way from the glob's root."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return excluded(path, path.parent, patterns)
    step = root
    for part in relative.parts:
        step = step / part
        if excluded(step, root, patterns):
            return True
    return False


def directory_link_in(path: Path) -> Path | None:
    """The first component of `path` that is a symbolic link to a directory, or None."""
    step = Path()
    for index, part in enumerate(path.parts):
        step = step / part
        if step.is_symlink() and (index < len(path.parts) - 1 or step.is_dir()):
            return step
    return None


def display_name(name: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 (a file name from another system)
    become `\\xNN` escapes, so every format stays valid UTF-8, and control characters (a
    newline in a file name could start a CI workflow command) become visible escapes."""
    return printable(name.encode("utf-8", "surrogateescape").decode("utf-8",
                                                                    "backslashreplace"))


def _walk(root: Path, policy: ReadPolicy) -> list[Path]:
    """Article files under `root`; directory links are not followed (no loops)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not excluded(here / d, root, policy.exclude))
        found.extend(here / f for f in files if Path(f).suffix.lower() in TEXT_SUFFIXES
                     and not excluded(here / f, root, policy.exclude))
    return sorted(found)


def excluded(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    """Whether a glob in `patterns` names the file or folder, by name or by its path under
    `root` (`README.md`, `drafts`, `archive/2019/*.txt`)."""
    if not patterns:
        return False
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatchcase(path.name, p) or fnmatch.fnmatchcase(relative, p)
               for p in patterns)


def _guarded(path: Path, root: Path, policy: ReadPolicy) -> Path | InputError:
    """The path, or why it is refused: a symbolic link to a file outside `root`, the folder
    the user gave (walked, or a glob's literal folder) or the named file's own folder."""
    if policy.follow_symlinks or not path.is_symlink():
        return path
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return path
    where = display_name(str(root))
    return InputError(f"{display_name(str(path))}: a symbolic link to "
                      f"{display_name(str(target))}, outside {where}; not followed "
                      "(--follow-symlinks reads it)")


def read_inputs(sources: Iterable[Source], policy: ReadPolicy = ReadPolicy()
                ) -> Iterator[tuple[str, str | InputError]]:
    """(name, text or error) for each source, reading one file at a time."""
    for name, source in sources:
        yield name, read_input(source, policy) if isinstance(source, Path) else source


def iter_inputs(paths: Iterable[str], policy: ReadPolicy = ReadPolicy()
                ) -> Iterator[tuple[str, str | InputError]]:
    """Expand `paths` and read each file as the iterator advances."""
    return read_inputs(expand_inputs(paths, policy), policy)


def read_input(path: Path, policy: ReadPolicy = ReadPolicy()) -> str | InputError:
    """The decoded text of an article file, or the error that stopped reading it."""
    try:
        return decode(read_bytes(path, policy.max_bytes), str(path))
    except InputError as exc:
        return InputError(display_name(str(exc)))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most `max_bytes` of them.

    The file is opened without blocking and checked with `fstat` on the open descriptor, so a
    FIFO is never waited on and a file swapped for a device after a check is still caught.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(_open_error(path, exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: {_kind(info.st_mode)}, not a regular file; not read")
        if info.st_size > max_bytes:
            raise InputError(_too_large(str(path), max_bytes, info.st_size))
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return _capped(stream, str(path), max_bytes)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> str | InputError:
    """Standard input (or any stream), read up to `max_bytes` and decoded."""
    try:
        return decode(_capped(stream, name, max_bytes), name)
    except InputError as exc:
        return exc


def _capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(_too_large(name, max_bytes))
    return b"".join(chunks)


def _too_large(name: str, max_bytes: int, size: int | None = None) -> str:
    has = f"has {size:,} bytes" if size is not None else "is larger than that"
    return f"{name}: {has}; the limit is {max_bytes:,} bytes (max_bytes); not read"


def _open_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return f"{path}: no such file"
    if exc.errno == errno.EISDIR:
        return f"{path}: is a directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{path}: permission denied"
    if exc.errno == errno.ELOOP:
        return f"{path}: symbolic link loop"
    return f"{path}: cannot read ({exc.strerror or exc})"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a special file"
