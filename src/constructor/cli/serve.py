"""`constructor serve`: the cluster portal over one project folder (constructor/portal)."""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from pathlib import Path

from constructor.cli.common import HELP, UsageError
from constructor.i18n import translations


def run(args: argparse.Namespace) -> int:
    h = HELP[args.lang]
    try:
        import argon2  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        print(f"constructor: {h['serve-missing']}", file=sys.stderr)
        return 2
    from constructor.portal.accounts import AccountError
    from constructor.portal.app import create_app, first_methodologist
    from constructor.portal.db import NewerDatabase

    project = Path(args.project)
    if not project.is_dir():
        raise UsageError("serve-no-folder", path=args.project)
    # a PostgreSQL URL as written (a Path would fold its «//»), else the SQLite file
    db: str | Path = (
        args.db if args.db and "://" in args.db else Path(args.db or project / ".constructor" / "portal.sqlite3")
    )
    try:
        if args.create_methodologist:
            password = _password(h)
            first_methodologist(db, args.create_methodologist, args.name or args.create_methodologist, password)
            print(h["serve-created"].format(email=args.create_methodologist), file=sys.stderr)
            return 0
        app = create_app(project, db, args.lang, args.secure_cookies)
    except AccountError as e:
        reason = translations(args.lang).gettext(f"portal.error.{e.key}")
        print(f"constructor: {h['serve-account'].format(reason=reason)}", file=sys.stderr)
        return 1
    except NewerDatabase:
        print(f"constructor: {h['serve-newer-db'].format(path=_shown(db))}", file=sys.stderr)
        return 2
    except Exception as e:  # a database that cannot be opened: psycopg's and sqlite3's errors, said in a line
        if type(e).__module__.split(".")[0] not in ("psycopg", "sqlite3") and not isinstance(e, (OSError, ImportError)):
            raise
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        print(f"constructor: {h['serve-no-db'].format(path=_shown(db), reason=reason)}", file=sys.stderr)
        return 2
    try:  # bound here, so a taken port or a wrong address is said in a line, not a traceback
        sock = socket.create_server((args.host, args.port), reuse_port=False)
    except (OSError, OverflowError) as e:
        print(
            f"constructor: {h['serve-cannot-listen'].format(host=args.host, port=args.port, reason=e)}", file=sys.stderr
        )
        return 2
    print(h["serve-listening"].format(host=args.host, port=args.port, path=project), file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
    return 0


def _password(h: dict[str, str]) -> str:
    """Typed twice on a terminal (not echoed); else the first line of the standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass(h["serve-password"])
        if getpass.getpass(h["serve-password-again"]) != first:
            raise UsageError("serve-passwords-differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _shown(db: str | Path) -> str:
    """The database as it may be shown: a URL without its password."""
    text = str(db)
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        user, _, host = rest.rpartition("@")
        return f"{scheme}://{user.split(':', 1)[0]}:…@{host}" if ":" in user else text
    return text
