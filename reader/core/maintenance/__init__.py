"""Keeping a library whole: verified rotating backups, restore, check/repair, safe opening.

No Qt here; the window and the CLI call these functions. See RELIABILITY.md for the promises
they keep and the tests that prove them.
"""

from __future__ import annotations

from reader.core.maintenance.backup import (
    BACKUP_DIR,
    DEFAULT_KEEP,
    BackupInfo,
    backup_library,
    list_backups,
    maybe_backup,
    write_backup,
)
from reader.core.maintenance.check import CheckReport, Finding, check_library
from reader.core.maintenance.recovery import (
    CorruptLibraryError,
    Recovery,
    diagnose,
    newest_good_backup,
    open_library,
    recover_if_corrupt,
)
from reader.core.maintenance.restore import RestoreResult, restore_backup
from reader.core.maintenance.sqlite_files import LOST_AND_FOUND

__all__ = [
    "BACKUP_DIR",
    "DEFAULT_KEEP",
    "LOST_AND_FOUND",
    "BackupInfo",
    "CheckReport",
    "CorruptLibraryError",
    "Finding",
    "Recovery",
    "RestoreResult",
    "backup_library",
    "check_library",
    "diagnose",
    "list_backups",
    "maybe_backup",
    "newest_good_backup",
    "open_library",
    "recover_if_corrupt",
    "restore_backup",
    "write_backup",
]
