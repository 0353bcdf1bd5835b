"""Everything that draws on a screen. The only package that imports PySide6."""
