"""The portal on PostgreSQL (`constructor serve --db postgresql://…`): a throwaway cluster is made with
the machine's PostgreSQL (Debian's `postgresql` package: initdb and pg_ctl, run as the `postgres` user
when the tests run as root), and the same accounts, proposals, transactions and role boundaries are
exercised on it. Without PostgreSQL the test is skipped and says how to install it."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("psycopg", reason="psycopg is not installed: pip install '.[test]'")
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
if not BIN or not Path(BIN[-1], "initdb").exists():
    pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)", allow_module_level=True)

from starlette.testclient import TestClient  # noqa: E402

from constructor.portal import accounts, db, proposals  # noqa: E402
from constructor.portal.app import create_app, first_methodologist  # noqa: E402
from constructor.portal.proposals import ProposalBody  # noqa: E402
from test_portal import METHODOLOGIST, PROGRAM, _csrf, _enterprise, _log_in  # noqa: E402

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def postgresql() -> Iterator[str]:
    import tempfile

    # not under pytest's own temporary folder: that is private to root, and the server runs as postgres
    folder = Path(tempfile.mkdtemp(prefix="constructor-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("PostgreSQL needs a non-root user to run as (Debian's package makes `postgres`)")
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
        folder.chmod(0o755)
        as_user = ["runuser", "-u", "postgres", "--"]
    run = lambda *args: subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)  # noqa: E731
    run(f"{BIN[-1]}/initdb", "-D", str(data), "-U", "portal", "--auth=trust", "-E", "UTF8", "--no-sync")
    options = f"-k {sockets} -c listen_addresses='' -c fsync=off -p 5499"
    run(f"{BIN[-1]}/pg_ctl", "-D", str(data), "-o", options, "-w", "-l", str(folder / "log"), "start")
    try:
        yield f"postgresql://portal@/postgres?host={sockets}&port=5499"
    finally:
        run(f"{BIN[-1]}/pg_ctl", "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fresh(postgresql: str) -> str:
    """The database emptied: every table of the portal dropped, so each test migrates from nothing."""
    import psycopg

    with psycopg.connect(postgresql, autocommit=True) as conn:
        for table in ("audit", "proposals", "login_failures", "sessions", "invitations", "user_programs", "users"):
            conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        conn.execute("DROP TABLE IF EXISTS schema_version")
    return postgresql


def test_migrations_accounts_and_proposals_on_postgresql(fresh: str) -> None:
    database = db.connect(fresh)
    assert database.kind == "postgresql" and db.version(database) == len(db.MIGRATIONS)
    user = accounts.create_user(database, "m@college.example", "М", "methodologist", "пароль-методиста")
    number = proposals.save(database, user, PROGRAM, ProposalBody(title="П", requests=("ПК-1.1",)))
    proposals.set_status(database, number, user, "submitted", ("draft",))
    assert database.execute("SELECT status FROM proposals WHERE id = ?", (number,)).fetchone()["status"] == "submitted"
    with pytest.raises(proposals.ProposalError):
        proposals.set_status(database, number, user, "submitted", ("draft",))
    # a failed transaction leaves nothing
    with pytest.raises(RuntimeError), database.transaction():
        database.execute("INSERT INTO audit (at, user_id, action, detail) VALUES (?, ?, ?, ?)", (1.0, user, "x", "{}"))
        raise RuntimeError
    assert database.execute("SELECT COUNT(*) AS n FROM audit WHERE action = 'x'").fetchone()["n"] == 0

    # writers from several threads: every one whole (the advisory lock and the process's lock)
    def save() -> None:
        for _ in range(5):
            proposals.save(database, user, PROGRAM, ProposalBody(title="п"))

    threads = [threading.Thread(target=save) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert database.execute("SELECT COUNT(*) AS n FROM proposals").fetchone()["n"] == 21
    database.execute("UPDATE schema_version SET version = ?", (len(db.MIGRATIONS) + 1,))
    with pytest.raises(db.NewerDatabase):
        db.connect(fresh)


def test_the_portal_keeps_its_boundaries_on_postgresql(fresh: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "catalogs", project)
    first_methodologist(fresh, METHODOLOGIST[0], "Методист", METHODOLOGIST[1])
    client = TestClient(create_app(project, fresh))
    csrf = _log_in(client, *METHODOLOGIST)
    first = _enterprise(client, csrf, "a@plant.example", "Завод А")
    second = _enterprise(client, csrf, "b@plant.example", "Завод Б")
    database = db.connect(fresh)
    a_user = database.execute("SELECT id FROM users WHERE email = 'a@plant.example'").fetchone()["id"]
    number = proposals.save(database, a_user, PROGRAM, ProposalBody(title="Предложение А", requests=("ПК-1.1",)))
    assert second.get(f"/proposals/{number}").status_code == 404
    token = _csrf(first.get("/proposals").text)
    assert first.post(f"/proposals/{number}/submit", data={"csrf": token}).status_code == 200
    assert "на рассмотрении" in first.get("/proposals").text
    assert first.post(f"/proposals/{number}/submit", data={}).status_code == 403
    actions = [r["action"] for r in database.execute("SELECT action FROM audit ORDER BY id")]
    assert actions.count("invited") == 2 and "proposal-submitted" in actions
