"""Hostile paths at the file-system boundary (issue 14): special files, symlink
loops, unreadable directories, file names that are not UTF-8, closed and
full standard streams, oversized input, crashes. Every command over every
case: no traceback, no hang (a 10 s timeout per run), a one-line reason, exit
2 for bad input, and the other files still checked with exact offsets.

All cases are generated here, in a temporary directory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.hostile._helpers import GOOD, OTHER, assert_exact_offsets, close_stdin, close_stdout, make_socket, python, run, write

# -- the cases -------------------------------------------------------------------------------------


@pytest.fixture
def good(tmp_path) -> Path:
    return write(tmp_path / "good.txt", GOOD)


@pytest.fixture
def other(tmp_path) -> Path:
    return write(tmp_path / "other.txt", OTHER)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _loop(path: Path) -> Path:
    os.symlink(path.name, path)  # a link to itself
    return path


def _block_device() -> Path | None:
    for name in sorted(os.listdir("/dev")):
        p = Path("/dev") / name
        try:
            if stat.S_ISBLK(os.stat(p).st_mode):
                return p
        except OSError:
            continue
    return None


SPECIAL = ["dev-zero", "dev-urandom", "fifo", "socket", "block-device", "symlink-loop", "directory"]


@pytest.fixture
def bad(request, tmp_path):
    """(path, what the reason says) for one hostile path given explicitly."""
    kind = request.param
    if kind == "dev-zero":
        return Path("/dev/zero"), "character device"
    if kind == "dev-urandom":
        return Path("/dev/urandom"), "character device"
    if kind == "fifo":
        return _fifo(tmp_path / "pipe.txt"), "FIFO"
    if kind == "socket":
        s = make_socket(tmp_path / "s.txt")
        if s is None:
            pytest.skip("no Unix socket can be made here (path too long)")
        request.addfinalizer(s.close)
        return tmp_path / "s.txt", "socket"
    if kind == "block-device":
        dev = _block_device()
        if dev is None:
            pytest.skip("no block device in /dev")
        return dev, "block device"
    if kind == "symlink-loop":
        return _loop(tmp_path / "loop.txt"), "symlink loop"
    if kind == "directory":
        (tmp_path / "adir").mkdir()
        return tmp_path / "adir", "directory"
    raise AssertionError(kind)


def _shown(path: Path) -> str:
    return os.path.normpath(str(path))


# -- explicit hostile paths, every command -----------------------------------------------------------


@pytest.mark.parametrize("bad", [k for k in SPECIAL if k != "directory"], indirect=True)
def test_check_refuses_special_files_and_checks_the_others(bad, good):
    path, reason = bad
    r = run("check", "--format", "json", path, good)
    assert r.code == 2
    assert reason in r.reason_for(_shown(path))
    report = r.json()
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path[_shown(path)]["error"]
    assert by_path[_shown(good)]["findings"][0]["rule"] == "PV101"
    assert assert_exact_offsets(report, {_shown(good): good}) >= 1


@pytest.mark.parametrize("bad", [k for k in SPECIAL if k != "directory"], indirect=True)
@pytest.mark.parametrize(
    "command",
    [
        ["check"],  # the text renderer
        ["attributions"],
        ["reuse"],
        ["glossary", "suggest", "--min-count", "1"],
        ["index", "add", "--index-path", "{tmp}/index.db"],
    ],
    ids=["check-text", "attributions", "reuse", "glossary-suggest", "index-add"],
)
def test_file_commands_refuse_special_files(bad, good, other, tmp_path, command):
    path, reason = bad
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    r = run(*args, path, good, other)
    assert r.code == 2, r.stderr
    assert reason in r.reason_for(_shown(path))
    assert r.stdout.strip() or args[0] == "glossary"  # the other files were still read and reported


@pytest.mark.parametrize("bad", SPECIAL, indirect=True)
@pytest.mark.parametrize(
    "command",
    [
        ["compare", "{bad}", "{good}"],
        ["names", "match", "--pairs", "{bad}"],
        ["glossary", "import", "{bad}", "--file", "{tmp}/g.yaml"],
        ["glossary", "add", "someone", "--canonical", "Some One", "--type", "person", "--file", "{bad}"],
        ["check", "--glossary", "{bad}", "{good}"],
        ["names", "match", "A", "B", "--glossary", "{bad}"],
        ["glossary", "list", "--glossary", "{bad}"],
        ["glossary", "lint", "{bad}"],
    ],
    ids=["compare", "names-pairs", "glossary-import", "glossary-add-file", "check-glossary", "names-glossary", "glossary-list", "glossary-lint"],
)
def test_single_file_commands_refuse_special_files(bad, good, tmp_path, command):
    path, reason = bad
    if path.name == "adir" and ("--glossary" in command or command[:2] == ["glossary", "lint"]):
        pytest.skip("a directory of glossaries is a valid glossary argument (its .yaml files)")
    args = [a.replace("{bad}", str(path)).replace("{good}", str(good)).replace("{tmp}", str(tmp_path)) for a in command]
    r = run(*args)
    assert r.code == 2, r.stderr
    line = r.reason_for(_shown(path))
    assert reason in line or (reason == "directory" and "directory" in line), line
    assert not (tmp_path / "g.yaml").exists()  # nothing imported from it


def test_glossary_directory_with_a_fifo_is_refused_not_opened(tmp_path, good):
    gdir = tmp_path / "glossaries"
    gdir.mkdir()
    _fifo(gdir / "names.yaml")
    for args in (["check", "--glossary", gdir, good], ["glossary", "list", "--glossary", gdir], ["names", "match", "A", "B", "--glossary", gdir]):
        r = run(*args)
        assert r.code == 2 and "FIFO" in r.reason_for("names.yaml")


# -- hostile entries inside a directory walk -------------------------------------------------------------


@pytest.fixture
def hostile_dir(tmp_path):
    """A directory of articles with every hostile entry a walk meets, and two good files."""
    d = tmp_path / "articles"
    d.mkdir()
    write(d / "good.txt", GOOD)
    write(d / "other.txt", OTHER)
    _fifo(d / "pipe.txt")
    _loop(d / "loop.txt")
    os.symlink("b.txt", d / "a.txt")
    os.symlink("a.txt", d / "b.txt")
    os.symlink("missing-target.txt", d / "dangling.txt")
    (d / "sub").mkdir()
    write(d / "sub" / "inner.txt", OTHER.replace("Cairo", "Amman"))
    os.symlink("..", d / "sub" / "up")  # a directory loop
    os.symlink(".", d / "self")
    sock = make_socket(d / "s.txt")
    undecodable = os.fsdecode(b"caf\xe9 \xff.txt")  # a name that is not UTF-8
    write(d / undecodable, GOOD.replace("genocide", "fraud"))
    yield d, sock is not None
    if sock is not None:
        sock.close()


WALKERS = [
    ["check", "--format", "json"],
    ["check"],
    ["attributions", "--format", "json"],
    ["attributions"],
    ["reuse", "--format", "json"],
    ["reuse"],
    ["glossary", "suggest", "--min-count", "1"],
    ["index", "add", "--index-path", "{tmp}/index.db"],
]


@pytest.mark.parametrize("command", WALKERS, ids=lambda c: "-".join(p for p in c if not p.startswith("{")))
def test_walks_report_hostile_entries_and_check_the_rest(hostile_dir, tmp_path, command):
    d, has_socket = hostile_dir
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    r = run(*args, d)
    assert r.code == 2, r.stderr
    assert "FIFO" in r.reason_for("pipe.txt")
    assert "symlink loop" in r.reason_for("loop.txt")
    assert "symlink loop" in r.reason_for("/a.txt")
    assert "no such file" in r.reason_for("dangling.txt")
    assert "loop" in r.reason_for("sub/up")
    assert "loop" in r.reason_for("/self")
    if has_socket:
        assert "socket" in r.reason_for("s.txt")
    if "json" in args and args[0] == "check":
        report = r.json()
        shown = {f["path"]: f for f in report["files"]}
        escaped = _shown(d / "caf\\xe9 \\xff.txt")
        assert escaped in shown and not shown[escaped].get("error"), list(shown)  # name shown escaped, file checked
        files = {_shown(d / "good.txt"): d / "good.txt", _shown(d / "other.txt"): d / "other.txt",
                 _shown(d / "sub" / "inner.txt"): d / "sub" / "inner.txt", escaped: d / os.fsdecode(b"caf\xe9 \xff.txt")}
        assert set(shown) == set(files)
        assert assert_exact_offsets(report, files) >= 2
    if args[0] == "attributions" and "json" in args:
        assert len(r.json()["files"]) == 4
    if args[0] == "reuse" and "json" in args:
        assert r.json()["summary"]["files"] == 4


def test_non_utf8_file_name_keeps_the_report(tmp_path, good):
    """Only a non-UTF-8 name (no other problem): the run is not an error, the name is shown escaped."""
    name = tmp_path / os.fsdecode(b"r\xe9sum\xe9.txt")
    write(name, GOOD)
    r = run("check", "--format", "json", name, good)
    assert r.code == 1  # findings, not a crash and not bad input
    paths = [f["path"] for f in r.json()["files"]]
    assert _shown(tmp_path / "r\\xe9sum\\xe9.txt") in paths
    r = run("check", name)
    assert r.code == 1 and b"r\\xe9sum\\xe9.txt:1:" in r.stdout
    for args in (["attributions", name], ["reuse", name, good], ["glossary", "suggest", "--min-count", "1", name],
                 ["index", "add", "--index-path", tmp_path / "i.db", name], ["compare", name, good]):
        r = run(*args)
        assert r.code == 0, (args, r.stderr)


# -- unreadable directories and files ------------------------------------------------------------------

# Root reads any file whatever its mode, and the virtualenv may not be readable by
# another user; so the seam: os.scandir / os.open / os.stat raise EACCES for paths
# under a directory named "locked", exactly as they would for an unprivileged user.
_SEAM = """
import errno, os, sys
real = {n: getattr(os, n) for n in ("scandir", "open", "stat")}
def guard(name):
    def call(path, *a, **k):
        p = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else ""
        if "/locked" in p:
            raise PermissionError(errno.EACCES, "Permission denied", p)
        return real[name](path, *a, **k)
    return call
for n in real:
    setattr(os, n, guard(n))
sys.argv = ["provenance", *ARGS]
from provenance.cli import main
main()
"""


def _seamed(*args) -> "Run":
    return python(_SEAM.replace("ARGS", repr([str(a) for a in args])))


def test_unreadable_directory_is_reported_not_skipped_silently(tmp_path, good):
    d = tmp_path / "articles"
    (d / "locked").mkdir(parents=True)
    write(d / "locked" / "hidden.txt", GOOD)
    write(d / "ok.txt", OTHER)
    for args in (["check", "--format", "json", d], ["attributions", "--format", "json", d], ["reuse", "--format", "json", d, good],
                 ["glossary", "suggest", d], ["index", "add", "--index-path", tmp_path / "i.db", d]):
        r = _seamed(*args)
        assert "Traceback" not in r.stderr, r.stderr
        assert r.code == 2, r.stderr
        line = r.reason_for("locked")
        assert "cannot read this directory" in line and "permission denied" in line
        if args[0] == "check":
            assert [f["path"] for f in r.json()["files"]] == [_shown(d / "ok.txt")]


def test_file_inside_an_unreadable_directory(tmp_path, good):
    (tmp_path / "locked").mkdir()
    inside = write(tmp_path / "locked" / "a.txt", GOOD)
    for args in (["check", "--format", "json", inside, good], ["compare", inside, good], ["glossary", "import", inside, "--file", tmp_path / "g.yaml"]):
        r = _seamed(*args)
        assert "Traceback" not in r.stderr, r.stderr
        assert r.code == 2
        assert "permission denied" in r.reason_for("a.txt")
    r = _seamed("check", "--format", "json", inside, good)
    assert [f["path"] for f in r.json()["files"] if not f.get("error")] == [_shown(good)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; the seam tests above cover this case as root")
def test_unreadable_directory_for_real(tmp_path, good):
    d = tmp_path / "articles"
    (d / "locked").mkdir(parents=True)
    write(d / "locked" / "hidden.txt", GOOD)
    write(d / "ok.txt", OTHER)
    os.chmod(d / "locked", 0)
    try:
        r = run("check", "--format", "json", d)
        assert r.code == 2 and "permission denied" in r.reason_for("locked")
        r = run("check", d / "locked" / "hidden.txt", good)
        assert r.code == 2 and "permission denied" in r.reason_for("hidden.txt")
    finally:
        os.chmod(d / "locked", 0o755)


# -- standard streams ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"], ["attributions"]], ids=["check", "check-json", "attributions"])
def test_closed_stdin(command, good):
    r = run(*command, "-", good, preexec=close_stdin)
    assert r.code == 2
    assert "standard input is closed" in r.reason_for("stdin")
    assert b"good.txt" in r.stdout  # the other file is still reported


def test_stdin_may_be_a_device_but_is_read_up_to_the_limit(tmp_path, good):
    config = write(tmp_path / "provenance.toml", '[tool.provenance.input]\nmax-file-size = "64KB"\n')
    with open("/dev/zero", "rb") as zero:
        r = run("check", "--config", config, "--format", "json", "-", good, stdin=zero)
    assert r.code == 2 and "64 KB read limit" in r.reason_for("stdin")
    assert [f["path"] for f in r.json()["files"] if not f.get("error")] == [_shown(good)]
    r = run("check", "--config", config, "-", stdin=GOOD.encode())
    assert r.code == 1 and b"<stdin>:1:" in r.stdout


def test_read_limit_for_files(tmp_path, good):
    config = write(tmp_path / "provenance.toml", "[tool.provenance.input]\nmax-file-size = 2048\n")
    big = write(tmp_path / "big.txt", GOOD * 100)
    r = run("check", "--config", config, "--format", "json", big, good)
    assert r.code == 2 and "read limit" in r.reason_for("big.txt")
    assert len(r.json()["files"]) == 2
    r = run("check", "--format", "json", big)  # the default limit (256 MB) reads it
    assert r.code == 1
    for value in ('"lots"', "-1", "true"):
        write(config, f"[tool.provenance.input]\nmax-file-size = {value}\n")
        r = run("check", "--config", config, good)
        assert r.code == 2 and len(r.lines) == 1 and "max-file-size" in r.stderr
    write(config, "[tool.provenance.input]\nmax-size = 5\n")
    r = run("check", "--config", config, good)
    assert r.code == 2 and "unknown key 'max-size'" in r.stderr


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--format", "json"], ["check", "--format", "sarif"], ["attributions"], ["reuse"], ["compare"], ["names"], ["glossary-list"], ["glossary-export"]],
    ids=lambda c: c[-1] if len(c) == 1 else "-".join(c),
)
@pytest.mark.parametrize("stream", ["full", "closed"])
def test_full_or_closed_stdout(command, stream, good, other):
    args = {
        "compare": ["compare", good, other],
        "names": ["names", "match", "Mahmoud", "Mahmud"],
        "glossary-list": ["glossary", "list"],
        "glossary-export": ["glossary", "export"],
        "reuse": ["reuse", good, other],
    }.get(command[0], [*command, good, other])
    if stream == "full":
        with open("/dev/full", "wb") as full:
            r = run(*args, stdout=full)
    else:
        r = run(*args, preexec=close_stdout)
    assert r.code == 2, r.stderr
    assert len(r.lines) >= 1 and "cannot write the output" in r.lines[-1], r.stderr
    assert r.lines[-1].startswith("provenance: error: ")


# -- a crash is not a finding ----------------------------------------------------------------------------

_CRASH = """
import sys
import provenance.discover as d
def boom(*a, **k):
    raise RuntimeError("planted failure")
d.discover = boom
sys.argv = ["provenance", "check", ARG]
from provenance.cli import main
main()
"""


def test_a_crash_exits_2_with_one_line(good):
    r = python(_CRASH.replace("ARG", repr(str(good))))
    assert r.code == 2
    assert r.lines == [r.lines[0]] and r.lines[0].startswith("provenance: internal error: RuntimeError: planted failure")
    assert "Traceback" not in r.stderr
    r = python(_CRASH.replace("ARG", repr(str(good))), extra_env={"PROVENANCE_DEBUG": "1"})
    assert r.code == 2 and "Traceback" in r.stderr and "planted failure" in r.stderr


def test_findings_still_exit_1_and_clean_exits_0(good, other):
    assert run("check", good).code == 1
    assert run("check", other, "--select", "PV101").code == 0


def test_deep_nesting_and_links_to_a_walked_directory():
    """1,100 nested directories (deeper than Python's recursion limit) and a symlink to a
    directory walked already: every file once, no loop reported, no RecursionError.

    Outside pytest's tmp_path: pytest's clean-up of old temp dirs recurses, and
    would fail on this tree if a killed run left it behind."""
    import shutil
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="provenance-deep-"))
    p = str(d)
    levels = [p]
    try:
        for _ in range(1100):
            p = os.path.join(p, "n")
            os.mkdir(p)
            levels.append(p)
        write(Path(p) / "bottom.txt", GOOD)
        (d / "a").mkdir()
        write(d / "a" / "one.txt", OTHER)
        os.symlink("a", d / "b")
        r = run("check", "--format", "json", "--fail-on", "never", d)
        assert r.code == 0, r.stderr
        paths = [f["path"] for f in r.json()["files"]]
        assert len(paths) == 2 and paths[0].endswith("a/one.txt") and paths[1].endswith("/n/bottom.txt")
    finally:  # bottom up, without recursion
        if os.path.exists(os.path.join(p, "bottom.txt")):
            os.unlink(os.path.join(p, "bottom.txt"))
        for level in reversed(levels[1:]):
            os.rmdir(level)
        shutil.rmtree(d)


def test_glossary_directory_holding_a_directory_named_yaml(tmp_path, good):
    gdir = tmp_path / "glossaries"
    (gdir / "sub.yaml").mkdir(parents=True)
    for args in (["check", "--glossary", gdir, good], ["names", "match", "A", "B", "--glossary", gdir], ["glossary", "list", "--glossary", gdir]):
        r = run(*args)
        assert r.code == 2 and "is a directory" in r.reason_for("sub.yaml")
    empty = tmp_path / "none"
    empty.mkdir()
    assert run("check", "--glossary", empty, good).code == 1  # no glossary files in it: checked as usual
