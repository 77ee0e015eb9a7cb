"""The cluster portal (`constructor serve`): its flow through the HTTP API, every role boundary, CSRF,
the login's rate limit, accepting a proposal (atomic, refused when the program changed, one of two
concurrent accepts), the database's migrations, and the bundle text hostile titles make."""

from __future__ import annotations

import itertools
import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from constructor import parse
from constructor.api import check
from constructor.cli import main
from constructor.portal import accounts, db, proposals
from constructor.portal.app import create_app, first_methodologist
from constructor.portal.project import Project, ProjectError
from constructor.portal.proposals import NewCompetency, ProposalBody

ROOT = Path(__file__).parents[1]
PROGRAM = "22.02.06-ПРОФ"
METHODOLOGIST = ("metod@college.example", "пароль-методиста")
CHIEF = ("chief@plant.example", "пароль-завода-1")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The shipped catalogs as a project; the welding program's target loosened to its normative term,
    so a bundle that lengthens the program still leaves `check` clean."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "catalogs", root)
    program = root / "examples" / "welding" / "program.comp"
    program.write_text(program.read_text(encoding="utf-8").replace("target 2y10m", "target 3y10m"), encoding="utf-8")
    return root


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None, html[:500]
    return found.group(1)


def _log_in(client: TestClient, email: str, password: str) -> str:
    token = _csrf(client.get("/login").text)
    r = client.post("/login", data={"csrf": token, "email": email, "password": password})
    assert r.status_code == 200 and r.url.path == "/", r.text[:300]
    return _csrf(r.text)


def _portal(project: Path) -> tuple[TestClient, Path]:
    database = project / ".constructor" / "portal.sqlite3"
    first_methodologist(database, *METHODOLOGIST[:1], "Методист", METHODOLOGIST[1])
    return TestClient(create_app(project, database)), database


def _enterprise(app_client: TestClient, csrf: str, email: str, enterprise: str) -> TestClient:
    """An enterprise user invited by the methodologist (`app_client`) to the welding program, signed in."""
    r = app_client.post(
        "/invite",
        data={"csrf": csrf, "email": email, "role": "enterprise", "enterprise": enterprise, "programs": PROGRAM},
    )
    assert r.status_code == 200
    found = re.search(r'id="invitation-link">http://testserver([^<]+)<', r.text)
    assert found is not None
    link = found.group(1)
    client = TestClient(app_client.app)
    token = _csrf(client.get(link).text)
    r = client.post(link, data={"csrf": token, "name": f"Инженер {enterprise}", "password": CHIEF[1]})
    assert r.url.path == "/login"
    assert client.get(link).status_code == 404  # an invitation is used once
    _log_in(client, email, CHIEF[1])
    return client


def test_an_enterprise_proposes_and_the_methodologist_accepts(project: Path) -> None:
    client, database = _portal(project)
    csrf = _log_in(client, *METHODOLOGIST)
    chief = _enterprise(client, csrf, CHIEF[0], "Трубный завод")
    assert chief.get("/programs/09.02.07-ПРОГ").status_code == 404  # not invited to it
    page = chief.get(f"/programs/{PROGRAM}/compose")
    assert page.status_code == 200 and "ПК-1.1" in page.text
    token = _csrf(page.text)
    form = {
        "csrf": token,
        "title": 'Сварка трубопроводов «под ключ» "2027"',
        "requests": ["ПК-4.2"],
        "new_code": "ПКс-4.7",
        "new_title": "Планировать сварку магистральных трубопроводов",
        "new_activity": "ВД-4",
        "new_theory": "24",
        "new_practice": "48",
        "new_requires": ["ПК-4.2"],
        "new_function": "40.002 B/02.3",
        "hours_max": "100",
        "seats": "10",
    }
    weighed = chief.post(f"/programs/{PROGRAM}/weigh", data=form, headers={"X-CSRF-Token": token}).json()
    assert weighed["ok"] and weighed["hours_added"] == 72 and weighed["hours_max"] == 100
    assert weighed["duration_without"] == "2y10m" and weighed["duration_with"] != "2y10m"  # the chain grows
    r = chief.post(f"/programs/{PROGRAM}/proposals", data={**form, "submit": "1"})
    assert r.status_code == 200 and r.url.path.startswith("/proposals/")
    number = r.url.path.rsplit("/", 1)[1]
    assert "на рассмотрении" in r.text
    # side by side: the bundle the program takes, the proposal, and their combinations
    compared = client.get(f"/programs/{PROGRAM}/compare")
    assert compared.status_code == 200 and chief.get(f"/programs/{PROGRAM}/compare").status_code == 404
    for shown in ("ЗАВОД-2026", "ПОРТАЛ-1", "без пакетов"):
        assert shown in compared.text
    assert re.search(r"ПОРТАЛ-1 \+ ЗАВОД-2026|ЗАВОД-2026 \+ ПОРТАЛ-1", compared.text)
    seen = re.search(r'name="seen" value="([^"]+)"', client.get(f"/proposals/{number}").text)
    assert seen is not None
    r = client.post(f"/proposals/{number}/accept", data={"csrf": csrf, "seen": seen.group(1)})
    assert r.status_code == 200 and "принято" in r.text
    program = project / "examples" / "welding" / "program.comp"
    assert "ПОРТАЛ-1" in program.read_text(encoding="utf-8")
    written = project / "examples" / "welding" / "bundle-ПОРТАЛ-1.comp"
    assert "competency ПКс-4.7" in written.read_text(encoding="utf-8")
    assert [d for d in check([program], project).diagnostics if d.is_error] == []
    # the audit log has every step, by whom
    conn = sqlite3.connect(database)
    actions = [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY id")]
    for action in ("invited", "user-created", "login", "proposal-created", "proposal-submitted", "proposal-accepted"):
        assert action in actions
    # the program's documents now include the bundle
    r = chief.get(f"/programs/{PROGRAM}/documents/md")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    import io
    import zipfile

    plan = zipfile.ZipFile(io.BytesIO(r.content)).read("plan.md").decode("utf-8")
    assert "ПКс-4.7" in plan


def test_every_role_boundary_is_kept_on_the_server(project: Path) -> None:
    client, database = _portal(project)
    csrf = _log_in(client, *METHODOLOGIST)
    first = _enterprise(client, csrf, "a@plant.example", "Завод А")
    second = _enterprise(client, csrf, "b@plant.example", "Завод Б")
    conn = db.connect(database)
    a_user = conn.execute("SELECT id FROM users WHERE email = 'a@plant.example'").fetchone()[0]
    number = proposals.save(conn, a_user, PROGRAM, ProposalBody(title="Предложение А", requests=("ПК-1.1",)))
    # another enterprise's proposal does not exist for it, whatever it does
    assert second.get(f"/proposals/{number}").status_code == 404
    b_csrf = _csrf(second.get("/proposals").text)
    assert second.post(f"/proposals/{number}/submit", data={"csrf": b_csrf}).status_code == 404
    assert second.get(f"/programs/{PROGRAM}/compose?proposal={number}").status_code == 404
    assert "Предложение А" not in second.get("/proposals").text
    # an enterprise cannot act as a methodologist
    for path in ("/invite", "/audit"):
        assert first.get(path).status_code == 404
    a_csrf = _csrf(first.get("/proposals").text)
    assert first.post(f"/proposals/{number}/accept", data={"csrf": a_csrf, "seen": "x"}).status_code == 404
    assert first.post("/invite", data={"csrf": a_csrf, "email": "c@x.example"}).status_code == 404
    # writes without the session's CSRF token, or from another origin, are refused
    assert first.post(f"/proposals/{number}/submit", data={}).status_code == 403
    assert first.post(f"/proposals/{number}/submit", data={"csrf": b_csrf}).status_code == 403
    other = {"origin": "http://evil.example"}
    assert first.post(f"/proposals/{number}/submit", data={"csrf": a_csrf}, headers=other).status_code == 403
    # without a session: to the login page, nothing written
    anonymous = TestClient(client.app)
    r = anonymous.post(f"/proposals/{number}/submit", data={"csrf": a_csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert anonymous.get("/proposals", follow_redirects=False).headers["location"] == "/login"
    assert conn.execute("SELECT status FROM proposals WHERE id = ?", (number,)).fetchone()[0] == "draft"
    # pages carry the headers that keep them out of frames and scripts of others
    r = first.get("/proposals")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert (
        "httponly"
        in client.post(
            "/login",
            data={"csrf": _csrf(client.get("/login").text), "email": METHODOLOGIST[0], "password": METHODOLOGIST[1]},
            follow_redirects=False,
        )
        .headers["set-cookie"]
        .lower()
    )


def test_logins_are_rate_limited_and_passwords_hashed(project: Path) -> None:
    client, database = _portal(project)
    token = _csrf(client.get("/login").text)
    for _ in range(accounts.FAILURES_ALLOWED):
        r = client.post("/login", data={"csrf": token, "email": METHODOLOGIST[0], "password": "не тот пароль"})
        assert r.status_code == 401
    r = client.post("/login", data={"csrf": token, "email": METHODOLOGIST[0], "password": METHODOLOGIST[1]})
    assert r.status_code == 429  # even the right password waits
    assert client.post("/login", data={"email": METHODOLOGIST[0], "password": METHODOLOGIST[1]}).status_code == 403
    conn = db.connect(database)
    stored = conn.execute("SELECT password FROM users").fetchone()[0]
    assert stored.startswith("$argon2") and METHODOLOGIST[1] not in stored


def test_accepting_is_atomic_and_two_concurrent_accepts_write_once(project: Path) -> None:
    target = Project(project)
    body = ProposalBody(title="Пакет", requests=("ПК-1.1",), seats=3)
    program = target.program(PROGRAM).file
    before = program.read_bytes()
    seen = target.program_digest(PROGRAM)
    # the program changed under the methodologist: nothing is written
    program.write_bytes(before + b"\n# changed\n")
    with pytest.raises(ProjectError) as e:
        target.accept(PROGRAM, body, "ПОРТАЛ-7", "Завод", seen, "ru")
    assert e.value.key == "program-changed" and not (program.parent / "bundle-ПОРТАЛ-7.comp").exists()
    program.write_bytes(before)
    results: list[str] = []

    def accept() -> None:
        try:
            target.accept(PROGRAM, body, "ПОРТАЛ-8", "Завод", seen, "ru")
            results.append("written")
        except ProjectError as error:
            results.append(error.key)

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # the second finds it written (the same bundle file, the program taking it) and writes nothing more
    assert results == ["written", "written"]
    assert program.read_text(encoding="utf-8").count("ПОРТАЛ-8") == 2  # `use` and `bundles`, once each
    # a bundle that makes check fail leaves the project as it was
    seen = target.program_digest(PROGRAM)
    after = program.read_bytes()
    bad = ProposalBody(
        title="Слишком много",
        new=(NewCompetency(code="ПКс-9.9", title="т", activity="ВД-1", theory=2000, practice=2000),),
    )
    with pytest.raises(ProjectError) as e:
        target.accept(PROGRAM, bad, "ПОРТАЛ-9", "Завод", seen, "ru")
    assert e.value.key == "check-fails" and program.read_bytes() == after
    assert not (program.parent / "bundle-ПОРТАЛ-9.comp").exists()


def test_the_database_is_migrated_and_a_newer_one_refused(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "p.sqlite3")
    assert db.version(conn) == len(db.MIGRATIONS)
    conn.execute("UPDATE schema_version SET version = ?", (len(db.MIGRATIONS) + 1,))
    conn.close()
    with pytest.raises(db.NewerDatabase):
        db.connect(tmp_path / "p.sqlite3")


@pytest.mark.parametrize(
    "title", ['в "кавычках" и \\ обратной черте', "строка\nвторая", "} bundle X { ", "=HYPERLINK(1)", "ё" * 300]
)
def test_a_hostile_title_stays_a_title(title: str) -> None:
    body = ProposalBody(
        title=title, new=(NewCompetency(code="ПКс-1.9", title=title[:500], activity="ВД-1", theory=1, practice=1),)
    )
    text = proposals.bundle_text("ПОРТАЛ-1", body, title, "ФГОС-1", ['x" "y.comp'])
    source, diags = parse(text, "b.comp")
    assert diags == []
    bundle = source.declarations[0]
    assert bundle.title is not None and bundle.title.value == title
    assert source.uses[0].path == 'x" "y.comp'


def test_the_first_methodologist_is_made_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("достаточно-длинный\n"))
    assert main(["serve", str(tmp_path), "--create-methodologist", "m@college.example"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("короткий\n"))
    assert main(["serve", str(tmp_path), "--create-methodologist", "n@college.example"]) == 1
    assert main(["serve", str(tmp_path / "nowhere")]) == 2
    with pytest.raises(SystemExit) as e:  # argparse: a port out of range
        main(["serve", str(tmp_path), "--port", "99999"])
    assert e.value.code == 2
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:  # a port in use: said in a line, exit 2
        assert main(["serve", str(tmp_path), "--port", str(taken.getsockname()[1])]) == 2
    (tmp_path / "folder.sqlite3").mkdir()  # a database that cannot be opened: said in a line, exit 2
    assert main(["serve", str(tmp_path), "--db", str(tmp_path / "folder.sqlite3")]) == 2
    assert main(["serve", str(tmp_path), "--db", "postgresql://u:secret@/x?host=/nonexistent&port=1"]) == 2


def test_the_map_shows_every_row_and_the_chain_that_binds(project: Path) -> None:
    from constructor.api import workspace
    from constructor.compact import compact
    from constructor.portal.program_map import binding_chain, program_map

    ws = workspace(project / "examples" / "welding" / "program.comp", project)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    drawn = program_map(plan)
    assert {n.code for n in drawn.nodes} == {i.code for i in plan.items if i.hours > 0 or i.kind == "practice"}
    items = {i.code: i for i in plan.items}
    chain = binding_chain(plan)
    if plan.lower_bound_reason == "chain":
        # each link needs the one before it and starts right after it ends, from the first term on
        assert chain and items[chain[0]].term == 1
        for before, after in itertools.pairwise(chain):
            assert before in items[after].requires
            assert max(items[before].hours_by_term, default=items[before].term) == items[after].term - 1
        assert {e.source + e.target for e in drawn.edges if e.binding} == {a + b for a, b in itertools.pairwise(chain)}
    client, _ = _portal(project)
    _log_in(client, *METHODOLOGIST)
    page = client.get(f"/programs/{PROGRAM}/map")
    assert page.status_code == 200 and page.text.count('class="node') == len(drawn.nodes)
    said = client.get(f"/programs/{PROGRAM}/explain/ПК-2.1").json()["text"]
    assert said.startswith("ПК-2.1") and "ПМ.02" in said
    assert client.get(f"/programs/{PROGRAM}/explain/ОП.01").json()["text"].startswith("ОП.01")
    assert client.get(f"/programs/{PROGRAM}/explain/НЕТ-1").json()["text"] is None  # nothing to say
    assert client.get("/programs/НЕТ-ТАКОЙ/map").status_code == 404


def test_the_diagnostics_follow_the_files_on_disk(project: Path) -> None:
    client, _ = _portal(project)
    _log_in(client, *METHODOLOGIST)
    first = client.get(f"/programs/{PROGRAM}/diagnostics").json()
    assert not any(line["error"] for line in first["lines"])
    assert client.get(f"/programs/{PROGRAM}/diagnostics").json()["digest"] == first["digest"]
    program = project / "examples" / "welding" / "program.comp"
    program.write_text(
        program.read_text(encoding="utf-8").replace("core ПМ.01 .. ПМ.05", "core ПМ.01 .. ПМ.07"), "utf-8"
    )
    changed = client.get(f"/programs/{PROGRAM}/diagnostics").json()
    assert changed["digest"] != first["digest"]
    assert any(line["error"] and "ПМ.06" in line["text"] for line in changed["lines"])


def test_what_the_hostile_tester_found_stays_fixed(project: Path) -> None:
    """A code field with a newline wrote a second competency into the accepted bundle (pydantic's
    `pattern` searches); an accept and a return at once left the project written and the proposal
    returned; five guesses from anywhere locked a user out; static files had no security headers."""
    client, database = _portal(project)
    csrf = _log_in(client, *METHODOLOGIST)
    chief = _enterprise(client, csrf, CHIEF[0], "Завод")
    token = _csrf(chief.get("/proposals").text)
    injected = 'ВД-1\n  }\n  requests ПКс-1.8\n  competency ПКс-1.8 "Скрытая" {\n    kind variable'
    form = {"csrf": token, "title": "т", "new_code": "ПКс-1.9", "new_title": "Новая", "new_activity": injected}
    answer = chief.post(f"/programs/{PROGRAM}/weigh", data=form, headers={"X-CSRF-Token": token}).json()
    assert answer["ok"] is False and answer["problems"][0].endswith("activity")
    assert chief.post(f"/programs/{PROGRAM}/proposals", data=form).status_code == 400
    assert (
        chief.post(
            f"/programs/{PROGRAM}/proposals", data={**form, "new_activity": "ВД-1", "new_code": "a b .. c"}
        ).status_code
        == 400
    )
    # a proposal being accepted cannot be returned meanwhile
    conn = db.connect(database)
    chief_id = conn.execute("SELECT id FROM users WHERE email = ?", (CHIEF[0],)).fetchone()[0]
    number = proposals.save(conn, chief_id, PROGRAM, ProposalBody(title="П", requests=("ПК-1.1",)))
    proposals.set_status(conn, number, chief_id, "submitted", ("draft",))
    portal = client.app.state.portal  # type: ignore[attr-defined]
    portal.accepting.add(number)
    assert client.post(f"/proposals/{number}/return", data={"csrf": csrf, "comment": "нет"}).status_code == 409
    portal.accepting.discard(number)
    # an accept the server did not live to record is found written, not refused
    target = Project(project)
    body = ProposalBody(title="П", requests=("ПК-1.1",))
    seen = target.program_digest(PROGRAM)
    first = target.accept(PROGRAM, body, f"ПОРТАЛ-{number}", "Завод", seen, "ru")
    assert target.accept(PROGRAM, body, f"ПОРТАЛ-{number}", "Завод", seen, "ru") == first
    # guesses from another address do not lock the user out
    stranger = TestClient(client.app, client=("203.0.113.9", 4000))
    pre = _csrf(stranger.get("/login").text)
    for _ in range(accounts.FAILURES_ALLOWED + 1):
        stranger.post("/login", data={"csrf": pre, "email": METHODOLOGIST[0], "password": "не тот пароль"})
    assert (
        stranger.post("/login", data={"csrf": pre, "email": METHODOLOGIST[0], "password": METHODOLOGIST[1]}).status_code
        == 429
    )
    _log_in(TestClient(client.app), *METHODOLOGIST)
    # every response carries the security headers
    for response in (client.get("/static/portal.js"), client.get(f"/programs/{PROGRAM}/diagnostics")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/proposals/0001").status_code == 404
