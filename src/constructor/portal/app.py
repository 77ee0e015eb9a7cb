"""`constructor serve`: the cluster portal, a Starlette application over one project folder.

Pages are rendered on the server (Jinja, the shared message catalog); one small script weighs the
composer's draft live. Every request finds its user from the session cookie and is checked on the
server: an enterprise user sees only the programs it was invited to and only its own proposals (any
other is «not found», 404), a methodologist everything. Every write needs the session's CSRF token
(forms: a hidden field; the script: a header) and an Origin, when the browser sends one, of this host.
Compaction and rendering run in worker threads, so one user's PDF does not stop another's page.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import jinja2
from starlette.applications import Starlette
from starlette.datastructures import FormData, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from constructor.i18n import Lang, translations
from constructor.portal import accounts, proposals
from constructor.portal.accounts import AccountError, User
from constructor.portal.db import audit, connect
from constructor.portal.project import Project, ProjectError, Weighed
from constructor.portal.proposals import ProposalError
from constructor.shipped import shipped
from constructor.words import duration

COOKIE = "constructor_session"
PRE_COOKIE = "constructor_csrf"  # before a session (login, invitation): a double-submitted token
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    # an invitation's link carries its token: never sent to another site ("no-referrer" would make the
    # browser send `Origin: null` with forms, which the Origin check refuses)
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class Portal:
    def __init__(self, project: Path, db: str | Path, lang: Lang = "ru", secure_cookies: bool = False) -> None:
        self.project = Project(project)
        self.conn = connect(db)
        self.lang = lang
        self.secure = secure_cookies
        # heavy work in worker threads, each kind with its own few: compaction (pages, weighing) and
        # documents, so a PDF does not hold up a page; sign-ins (Argon2) use anyio's default threads
        self.limiter = anyio.CapacityLimiter(2)
        self.render_limiter = anyio.CapacityLimiter(1)
        self.claims = threading.Lock()
        self.accepting: set[int] = set()  # proposals being written into the project
        folder = shipped("templates") / "portal"
        self.static = folder / "static"
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(folder)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
        )
        self.env.install_gettext_translations(translations(lang), newstyle=False)  # type: ignore[attr-defined]
        self.env.filters["duration"] = lambda text: duration(str(text), lang) if text else "—"
        self.env.filters["moment"] = lambda at: time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(float(at)))

    # ------------------------------------------------------------------ plumbing
    def page(self, request: Request, name: str, status: int = 200, **data: Any) -> HTMLResponse:
        found = getattr(request.state, "user", None)
        html = self.env.get_template(name).render(
            user=found, csrf=getattr(request.state, "csrf", ""), lang=self.lang, **data
        )
        return HTMLResponse(html, status)  # (SecurityHeaders adds the headers to every response)

    def word(self, key: str) -> str:
        return translations(self.lang).gettext(f"portal.{key}")

    async def heavy(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await anyio.to_thread.run_sync(fn, *args, limiter=self.limiter)

    async def weighed(self, code: str, body: proposals.ProposalBody, bundle: str, enterprise: str) -> Weighed:
        """The draft weighed (in a worker thread), or what stops it."""
        try:
            found: Weighed = await self.heavy(self.project.weigh, code, body, bundle, enterprise, self.lang)
        except ProjectError as e:
            return Weighed(False, problems=[f"{self.word('error.' + e.key)} {e.detail}".strip()])
        return found

    async def light(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Work that must not wait behind compaction (a sign-in's password hashing)."""
        return await anyio.to_thread.run_sync(fn, *args)

    def who(self, request: Request) -> User | None:
        found = accounts.session(self.conn, request.cookies.get(COOKIE))
        if found is None:
            return None
        request.state.user, request.state.csrf = found
        return found[0]

    def need(self, request: Request, methodologist: bool = False) -> User:
        user = self.who(request)
        if user is None:
            raise HTTPException(303, headers={"Location": "/login"})
        if methodologist and not user.methodologist:
            raise HTTPException(404)
        return user

    async def form(self, request: Request, pre: bool = False) -> FormData:
        """The form of a write, after its CSRF token (and Origin) are checked."""
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            raise HTTPException(403)
        form = await request.form(max_files=0, max_fields=200, max_part_size=64 * 1024)
        sent = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
        expected = request.cookies.get(PRE_COOKIE, "") if pre else getattr(request.state, "csrf", "")
        if not sent or not expected or sent != expected:
            raise HTTPException(403)
        return form

    def program_of(self, user: User, code: str) -> None:
        if not user.may_see(code) or code not in {p.code for p in self.project.programs()}:
            raise HTTPException(404)

    def proposal_row(self, user: User, number: str) -> Any:
        row: Any | None = None
        if number.isascii() and number.isdigit() and len(number) < 10 and str(int(number)) == number:
            row = self.conn.execute("SELECT * FROM proposals WHERE id = ?", (int(number),)).fetchone()
        if row is None or (not user.methodologist and row["user_id"] != user.id):
            raise HTTPException(404)  # another's proposal is not said to exist
        return row

    def bundle_code(self, row: Any) -> str:
        return f"ПОРТАЛ-{row['id']}"

    def enterprise_of(self, row: Any) -> str:
        found = accounts.user(self.conn, row["user_id"])
        return (found.enterprise or found.name) if found else "?"

    # ------------------------------------------------------------------ pages
    async def login_page(self, request: Request) -> Response:
        token = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
        response = self.page(request, "login.html.j2", csrf_pre=token, error=None)
        response.set_cookie(PRE_COOKIE, token, httponly=True, samesite="strict", secure=self.secure)
        return response

    async def login(self, request: Request) -> Response:
        form = await self.form(request, pre=True)
        address = request.client.host if request.client else "?"
        try:
            token = await self.light(
                accounts.log_in, self.conn, str(form.get("email", "")), str(form.get("password", "")), address
            )
        except AccountError as e:
            status = 429 if e.key == "rate-limited" else 401
            pre = request.cookies.get(PRE_COOKIE, "")
            return self.page(request, "login.html.j2", status, csrf_pre=pre, error=self.word(f"error.{e.key}"))
        response = RedirectResponse("/", 303)
        response.set_cookie(
            COOKIE, token, max_age=accounts.SESSION_SECONDS, httponly=True, samesite="strict", secure=self.secure
        )
        return response

    async def logout(self, request: Request) -> Response:
        user = self.need(request)
        await self.form(request)
        accounts.log_out(self.conn, request.cookies.get(COOKIE, ""), user.id)
        response = RedirectResponse("/login", 303)
        response.delete_cookie(COOKIE)
        return response

    async def home(self, request: Request) -> Response:
        user = self.need(request)
        programs = [p for p in await self.heavy(self.project.programs) if user.may_see(p.code)]
        return self.page(request, "home.html.j2", programs=programs)

    async def program(self, request: Request) -> Response:
        user = self.need(request)
        code = request.path_params["code"]
        self.program_of(user, code)
        overview = await self.heavy(self.project.overview, code, self.lang)
        return self.page(request, "program.html.j2", o=overview)

    async def program_map(self, request: Request) -> Response:
        user = self.need(request)
        code = request.path_params["code"]
        self.program_of(user, code)
        found = await self.heavy(self.project.program_map, code)
        if found is None:
            return self.page(request, "error.html.j2", 409, message=self.word("error.no-plan"), detail=code)
        return self.page(request, "map.html.j2", code=code, m=found)

    async def compare(self, request: Request) -> Response:
        """Every combination of the program's bundles and the proposals submitted for it, side by side."""
        user = self.need(request, methodologist=True)
        code = request.path_params["code"]
        self.program_of(user, code)
        rows = self.conn.execute(
            "SELECT * FROM proposals WHERE program = ? AND status = 'submitted' ORDER BY id", (code,)
        ).fetchall()
        drafts = [(self.bundle_code(r), proposals.body_of(r), self.enterprise_of(r)) for r in rows]
        report, problems = await self.heavy(self.project.compare, code, drafts, self.lang)
        return self.page(request, "compare.html.j2", code=code, report=report, problems=problems)

    async def diagnostics(self, request: Request) -> Response:
        """What `check` says now (the program page asks every few seconds: files change on disk)."""
        user = self.need(request, methodologist=True)
        code = request.path_params["code"]
        self.program_of(user, code)
        seen, lines = await self.heavy(self.project.diagnostics, code, self.lang)
        shown = [{"text": text, "error": error} for text, error in lines]
        return JSONResponse({"digest": seen, "lines": shown})

    async def explain(self, request: Request) -> Response:
        user = self.need(request)
        code = request.path_params["code"]
        self.program_of(user, code)
        text = await self.heavy(self.project.explain, code, request.path_params["item"], self.lang)
        return JSONResponse({"text": text})

    async def documents(self, request: Request) -> Response:
        user = self.need(request)
        code, fmt = request.path_params["code"], request.path_params["fmt"]
        self.program_of(user, code)
        try:
            data = await anyio.to_thread.run_sync(
                self.project.documents, code, fmt, self.lang, limiter=self.render_limiter
            )
        except ProjectError as e:
            return self.page(request, "error.html.j2", 409, message=self.word(f"error.{e.key}"), detail=e.detail)
        name = f"{code}-{fmt}.zip".encode("ascii", "replace").decode().replace("?", "_")
        return Response(
            data,
            media_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def proposals_page(self, request: Request) -> Response:
        user = self.need(request)
        query = "SELECT p.*, u.name AS author, u.enterprise FROM proposals p JOIN users u ON u.id = p.user_id"
        rows = (
            self.conn.execute(query + " ORDER BY p.program, p.id").fetchall()
            if user.methodologist
            else self.conn.execute(query + " WHERE p.user_id = ? ORDER BY p.id", (user.id,)).fetchall()
        )
        shown = [dict(r) | {"title": proposals.body_of(r).title} for r in rows]
        return self.page(request, "proposals.html.j2", rows=shown)

    async def compose(self, request: Request) -> Response:
        user = self.need(request)
        code = request.path_params["code"]
        self.program_of(user, code)
        if user.methodologist:
            raise HTTPException(404)  # proposals come from enterprises
        body, number = None, request.query_params.get("proposal")
        if number:
            row = self.proposal_row(user, number)
            if row["program"] != code or row["status"] not in ("draft", "returned"):
                raise HTTPException(404)
            body = proposals.body_of(row)
        overview = await self.heavy(self.project.overview, code, self.lang)
        return self.page(request, "compose.html.j2", o=overview, body=body, number=number or "", error=None)

    def _body(self, form: FormData) -> proposals.ProposalBody:
        single = {k: str(v) for k, v in form.items()}
        lists = {k: [str(v) for v in form.getlist(k)] for k in ("requests", "new_requires", "deliveries")}
        return proposals.body_from_form(single, lists)

    async def weigh(self, request: Request) -> Response:
        user = self.need(request)
        code = request.path_params["code"]
        self.program_of(user, code)
        form = await self.form(request)
        try:
            body = self._body(form)
        except ProposalError as e:
            problem = f"{self.word('error.' + e.key)} {e.detail}".strip()
            return JSONResponse({"ok": False, "problems": [problem]}, 200)
        enterprise = user.enterprise or user.name
        weighed = await self.weighed(code, body, "ПОРТАЛ-ЧЕРНОВИК", enterprise)
        answer = dict(weighed.__dict__)
        for key in ("duration_without", "duration_with"):
            answer[f"{key}_words"] = duration(answer[key], self.lang) if answer[key] else "—"
        return JSONResponse(answer)

    async def save(self, request: Request) -> Response:
        user = self.need(request)
        code = request.path_params["code"]
        self.program_of(user, code)
        if user.methodologist:
            raise HTTPException(404)
        form = await self.form(request)
        number = str(form.get("proposal") or "")
        existing = self.proposal_row(user, number)["id"] if number else None
        try:
            body = self._body(form)
            saved = proposals.save(self.conn, user.id, code, body, existing)
            if form.get("submit"):
                proposals.set_status(self.conn, saved, user.id, "submitted", ("draft",))
        except ProposalError as e:
            overview = await self.heavy(self.project.overview, code, self.lang)
            message = f"{self.word('error.' + e.key)} {e.detail}".strip()
            return self.page(request, "compose.html.j2", 400, o=overview, body=None, number=number, error=message)
        return RedirectResponse(f"/proposals/{saved}", 303)

    async def proposal(self, request: Request) -> Response:
        user = self.need(request)
        row = self.proposal_row(user, request.path_params["number"])
        body = proposals.body_of(row)
        weighed = await self.weighed(row["program"], body, self.bundle_code(row), self.enterprise_of(row))
        seen = await self.heavy(self.project.program_digest, row["program"]) if user.methodologist else ""
        return self.page(
            request,
            "proposal.html.j2",
            row=row,
            body=body,
            w=weighed,
            seen=seen,
            error=None,
            enterprise=self.enterprise_of(row),
        )

    async def submit(self, request: Request) -> Response:
        user = self.need(request)
        row = self.proposal_row(user, request.path_params["number"])
        await self.form(request)
        if row["user_id"] != user.id:
            raise HTTPException(404)
        return self._move(row, user, "submitted", ("draft", "returned"))

    async def give_back(self, request: Request) -> Response:
        user = self.need(request, methodologist=True)
        row = self.proposal_row(user, request.path_params["number"])
        form = await self.form(request)
        return self._move(row, user, "returned", ("submitted",), str(form.get("comment", "")))

    def _move(self, row: Any, user: User, status: str, expect: tuple[str, ...], comment: str = "") -> Response:
        """A proposal's new status, unless it is being written into the project (accept's claim) or is
        not in a status it may leave for this one: 409."""
        with self.claims:  # under the claims' lock: an accept cannot claim it halfway through
            if row["id"] in self.accepting:
                raise HTTPException(409)
            try:
                proposals.set_status(self.conn, row["id"], user.id, status, expect, comment)
            except ProposalError:
                raise HTTPException(409) from None
        return RedirectResponse(f"/proposals/{row['id']}", 303)

    async def accept(self, request: Request) -> Response:
        user = self.need(request, methodologist=True)
        row = self.proposal_row(user, request.path_params["number"])
        form = await self.form(request)
        # the proposal is claimed before anything is written: a «return» meanwhile is refused (409), so the
        # files and the status cannot disagree; the status is read again inside the claim
        with self.claims:
            current = self.conn.execute("SELECT status FROM proposals WHERE id = ?", (row["id"],)).fetchone()
            if row["id"] in self.accepting or current is None or current["status"] != "submitted":
                raise HTTPException(409)
            self.accepting.add(row["id"])
        try:
            return await self._accept(request, user, row, form)
        finally:
            with self.claims:
                self.accepting.discard(row["id"])

    async def _accept(self, request: Request, user: User, row: Any, form: FormData) -> Response:
        body = proposals.body_of(row)
        try:
            written = await self.heavy(
                self.project.accept,
                row["program"],
                body,
                self.bundle_code(row),
                self.enterprise_of(row),
                str(form.get("seen", "")),
                self.lang,
            )
            with self.conn.transaction():
                proposals.set_status(self.conn, row["id"], user.id, "accepted", ("submitted",))
                self.conn.execute(
                    "UPDATE proposals SET bundle_file = ? WHERE id = ?",
                    (str(written.relative_to(self.project.root)), row["id"]),
                )
        except (ProjectError, ProposalError) as e:
            weighed = await self.weighed(row["program"], body, self.bundle_code(row), self.enterprise_of(row))
            seen = await self.heavy(self.project.program_digest, row["program"])
            message = f"{self.word('error.' + e.key)} {e.detail}".strip()
            enterprise = self.enterprise_of(row)
            return self.page(
                request,
                "proposal.html.j2",
                409,
                row=row,
                body=body,
                w=weighed,
                seen=seen,
                error=message,
                enterprise=enterprise,
            )
        return RedirectResponse(f"/proposals/{row['id']}", 303)

    async def invite_page(self, request: Request) -> Response:
        self.need(request, methodologist=True)
        programs = await self.heavy(self.project.programs)
        return self.page(request, "invite.html.j2", programs=programs, link=None, error=None)

    async def invite(self, request: Request) -> Response:
        user = self.need(request, methodologist=True)
        form = await self.form(request)
        programs = await self.heavy(self.project.programs)
        known = {p.code for p in programs}
        chosen = tuple(c for c in (str(v) for v in form.getlist("programs")) if c in known)
        role: accounts.Role = "methodologist" if form.get("role") == "methodologist" else "enterprise"
        try:
            token = accounts.invite(
                self.conn, user, str(form.get("email", "")), role, str(form.get("enterprise", "")), chosen
            )
        except AccountError as e:
            return self.page(
                request, "invite.html.j2", 400, programs=programs, link=None, error=self.word(f"error.{e.key}")
            )
        link = f"{request.url.scheme}://{request.url.netloc}/invitations/{token}"
        return self.page(request, "invite.html.j2", programs=programs, link=link, error=None)

    async def invitation_page(self, request: Request) -> Response:
        row = accounts.invitation(self.conn, request.path_params["token"])
        if row is None:
            return self.page(request, "error.html.j2", 404, message=self.word("error.bad-invitation"), detail="")
        token = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
        response = self.page(request, "invitation.html.j2", email=row["email"], csrf_pre=token, error=None)
        response.set_cookie(PRE_COOKIE, token, httponly=True, samesite="strict", secure=self.secure)
        return response

    async def join(self, request: Request) -> Response:
        form = await self.form(request, pre=True)
        token = request.path_params["token"]
        row = accounts.invitation(self.conn, token)
        if row is None:
            return self.page(request, "error.html.j2", 404, message=self.word("error.bad-invitation"), detail="")
        try:
            await self.light(
                accounts.accept_invitation, self.conn, token, str(form.get("name", "")), str(form.get("password", ""))
            )
        except AccountError as e:
            pre = request.cookies.get(PRE_COOKIE, "")
            error = self.word(f"error.{e.key}")
            return self.page(request, "invitation.html.j2", 400, email=row["email"], csrf_pre=pre, error=error)
        return RedirectResponse("/login", 303)

    async def audit_page(self, request: Request) -> Response:
        self.need(request, methodologist=True)
        rows = self.conn.execute(
            "SELECT a.*, u.email FROM audit a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.id DESC LIMIT 200"
        ).fetchall()
        return self.page(request, "audit.html.j2", rows=rows)


class SecurityHeaders:
    """The security headers on every response (pages, JSON, static files, redirects, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(project: Path, db: str | Path, lang: Lang = "ru", secure_cookies: bool = False) -> Starlette:
    portal = Portal(project, db, lang, secure_cookies)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        if status == 303:
            return RedirectResponse(getattr(exc, "headers", {}).get("Location", "/login"), 303)
        key = {400: "bad-request", 403: "forbidden", 405: "not-allowed", 409: "conflict"}.get(status, "not-found")
        return portal.page(request, "error.html.j2", status, message=portal.word(f"error.{key}"), detail="")

    def route(path: str, handler: Callable[[Request], Awaitable[Response]], *methods: str) -> Route:
        return Route(path, handler, methods=list(methods or ("GET",)))

    app = Starlette(
        routes=[
            route("/login", portal.login_page),
            route("/login", portal.login, "POST"),
            route("/logout", portal.logout, "POST"),
            route("/", portal.home),
            route("/programs/{code}", portal.program),
            route("/programs/{code}/documents/{fmt}", portal.documents),
            route("/programs/{code}/map", portal.program_map),
            route("/programs/{code}/compare", portal.compare),
            route("/programs/{code}/diagnostics", portal.diagnostics),
            route("/programs/{code}/explain/{item}", portal.explain),
            route("/programs/{code}/compose", portal.compose),
            route("/programs/{code}/weigh", portal.weigh, "POST"),
            route("/programs/{code}/proposals", portal.save, "POST"),
            route("/proposals", portal.proposals_page),
            route("/proposals/{number}", portal.proposal),
            route("/proposals/{number}/submit", portal.submit, "POST"),
            route("/proposals/{number}/return", portal.give_back, "POST"),
            route("/proposals/{number}/accept", portal.accept, "POST"),
            route("/invite", portal.invite_page),
            route("/invite", portal.invite, "POST"),
            route("/invitations/{token}", portal.invitation_page),
            route("/invitations/{token}", portal.join, "POST"),
            route("/audit", portal.audit_page),
            Mount("/static", StaticFiles(directory=str(portal.static)), name="static"),
        ],
        exception_handlers={HTTPException: not_found},
        middleware=[Middleware(SecurityHeaders)],
    )
    app.state.portal = portal
    return app


def first_methodologist(db: str | Path, email: str, name: str, password: str) -> int:
    """The first account, made on the command line (invitations need a methodologist to send them)."""
    conn = connect(db)
    with conn.transaction():
        audit(conn, None, "bootstrap", json.dumps({"email": email}))
        return accounts.create_user(conn, email, name, "methodologist", password)
