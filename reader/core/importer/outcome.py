"""``ImportOutcome``: what happened to one file of an import (exactly one per file)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["OUTCOMES", "ImportOutcome"]

Outcome = Literal["imported", "duplicate", "failed", "cancelled"]
OUTCOMES: tuple[str, ...] = ("imported", "duplicate", "failed", "cancelled")


@dataclass(frozen=True)
class ImportOutcome:
    """One file's result: ``issue_id`` for imported/duplicate, a one-line ``reason`` otherwise."""

    path: str
    outcome: Outcome
    issue_id: int | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The stable ``import --json`` shape: path, outcome, and issue_id or reason."""
        data: dict[str, Any] = {"path": self.path, "outcome": self.outcome}
        if self.outcome in ("imported", "duplicate"):
            data["issue_id"] = self.issue_id
        else:
            data["reason"] = self.reason or self.outcome
        return data
