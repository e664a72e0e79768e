"""curate: an annotation-and-curation workbench for Label Studio.

Kazakh and Russian news on drug crime go in (``seeds/``); a gold-standard NER dataset
with normalised numbers and inter-annotator agreement comes out (``exports/``).
"""

__version__ = "0.1.0"
