"""First-run view shown while the library is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """"Import PDFs…" and "Try the sample issues" on an otherwise empty window."""

    import_requested = Signal()
    samples_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(self.tr("Welcome to Digest Reader"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr("Your library is empty. Import digest PDFs (files or whole folders; you can "
                    "also drop them on this window), or start with a few sample issues to see how "
                    "it works. Everything stays on this computer."),
            self,
        )
        text.setWordWrap(True)
        text.setFixedWidth(520)
        # A centred (aligned) widget gets its size hint, which ignores height-for-width: without
        # this a longer translation loses its last lines.
        text.setMinimumHeight(text.heightForWidth(520))
        self.import_button = QPushButton(self.tr("&Import PDFs\u2026"), self)
        self.import_button.setObjectName("welcomeImport")
        self.samples_button = QPushButton(self.tr("Try the &sample issues"), self)
        self.samples_button.setObjectName("welcomeSamples")
        for button in (self.import_button, self.samples_button):
            button.setMinimumWidth(240)
            button.setMinimumHeight(34)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.samples_button.clicked.connect(self.samples_requested)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.samples_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
