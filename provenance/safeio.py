"""Reading user files at the file-system boundary: only regular files, never
more than a size limit, every failure a one-line reason.

Special files are refused from their ``stat`` alone, before any open: a FIFO
would block the open (or the read) forever, ``/dev/zero`` never ends, a
terminal or a tape device may do something when opened. A file is opened
with ``O_NONBLOCK`` and checked again with ``fstat``, so one swapped for a
FIFO between the two steps cannot hang the run either. Standard input
(``-``) is the one way to hand the tool a pipe or a device; it is read up to
the same limit.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from provenance.document.decode import InputError

#: Default read limit: well above any news article (and the 50 MB stress file).
DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024

_max_file_size = DEFAULT_MAX_FILE_SIZE
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def max_file_size() -> int:
    return _max_file_size


def set_max_file_size(limit: int) -> None:
    """The limit every later read of this process (and of forked workers) uses."""
    global _max_file_size
    _max_file_size = int(limit)


def parse_size(value) -> int:
    """``max-file-size``: a number of bytes, or a string such as "256MB" or "1 GiB" (units of 1024)."""
    if isinstance(value, bool):
        raise ValueError("must be a number of bytes or a size such as \"256MB\"")
    if isinstance(value, int):
        n = value
    elif isinstance(value, str):
        s = value.strip().lower().replace(" ", "")
        digits = s.rstrip("abcdefghijklmnopqrstuvwxyz")
        unit = s[len(digits):]
        if not digits.isdigit() or unit not in _UNITS:
            raise ValueError(f"{value!r} is not a size (use bytes, or e.g. \"256MB\", \"1GB\")")
        n = int(digits) * _UNITS[unit]
    else:
        raise ValueError("must be a number of bytes or a size such as \"256MB\"")
    if n <= 0:
        raise ValueError("must be positive")
    return n


def describe_size(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n:,} bytes"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def os_reason(exc: OSError) -> tuple[str, str]:
    """(one-line reason, kind) of an error from stat, open or read."""
    code = exc.errno
    if code == errno.ENOENT:
        return "no such file", "missing"
    if code == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)", "unreadable"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied", "unreadable"
    if code == errno.ENOTDIR:
        return "a part of the path is not a directory", "missing"
    if code == errno.ENAMETOOLONG:
        return "file name too long", "unreadable"
    if code == errno.EISDIR:
        return "is a directory", "input"
    return f"cannot read ({exc.strerror or exc})", "unreadable"


def refusal(path: str | Path, st: os.stat_result | None = None) -> tuple[str, str] | None:
    """Why ``path`` cannot be read as an input file, from ``stat`` alone (no open); None if it can."""
    if st is None:
        try:
            st = os.stat(path)
        except OSError as exc:
            return os_reason(exc)
        except ValueError:  # an embedded NUL byte
            return "invalid file name", "input"
    kind = kind_of(st.st_mode)
    if kind == "a directory":
        return "is a directory", "input"
    if kind is not None:
        return f"is {kind}, not a regular file; not read", "special"
    if st.st_size > _max_file_size:
        return too_large(st.st_size), "too-large"
    return None


def too_large(size: int | None = None) -> str:
    have = f" ({size:,} bytes)" if size is not None else ""
    return f"larger than the {describe_size(_max_file_size)} read limit{have}; raise max-file-size in [tool.provenance.input]"


def read_input(path: str | Path) -> bytes:
    """The bytes of a regular file of at most the limit, or InputError with a one-line reason."""
    problem = refusal(path)
    if problem is not None:
        raise InputError(*problem)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(*os_reason(exc)) from None
    try:
        st = os.fstat(fd)
        problem = refusal(path, st)  # the file may have been swapped since the stat
        if problem is not None:
            raise InputError(*problem)
        return _read_limited(fd)
    except OSError as exc:
        raise InputError(*os_reason(exc)) from None
    finally:
        os.close(fd)


def _read_limited(fd: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > _max_file_size:
            raise InputError(too_large(), "too-large")  # a file that grows while read
        chunks.append(chunk)


def stdin_usable(stream=None) -> str | None:
    """Why standard input cannot be read (closed), or None."""
    stream = sys.stdin if stream is None else stream
    if isinstance(stream, LimitedStdin):
        stream = stream.stream
    if stream is None:
        return "standard input is closed"
    try:
        os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return "standard input is closed"
    return None


def read_stdin(stream=None) -> bytes:
    """Standard input up to the limit (pipes and devices allowed here), or InputError."""
    stream = sys.stdin if stream is None else stream
    if isinstance(stream, LimitedStdin):
        stream = stream.stream
    reason = stdin_usable(stream)
    if reason is not None:
        raise InputError(reason, "unreadable")
    buffer = getattr(stream, "buffer", stream)
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = buffer.read(1 << 20)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > _max_file_size:
                raise InputError("standard input: " + too_large(), "too-large")
            chunks.append(chunk)
    except OSError as exc:
        reason, kind = os_reason(exc)
        raise InputError(f"standard input: {reason}", kind) from None


class LimitedStdin:
    """Stands in for ``sys.stdin`` so that code reading ``sys.stdin.buffer.read()``
    gets the limit and one-line reasons (InputError) instead of an endless read."""

    def __init__(self, stream):
        self.stream = stream
        self.buffer = self

    def read(self, n: int = -1) -> bytes:
        return read_stdin(self.stream)

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard input already read")

    def isatty(self) -> bool:
        return False

    def close(self) -> None:  # multiprocessing closes stdin in a forked worker
        if self.stream is not None:
            self.stream.close()

    @property
    def closed(self) -> bool:
        return self.stream is None or self.stream.closed
