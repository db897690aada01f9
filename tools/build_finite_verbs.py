"""Build provenance/rules/kinds/data/finite_verbs.json, the finite verb forms
that the ``verbless`` rule kind reads (run by hand when the lexicon changes):

    pip install lemminflect==0.2.3   # MIT; its lexicon comes from the NLM SPECIALIST Lexicon
    python tools/build_finite_verbs.py

Only build time needs lemminflect: the check itself reads the JSON file.
Each form maps to flags:
  d  past tense (VBD)             z  third person singular present (VBZ)
  b  base form (VBP: "they say"): finite only after a plural subject
  n  also a noun form ("reports", "plans"): a verb only in some positions
  p  also the past participle ("addressed"): a reduced relative after a noun
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lemminflect

OUT = Path(__file__).resolve().parent.parent / "provenance" / "rules" / "kinds" / "data" / "finite_verbs.json"
# Auxiliaries and modals that lemminflect files elsewhere or not at all.
EXTRA = {
    "is": "z", "are": "z", "was": "d", "were": "d", "am": "z", "has": "z", "have": "z", "had": "d",
    "does": "z", "did": "d", "do": "z", "will": "zn", "would": "d", "can": "zn", "could": "d",
    "may": "z", "might": "dn", "must": "zn", "shall": "z", "should": "d", "isn't": "z", "aren't": "z",
    "wasn't": "d", "weren't": "d", "hasn't": "z", "haven't": "z", "hadn't": "d", "doesn't": "z",
    "didn't": "d", "don't": "z", "won't": "z", "wouldn't": "d", "can't": "z", "cannot": "z",
    "couldn't": "d", "shouldn't": "d", "mustn't": "z",
}


def main() -> None:
    resources = Path(lemminflect.__file__).parent / "resources" / "infl_lu.csv.gz"
    verbs: set[str] = set()
    with gzip.open(resources, "rt", encoding="utf-8") as f:
        for line in f:
            lemma, pos, *_ = line.rstrip("\n").split(",")
            if pos == "verb" and lemma.isalpha() and lemma.islower():
                verbs.add(lemma)
    forms: dict[str, set[str]] = {}
    nouns: set[str] = set()
    participles: set[str] = set()
    for lemma in sorted(verbs):
        infl = lemminflect.getAllInflections(lemma, upos="VERB")
        for tag, flag in (("VBD", "d"), ("VBZ", "z"), ("VBP", "b"), ("VB", "b")):
            for form in infl.get(tag, ()):
                forms.setdefault(form.lower(), set()).add(flag)
        participles.update(f.lower() for f in infl.get("VBN", ()))
    for lemma in sorted(forms.keys() | {l for l in verbs}):
        for tag in ("NN", "NNS"):
            nouns.update(f.lower() for f in lemminflect.getAllInflections(lemma, upos="NOUN").get(tag, ()))
    # noun lemmas from the lexicon too: "sources", "talks"
    with gzip.open(resources, "rt", encoding="utf-8") as f:
        for line in f:
            lemma, pos, *rest = line.rstrip("\n").split(",")
            if pos == "noun":
                for group in rest:
                    nouns.update(x.lower() for x in group.split("/"))
    table = {}
    for form, flags in forms.items():
        if form in nouns:
            flags.add("n")
        if form in participles or form.endswith("ed"):
            flags.add("p")
        table[form] = "".join(sorted(flags))
    for form, flags in EXTRA.items():
        table[form] = flags
    data = {
        "source": "lemminflect 0.2.3 (MIT; SPECIALIST Lexicon), tools/build_finite_verbs.py",
        "forms": dict(sorted(table.items())),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(table)} forms -> {OUT}")


if __name__ == "__main__":
    main()
