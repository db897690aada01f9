"""Passages shared within and across articles.

``passages`` and ``local`` are standard library only (the rules layer uses
them on every ``check``); ``detect`` (MinHash LSH with datasketch, chrF with
sacrebleu) is imported only by the commands that need it.
"""
