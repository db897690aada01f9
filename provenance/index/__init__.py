"""The article index (``store.ArticleIndex``) and where it lives.

``[tool.provenance.index]``: ``path`` (default ``.provenance/index.db``, relative
to the configuration file, or to the current directory without one),
``timeout`` (seconds a writer waits for another writer, default 5) and
``format`` (``sqlite``, the default, or ``parquet``: a directory of Parquet
files, default ``.provenance/index.parquet``; ``columnar.py``). An existing
directory index is read as Parquet whatever the setting; ``buckets`` (a power of
two, default 8) is the number of key buckets of a new Parquet index and
``batch-articles`` (default 50,000) the most articles one of its appends
holds on the workers before the shuffle (a larger add is several batches).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.config import Config

DEFAULT_PATH = ".provenance/index.db"
DEFAULT_PARQUET_PATH = ".provenance/index.parquet"
FORMATS = ("sqlite", "parquet")
DEFAULT_TIMEOUT = 5.0
_KEYS = ("path", "timeout", "format", "buckets", "batch-articles")


def index_format(config: "Config", flag: str | None = None, path: Path | None = None) -> str:
    """``sqlite`` or ``parquet``: an existing Parquet directory, else the flag, else the configuration."""
    from provenance.config import ConfigError
    from provenance.index.columnar import is_columnar

    if path is not None and is_columnar(path):
        return "parquet"
    if flag is not None and flag not in FORMATS:
        raise ConfigError(f"--index-format must be one of {', '.join(FORMATS)}, not {flag!r}")
    chosen = flag or config.section("index").get("format", "sqlite")
    if chosen not in FORMATS:
        raise ConfigError(f"{config.source or 'configuration'}: [tool.provenance.index]: 'format' must be one of {', '.join(FORMATS)}")
    return chosen


def index_settings(config: "Config", flag: Path | None = None, format: str | None = None) -> tuple[Path, float]:
    """(index file, writer timeout) from the flag, the configuration or the defaults."""
    from provenance.config import ConfigError

    section = config.section("index")
    where = f"{config.source or 'configuration'}: [tool.provenance.index]"
    for key in section:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(_KEYS)})")
    path = section.get("path", DEFAULT_PARQUET_PATH if (format or section.get("format")) == "parquet" else DEFAULT_PATH)
    if not isinstance(path, str) or not path:
        raise ConfigError(f"{where}: 'path' must be a file name")
    timeout = section.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout < 0:
        raise ConfigError(f"{where}: 'timeout' must be a number of seconds")
    if flag is not None:
        return flag, float(timeout)
    resolved = config.resolve(path)
    # A path inside the current directory is shown relative, as the user would write it.
    try:
        resolved = resolved.relative_to(Path.cwd())
    except ValueError:
        pass
    return resolved, float(timeout)
