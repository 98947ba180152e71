"""Digest Reader: an offline reader and annotator for digest PDFs."""

__version__ = "0.1.0"
