"""Plain words: the glossary, the jargon finder and the easy-read checker (no Qt)."""
