"""Compare two English texts: two translations of one source, or a
translation and its reference. ``core.compare_documents`` aligns them
(``align``), scores every aligned pair and the whole document with sacrebleu
(``metrics``) and lists the numbers and names that differ (``differences``)."""
