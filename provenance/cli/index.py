"""`provenance index add|stats|remove`: the article index that `check --index` reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_ERROR, EXIT_OK, fail, load_config, text_output, warn, write_output
from provenance.cli.engine_options import EngineOption, SchedulerOption, open_engine_for
from provenance.cli.reuse import OutputFormat, find_sources, iter_documents

index_app = typer.Typer(
    name="index",
    help="The article index (SQLite): add articles, show what it holds, remove articles.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(index_app, name="index")

IndexPath = Annotated[
    Optional[Path],
    typer.Option("--index-path", help="The index file [default: .provenance/index.db, or path in [tool.provenance.index]].", show_default=False),
]
ConfigFile = Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]


def _open(config, index_path: Path | None, *, write: bool):
    from provenance.config import ConfigError
    from provenance.index import index_settings
    from provenance.index.store import ArticleIndex, IndexStoreError

    try:
        path, timeout = index_settings(config, index_path)
        return ArticleIndex.open(path, write=write, timeout=timeout)
    except (ConfigError, IndexStoreError) as exc:
        fail(str(exc))


@index_app.command("add")
def add(
    paths: Annotated[list[str], typer.Argument(help="Articles, or directories of articles, to index.", show_default=False)],
    date: Annotated[Optional[str], typer.Option("--date", help="Publication date of these articles (YYYY-MM-DD); otherwise 'date:' in front matter.", show_default=False)] = None,
    index_path: IndexPath = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but problems.")] = False,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr (shown only when stderr is a terminal).")] = False,
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    index_format: Annotated[Optional[str], typer.Option("--index-format", help="sqlite (one file, the default) or parquet (a directory of Parquet files; see docs/scale.md) for a new index [default: [tool.provenance.index] format].", show_default=False)] = None,
) -> None:
    """Add articles to the index. Adding the same text again changes nothing; a
    path indexed before with another text is replaced.

    Exit codes: 0 done; 2 a usage error, an unusable index or a file that could
    not be read (the others are still indexed).
    """
    from provenance.index.dates import front_matter_date, parse_date
    from provenance.index.store import IndexStoreError

    config = load_config(config_file, isolated)
    given = None
    if date is not None:
        try:
            given = parse_date(date)
        except ValueError as exc:
            fail(f"--date: {exc}")
    sources, problems = find_sources(paths, config)
    from provenance.config import ConfigError
    from provenance.index import index_format as format_of, index_settings

    try:
        chosen = format_of(config, index_format, index_path)
        path, _ = index_settings(config, index_path, chosen)
    except ConfigError as exc:
        fail(str(exc))
    if chosen == "parquet":
        _add_parquet(config, path, sources, given, engine, scheduler, quiet, problems)
    runner = open_engine_for(config, engine, scheduler, quiet=quiet) if (engine or scheduler or config.section("engine")) else None
    index = _open(config, index_path, write=True)
    errors: list[str] = []
    try:
        if runner is None or runner.name == "local":
            annotate = _annotator(config)
            from provenance.progress import progress, ticking

            with progress("indexing", len(sources), enabled=not no_progress) as advance:
                items = ((display, doc, given or front_matter_date(doc)) for display, doc in iter_documents(ticking(sources, advance), errors))
                result = index.add(items, annotate=annotate or None)
        else:
            result = index.add_prepared(_prepared_on(runner, config, index, sources, given, errors))
    except IndexStoreError as exc:
        fail(str(exc))
    finally:
        index.close()
        if runner is not None:
            runner.close()
    if not quiet:
        write_output(text_output(
            f"{index.path}: {result.added} added, {result.replaced} replaced, "
            f"{result.unchanged} unchanged (same text already indexed)\n"
        ), None)
    raise typer.Exit(EXIT_ERROR if problems or errors else EXIT_OK)


def _items(sources, given) -> list[tuple[str, str, str | None]]:
    return [(s.display, str(s.path.absolute()), given.isoformat() if given else None) for s in sources]


def _prepared_on(runner, config, index, sources, given, errors: list[str]):
    """Articles prepared (and annotated) by the engine's workers, in order."""
    from provenance.engine import partitions
    from provenance.engine.dask import _portable
    from provenance.index.tasks import prepare_for_sqlite

    parts = partitions(_items(sources, given), runner.settings.partition_size)
    for prepared, unreadable in runner.map_partitions(prepare_for_sqlite, parts, index.preparer(), _portable(config), True):
        for display, reason in unreadable:
            warn(f"{display}: {reason}")
            errors.append(display)
        yield from prepared


def _add_parquet(config, path: Path, sources, given, engine, scheduler, quiet: bool, problems) -> None:
    """``index add`` into a Parquet index (``index/columnar_append.py``) on the chosen engine."""
    from provenance.engine import EngineError
    from provenance.index.columnar import ColumnarError
    from provenance.index.columnar_append import append

    runner = open_engine_for(config, engine, scheduler, quiet=quiet)
    try:
        buckets = config.section("index").get("buckets")
        result = append(
            path, runner, _items(sources, given), partition_size=runner.settings.partition_size,
            buckets=buckets, batch_articles=config.section("index").get("batch-articles"),
        )
    except (ColumnarError, EngineError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{path}: cannot write the index ({exc.strerror or exc})")
    finally:
        runner.close()
    for display, reason in result.unreadable:
        warn(f"{display}: {reason}")
    if not quiet:
        write_output(text_output(
            f"{path}: {result.added} added, {result.replaced} replaced, "
            f"{result.unchanged} unchanged (same text already indexed)\n"
        ), None)
    raise typer.Exit(EXIT_ERROR if problems or result.unreadable else EXIT_OK)


def _annotator(config):
    """Runs the names and attributions layers, when installed, for the index."""
    from provenance.cli.common import make_pipeline
    from provenance.index.annotate import LayerAnnotator

    return LayerAnnotator(make_pipeline(config))


@index_app.command("stats")
def stats(
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    index_path: IndexPath = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """What the index holds: articles, dates, passages, size."""
    from provenance.index.store import IndexStoreError

    config = load_config(config_file, isolated)
    index = _open(config, index_path, write=False)
    try:
        data = index.stats()
    except IndexStoreError as exc:
        fail(str(exc))
    finally:
        index.close()
    if format is OutputFormat.json:
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return
    if "buckets" in data:  # a Parquet index
        lines = [
            f"index      {data['path']} (Parquet, schema {data['schema']}, {data['created_by']})",
            f"articles   {data['articles']:,}",
            f"keys       {data['keys']:,} in {data['buckets']} buckets, {data['files']:,} files ({data['signature']})",
            f"size       {data['bytes'] / 1e6:,.1f} MB",
        ]
        write_output(text_output("\n".join(lines) + "\n"), None)
        return
    dates = f"{data['earliest_date']} to {data['latest_date']}" if data["dated"] else "none"
    lines = [
        f"index      {data['path']} (schema {data['schema']}, {data['created_by']})",
        f"articles   {data['articles']:,} ({data['dated']:,} dated, {data['undated']:,} undated)",
        f"dates      {dates}",
        f"passages   {data['paragraphs']:,} paragraphs, {data['sentences']:,} sentences",
        f"keys       {data['keys']:,} ({data['signature']})",
        f"size       {data['bytes'] / 1e6:,.1f} MB",
    ]
    write_output(text_output("\n".join(lines) + "\n"), None)


@index_app.command("remove")
def remove(
    paths: Annotated[list[str], typer.Argument(help="Paths as they were indexed; a directory removes everything indexed under it.", show_default=False)],
    index_path: IndexPath = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Remove articles from the index (a Parquet index records them as removed
    in a new tombstone file; `index compact` then drops their keys).

    Exit codes: 0 every path was found and removed; 2 a path that is not in the
    index (the others are still removed) or an unusable index.
    """
    from provenance.discover import display_path
    from provenance.index.store import IndexStoreError

    config = load_config(config_file, isolated)
    targets = [display_path(Path(p)) for p in paths]
    parquet = _parquet_path(config, index_path)
    if parquet is not None:
        removed = _remove_parquet(parquet, targets)
        where = parquet
    else:
        index = _open(config, index_path, write=True)
        try:
            removed = index.remove(targets)
        except IndexStoreError as exc:
            fail(str(exc))
        finally:
            index.close()
        where = index.path
    missing = [t for t in targets if not any(r == t or r.startswith(t.rstrip("/") + "/") for r in removed)]
    for t in missing:
        warn(f"{t}: not in the index")
    write_output(text_output(f"{where}: {len(removed)} removed\n"), None)
    raise typer.Exit(EXIT_ERROR if missing else EXIT_OK)


def _parquet_path(config, index_path: Path | None) -> Path | None:
    """The index's directory when it is a Parquet index, else None."""
    from provenance.config import ConfigError
    from provenance.index import index_format, index_settings
    from provenance.index.columnar import is_columnar

    try:
        chosen = index_format(config, None, index_path)
        path, _ = index_settings(config, index_path, chosen)
    except ConfigError as exc:
        fail(str(exc))
    return path if is_columnar(path) else None


def _remove_parquet(path: Path, targets: list[str]) -> list[str]:
    """``index remove`` on a Parquet index: one tombstone batch file (``columnar_append.remove``)."""
    from provenance.index.columnar import ColumnarError
    from provenance.index.columnar_append import remove

    try:
        return remove(path, targets)
    except ColumnarError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{path}: cannot write the index ({exc.strerror or exc})")


@index_app.command("compact")
def compact_command(
    index_path: Annotated[Path, typer.Option("--index-path", help="The Parquet index directory.", show_default=False)],
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Merge each bucket's key files of a Parquet index into one (faster lookups after many appends)."""
    from provenance.engine import EngineError
    from provenance.index.columnar import ColumnarError, is_columnar
    from provenance.index.columnar_compact import compact

    config = load_config(config_file, isolated)
    if not is_columnar(index_path):
        fail(f"{index_path}: not a Parquet index (compaction is for `--index-format parquet` indexes)")
    runner = open_engine_for(config, engine, scheduler)
    try:
        done = compact(index_path, runner)
    except (ColumnarError, EngineError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{index_path}: cannot write the index ({exc.strerror or exc})")
    finally:
        runner.close()
    write_output(text_output(f"{index_path}: {done['files_before']} key files merged into {done['buckets']}\n"), None)
