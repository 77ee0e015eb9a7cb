"""The portal's database: SQLite from the standard library, a file in the project, with numbered
migrations applied in order at start (`schema_version` says how far a file has come), so a file
made by an older constructor is brought up to date and a newer one is refused.

Every write goes through `transaction()` (`BEGIN IMMEDIATE`): a proposal, an acceptance or an audit
entry is in the file whole or not at all, and two writers wait for each other instead of failing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Each migration is a script run once, in order; never edit a released one, add the next.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('methodologist', 'enterprise')),
        enterprise TEXT,
        password TEXT NOT NULL,
        created REAL NOT NULL
    );
    CREATE TABLE user_programs (
        user_id INTEGER NOT NULL REFERENCES users(id),
        program TEXT NOT NULL,
        PRIMARY KEY (user_id, program)
    );
    CREATE TABLE invitations (
        token TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('methodologist', 'enterprise')),
        enterprise TEXT,
        programs TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created REAL NOT NULL,
        expires REAL NOT NULL,
        used REAL
    );
    CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        csrf TEXT NOT NULL,
        created REAL NOT NULL,
        expires REAL NOT NULL
    );
    CREATE TABLE login_failures (
        email TEXT NOT NULL,
        address TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX login_failures_at ON login_failures (email, at);
    CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        program TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
        body TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        bundle_file TEXT,
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        user_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    """,
)


class NewerDatabase(Exception):
    """The file was made by a newer constructor: its tables may mean what this one does not know."""


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the database and bring it up to the current schema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")  # readers do not wait for the writer
    conn.execute("PRAGMA busy_timeout = 30000")
    migrate(conn)
    return conn


def version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the file has not had, each in its own transaction; the version reached."""
    with transaction(conn):
        current = version(conn)
        if current > len(MIGRATIONS):
            raise NewerDatabase(str(current))
        for number in range(current, len(MIGRATIONS)):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number + 1,))
        return len(MIGRATIONS)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All the statements inside, or none: `BEGIN IMMEDIATE` takes the write lock first, so two writers
    wait for each other (up to the busy timeout) instead of one failing halfway."""
    if conn.in_transaction:  # nested: the outer transaction decides
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def audit(conn: sqlite3.Connection, user: int | None, action: str, detail: str) -> None:
    """Who did what, when: every write of the portal leaves a line."""
    conn.execute(
        "INSERT INTO audit (at, user_id, action, detail) VALUES (?, ?, ?, ?)", (time.time(), user, action, detail)
    )
