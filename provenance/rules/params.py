"""The ``params`` each rule kind reads, with their types: the pack loader checks
every rule's params against its kind's table (unknown names and wrong types are
errors with ``file:line``).

Declaring a new kind's params: add ``"my-kind": {"name": spec, ...}`` below,
with specs from ``provenance.schema`` (``Str()``, ``Int(1)``, ``Number(0, 1)``,
``Bool()``, ``OneOf((...))``, ``STR_LIST``). A kind that has no entry here
loads with any params (permissive), so a kind can land before its table; an
empty table means the kind takes no params.

The ``phrases`` list of kind ``phrase`` is a rule field of its own; its entries
are checked by ``PHRASE_ENTRY``.
"""

from __future__ import annotations

from provenance.schema import STR_LIST, Bool, Int, ListOf, MapOf, Number, OneOf, Spec, Str

KIND_PARAMS: dict[str, dict[str, Spec]] = {
    # slots: word classes the rule's templates name ({AUTH}: provenance/rules/kinds/_slots.py); once: one note per document
    "phrase": {
        "window": Int(1),
        "quoted_severity": OneOf(("info", "warning")),
        "once": Bool(),
        "slots": MapOf(ListOf(Str(nonempty=True), nonempty=True)),
    },
    "fragment": {
        "mode": OneOf(("modifier", "stranded", "list", "clause")),
        "max_words": Int(1),
        "min_words": Int(1),
        "exempt_openers": STR_LIST,
        "min_items": Int(1),
        "adjectives": STR_LIST,
        "adjective_suffixes": STR_LIST,
        "allow": STR_LIST,
        "openers": STR_LIST,
        "determiners": STR_LIST,
        "verbs": STR_LIST,
    },
    "doublet": {
        "mode": OneOf(("word", "phrase", "pairs", "near")),
        "max_gap": Int(1),
        "pairs": ListOf(ListOf(Str(nonempty=True), nonempty=True), nonempty=True),
        "families": ListOf(ListOf(Str(nonempty=True), nonempty=True), nonempty=True),
        "exclude": ListOf(ListOf(Str(nonempty=True), nonempty=True)),
        "bare": Bool(),
        "max_words": Int(2),
        "function_words": STR_LIST,
        "determiners": STR_LIST,
        "commas": Bool(),
        "conjunctions": STR_LIST,
        "allow": STR_LIST,
        "allow_suffixes": STR_LIST,
    },
    "quotes": {"mode": OneOf(("mismatched", "unbalanced", "mixed", "apostrophe", "displaced"))},
    "verbless": {
        "mode": OneOf(("attribution", "participle", "fragment")),
        "participles": STR_LIST,
        "max_subject_words": Int(1),
        "min_words": Int(1),
        "max_words": Int(1),
        "openers": STR_LIST,
        "time_words": STR_LIST,
        "complement_nouns": STR_LIST,
        "allow": STR_LIST,
        "starters": STR_LIST,
    },
    "romanized": {
        "level": OneOf(("confident", "place")),
        "min_length": Int(1),
        "min_score": Number(0, 1),
        "min_score_capitalized": Number(0, 1),
        "allow": STR_LIST,
    },
    "mtqe": {
        "threshold": Int(1),
        "min_words": Int(1),
        "speech_verbs": STR_LIST,
        "object_verbs": STR_LIST,
        "subject_nouns": STR_LIST,
        "lower_openers": STR_LIST,
        "doubled": STR_LIST,
        "document_gate": Int(0),
        "main_verb": Bool(),
        "long_words": Int(0),
        "marked_long_words": Int(0),
        "ungated_long_words": Int(0),
        "raw_long_words": Int(0),
        "runon_gate": Number(0, 1),
        "raw_titles": Bool(),
        "markers": STR_LIST,
        "marker_count": Int(1),
        "marker_rate": Number(0),
        "signs": ListOf(OneOf(("doubled", "spaced", "comma-that", "weekday", "mid-capital", "long", "main-verb", "marked-long"))),
    },
    "orphan-pronoun": {"verbs": STR_LIST, "pronouns": ListOf(Str(nonempty=True)), "non_human": STR_LIST, "neuter": STR_LIST},
    "repetition": {"mode": OneOf(("paragraph", "prefix", "sentence")), "min_words": Int(1), "min_chars": Int(1)},
    "foreign-script": {"allow_scripts": STR_LIST},
    "foreign-language": {"min_words": Int(1), "min_probability": Number(0, 1)},
    "invisible": {},
    # Rules whose findings come from another layer; examples_need tells the
    # example tests what the examples need (an index of seeds/).
    "layer": {"examples_need": OneOf(("seed-index",))},
    # checked against the original (provenance/bilingual/checks.py, names.py)
    "source-numbers": {"min_english_value": Number(0)},
    "source-dates": {},
    "source-omission": {"min_chars": Int(0), "max_z": Number(0), "merge_z": Number(0), "merge_z_lang": MapOf(Number(0)), "part_z": Number(0), "number_merge_z": Number(), "number_part_z": Number(0), "across_break": Bool(), "break_part_z": Number(0),
                        "carried": Bool(), "heading_max_z": Number(0), "anchored": Bool(), "anchor_merge_z": Number(), "anchor_part_z": Number(0), "anchor_foreign": Bool(),
                        "foreign_alone": Bool(), "calibrated": Bool(), "cal_merge_z": Number(), "cal_part_z": Number(0), "lone_gap_z": Number(0), "lone_gap_z_lang": MapOf(Number(0))},
    "source-addition": {"min_chars": Int(0), "max_z": Number(0), "merge_z": Number(0), "part_z": Number(0), "short_absorb": Bool(), "across_break": Bool(), "break_part_z": Number(0),
                        "carried": Bool(), "anchored": Bool(), "anchor_merge_z": Number(), "anchor_part_z": Number(0), "anchor_foreign": Bool(),
                        "shifted": Bool(), "shift_foreign": Bool(), "orphan_unabsorbed": Bool(),
                        "calibrated": Bool(), "cal_merge_z": Number(), "cal_part_z": Number(0), "shift_lengths": Bool(), "shift_margin": Number(0), "shift_absorbed": Bool(), "shift_names": Bool(),
                        "foreign_alone": Bool(), "swap_margin": Number(), "swap_margin_orphan": Number(), "orphan_merge_z": Number(), "left_out_margin": Number()},
    "source-quotation": {"min_words": Int(1), "min_speech_words": Int(1), "reverse": Bool(), "closing": Bool(), "per_sentence": Bool(), "neighbours": Bool(), "cut_tolerance": Number(0, 1),
                         "short_needs_cue": Bool(), "cue_window": Int(0), "english_cue": Bool(), "title_words": Int(0),
                         "shorter_quotes": Bool(), "shorter_kept": Int(0), "shorter_share": Int(1),
                         "unmatched_speech": Bool(), "kept_share": Number(0, 1), "every_quotation": Bool(), "nested_only": Bool(),
                         "naming": Bool(), "english_title": Bool(), "english_cue_words": Int(1)},
    "source-untranslated": {"min_run": Int(2), "min_run_chars": Int(2), "min_share": Number(0, 1), "english_share": Number(0, 1)},
    "source-names": {"min_ratio": Number(0, 100), "min_skeleton": Int(1), "skip_langs": STR_LIST},
}

#: One entry of a ``phrase`` rule's ``phrases`` list (``match`` or ``regex`` required).
PHRASE_ENTRY: dict[str, Spec] = {
    "match": ListOf(Str(nonempty=True), nonempty=True, single=True),
    "regex": Str(nonempty=True),
    "suggestion": Str(),
    "message": Str(),
    "note": Str(),
    "case": OneOf(("sensitive", "insensitive")),
    "not_after": Str(nonempty=True),
    "not_before": Str(nonempty=True),
    "anchors": ListOf(Str(nonempty=True), nonempty=True),
    # context conditions (provenance.rules.kinds.phrase.CONDITION_SCOPES): regexes
    **{f"{p}_{scope}": Str(nonempty=True) for p in ("if", "unless") for scope in ("sentence", "paragraph", "document")},
}
