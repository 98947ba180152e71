"""Help → Query Language: the query language help (Markdown) in a non-modal dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class QueryHelpDialog(QDialog):
    """Shows ``markdown`` rendered; closes with Esc or the Close button."""

    def __init__(self, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queryHelpDialog")
        self.setWindowTitle(self.tr("Query Language"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("queryHelpText")
        self.browser.setAccessibleName(self.tr("Query language help"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(markdown or self.tr("The query language help is missing."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        # Fixed constraints before the first show (the offscreen platform warns otherwise).
        self.setMinimumSize(480, 360)
        self.resize(640, 560)
        layout.activate()
