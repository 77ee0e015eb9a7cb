"""Accounts of the portal: users, invitations, sessions and the login's rate limit.

Passwords are hashed with Argon2 (argon2-cffi, its recommended parameters); session and invitation
tokens are random (`secrets`) and stored only as SHA-256 digests, so a copy of the database opens no
session. Each session carries its own CSRF token, which every form and script sends back.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from constructor.portal.db import Database, audit

Role = Literal["methodologist", "enterprise"]
SESSION_SECONDS = 12 * 3600
INVITATION_SECONDS = 14 * 24 * 3600
# sign-in attempts in the window, counted before the password is checked (so parallel guesses count
# too): an e-mail from one client address, any e-mail from one address, one e-mail from anywhere —
# a stranger elsewhere cannot lock a user out with five guesses, and many addresses cannot guess forever
FAILURES_ALLOWED = 5
FROM_ADDRESS = 30
TO_EMAIL = 50
FAILURE_WINDOW = 15 * 60
MAX_NAME = 300
MIN_PASSWORD = 10

_hasher = PasswordHasher()
# verified against when the e-mail is unknown, so a login takes as long whether or not the account exists
_DUMMY = _hasher.hash(secrets.token_hex(16))


@dataclass(frozen=True)
class User:
    id: int
    email: str
    name: str
    role: Role
    enterprise: str | None
    programs: tuple[str, ...]  # the programs an enterprise user was invited to (a methodologist: all)

    @property
    def methodologist(self) -> bool:
        return self.role == "methodologist"

    def may_see(self, program: str) -> bool:
        return self.methodologist or program in self.programs


class AccountError(Exception):
    """A request the accounts refuse; `key` is the message (`portal.error.<key>`)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normal_email(email: str) -> str:
    email = email.strip().lower()
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise AccountError("bad-email")
    return email


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("short-password")
    if len(password) > 1024:  # hashing megabytes is a way to slow the server down
        raise AccountError("long-password")


def create_user(
    conn: Database,
    email: str,
    name: str,
    role: Role,
    password: str,
    enterprise: str | None = None,
    programs: tuple[str, ...] = (),
    by: int | None = None,
) -> int:
    email = normal_email(email)
    _check_password(password)
    if len(name) > MAX_NAME or len(enterprise or "") > MAX_NAME:
        raise AccountError("long-name")
    hashed = _hasher.hash(password)
    with conn.transaction():
        if conn.execute("SELECT 1 FROM users WHERE email = ?", (email,)).fetchone():
            raise AccountError("email-taken")
        user = conn.insert(
            "INSERT INTO users (email, name, role, enterprise, password, created) VALUES (?, ?, ?, ?, ?, ?)",
            (email, name.strip() or email, role, enterprise, hashed, time.time()),
        )
        conn.executemany("INSERT INTO user_programs (user_id, program) VALUES (?, ?)", [(user, p) for p in programs])
        audit(conn, by if by is not None else user, "user-created", json.dumps({"email": email, "role": role}))
    return user


def user(conn: Database, user_id: int) -> User | None:
    row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        return None
    programs = tuple(
        r["program"]
        for r in conn.execute("SELECT program FROM user_programs WHERE user_id = ? ORDER BY program", (user_id,))
    )
    return User(row["id"], row["email"], row["name"], row["role"], row["enterprise"], programs)


def log_in(conn: Database, email: str, password: str, address: str) -> str:
    """A new session's token for the right password; AccountError `rate-limited` after too many failures
    for the address (e-mail), `bad-login` for a wrong e-mail or password (not saying which)."""
    try:
        email = normal_email(email)
    except AccountError:
        raise AccountError("bad-login") from None
    now = time.time()
    limited = False
    with conn.transaction():
        conn.execute("DELETE FROM login_failures WHERE at < ?", (now - FAILURE_WINDOW,))
        count = "SELECT COUNT(*) AS n FROM login_failures WHERE "
        same = conn.execute(count + "email = ? AND address = ?", (email, address)).fetchone()["n"]
        here = conn.execute(count + "address = ?", (address,)).fetchone()["n"]
        there = conn.execute(count + "email = ?", (email,)).fetchone()["n"]
        limited = same >= FAILURES_ALLOWED or here >= FROM_ADDRESS or there >= TO_EMAIL
        if not limited:  # the attempt counts before the password is checked; a success takes it back
            conn.execute("INSERT INTO login_failures (email, address, at) VALUES (?, ?, ?)", (email, address, now))
    if limited:
        raise AccountError("rate-limited")
    row = conn.execute("SELECT id, password FROM users WHERE email = ?", (email,)).fetchone()
    try:
        _hasher.verify(row["password"] if row else _DUMMY, password[:1024])
        ok = row is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok:
        with conn.transaction():
            audit(conn, row["id"] if row else None, "login-failed", json.dumps({"email": email, "address": address}))
        raise AccountError("bad-login")
    with conn.transaction():
        conn.execute("DELETE FROM login_failures WHERE email = ? AND address = ?", (email, address))
        token = secrets.token_urlsafe(32)
        conn.execute(
            "INSERT INTO sessions (token, user_id, csrf, created, expires) VALUES (?, ?, ?, ?, ?)",
            (_digest(token), row["id"], secrets.token_urlsafe(32), now, now + SESSION_SECONDS),
        )
        conn.execute("DELETE FROM sessions WHERE expires < ?", (now,))
        audit(conn, row["id"], "login", json.dumps({"address": address}))
    return token


def session(conn: Database, token: str | None) -> tuple[User, str] | None:
    """The user of a live session and its CSRF token."""
    if not token or len(token) > 200:
        return None
    row = conn.execute(
        "SELECT user_id, csrf FROM sessions WHERE token = ? AND expires > ?", (_digest(token), time.time())
    ).fetchone()
    if row is None:
        return None
    found = user(conn, row["user_id"])
    return (found, row["csrf"]) if found is not None else None


def log_out(conn: Database, token: str, user_id: int) -> None:
    with conn.transaction():
        conn.execute("DELETE FROM sessions WHERE token = ?", (_digest(token),))
        audit(conn, user_id, "logout", "{}")


def invite(conn: Database, by: User, email: str, role: Role, enterprise: str | None, programs: tuple[str, ...]) -> str:
    """An invitation's token (the link carries it; the database keeps its digest)."""
    if not by.methodologist:
        raise AccountError("forbidden")
    email = normal_email(email)
    if role == "enterprise" and not (enterprise or "").strip():
        raise AccountError("enterprise-needed")
    if len(enterprise or "") > MAX_NAME:
        raise AccountError("long-name")
    if role == "enterprise" and not programs:
        raise AccountError("programs-needed")
    token = secrets.token_urlsafe(32)
    now = time.time()
    with conn.transaction():
        conn.execute(
            "INSERT INTO invitations (token, email, role, enterprise, programs, created_by, created, expires)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _digest(token),
                email,
                role,
                (enterprise or "").strip() or None,
                json.dumps(list(programs)),
                by.id,
                now,
                now + INVITATION_SECONDS,
            ),
        )
        audit(conn, by.id, "invited", json.dumps({"email": email, "role": role, "programs": list(programs)}))
    return token


def invitation(conn: Database, token: str) -> Any:
    if not token or len(token) > 200:
        return None
    row = conn.execute(
        "SELECT * FROM invitations WHERE token = ? AND used IS NULL AND expires > ?", (_digest(token), time.time())
    ).fetchone()
    return row


def accept_invitation(conn: Database, token: str, name: str, password: str) -> int:
    """The new user's id; the invitation is used up in the same transaction."""
    _check_password(password)
    with conn.transaction():
        row = invitation(conn, token)
        if row is None:
            raise AccountError("bad-invitation")
        conn.execute("UPDATE invitations SET used = ? WHERE token = ?", (time.time(), _digest(token)))
        programs = tuple(json.loads(row["programs"]))
        return create_user(conn, row["email"], name, row["role"], password, row["enterprise"], programs)
