"""Writing user files safely.

A regular file (or a path that does not exist yet) is written atomically: a
temporary file beside the target is written, flushed to disk and renamed over
it, so a reader or a killed process never sees half a file. A symbolic link is
followed to its target, which is written the same way: the link stays a link
and a shared file it points to is updated, not replaced by a private copy.
Anything else that is not a directory (a character device such as /dev/null or
a terminal, a FIFO, /dev/stdout) is written through, never replaced: renaming a
file over /dev/null would break the machine for every other program.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def write_target(path: str | Path) -> tuple[Path, bool]:
    """The file a write to ``path`` lands in, with symbolic links followed (a
    dangling link gives the path it points to), and whether to write through
    it: a link into /proc (``/dev/stdout`` -> ``/proc/self/fd/1``) names an open
    file of this process, which must be written, not renamed over. Raises
    OSError on a loop."""
    path = Path(path)
    current = path
    for _ in range(40):  # the kernel's own limit on links in a path
        if not current.is_symlink():
            return current, False
        link = Path(os.readlink(current))
        current = link if link.is_absolute() else current.parent / link
        if str(current).startswith("/proc/"):
            return path, True
        current = Path(os.path.realpath(current.parent)) / current.name
    raise OSError(errno.ELOOP, "too many levels of symbolic links", str(path))


def atomic_write(path: str | Path, data, *, encoding: str = "utf-8") -> None:
    """Write ``data`` (str, bytes, or an iterable of str/bytes pieces, written as they
    come so a large report is never one string) to ``path``: atomically for a regular
    file, through for devices, FIFOs and /proc links."""
    payload = _pieces(data, encoding)
    target, through = write_target(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if through:
            raise
        st = None
    if through or (st is not None and not stat.S_ISREG(st.st_mode)):
        _write_through(target, st, payload)
        return
    _replace(target, st, payload)


def _write_through(target: Path, st: os.stat_result, payload) -> None:
    """Write into a special file in place (devices, FIFOs); refuse the ones where
    a report does not belong."""
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        kind = "block device" if stat.S_ISBLK(mode) else "socket"
        raise OSError(errno.EINVAL, f"is a {kind}, not a file to write a report to", str(target))
    # O_APPEND: the same bytes land in a device or a FIFO, and a terminal or a log
    # behind /dev/stdout keeps what was written before
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
    try:
        for piece in payload:
            view = memoryview(piece)
            while view:
                written = os.write(fd, view)
                view = view[written:]
    finally:
        os.close(fd)


def _pieces(data, encoding: str):
    """The payload as an iterator of bytes pieces."""
    if isinstance(data, str):
        return iter((data.encode(encoding),))
    if isinstance(data, (bytes, bytearray, memoryview)):
        return iter((bytes(data),))
    return (piece.encode(encoding) if isinstance(piece, str) else bytes(piece) for piece in data)


def _replace(target: Path, st: os.stat_result | None, payload) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in payload:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
                try:  # root rewriting another user's file keeps it theirs
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(directory)


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
