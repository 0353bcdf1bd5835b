"""Easy-read PDFs with reportlab: the summary, the agenda handout and picture cards (no Qt)."""
