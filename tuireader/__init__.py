"""tuireader: a terminal reader for long transcripts and articles.

Kept free of heavy imports: the command line answers without loading Textual.
"""

__version__ = "0.1.0"
