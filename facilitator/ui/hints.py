"""Underlines what a text checker finds (hard words, long sentences) as the facilitator types."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from facilitator.language.hints import HintChecker, no_hints


class HintHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, checker: HintChecker = no_hints):
        super().__init__(document)
        self.checker = checker
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.underline.setUnderlineColor(QColor("#B34700"))

    def set_checker(self, checker: HintChecker) -> None:
        self.checker = checker
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for hint in self.checker(text):
            start = max(0, min(hint.start, len(text)))
            end = max(start, min(hint.end, len(text)))
            if end > start:
                self.setFormat(start, end - start, self.underline)
