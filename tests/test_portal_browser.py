"""The portal in a real Chromium driven by Playwright: invite → the enterprise signs in → composes a
bundle with one new competency → sees the duration change → submits → the methodologist accepts →
the project's `check` is clean and the program's documents include the bundle.

Chromium is Debian's (`apt-get install chromium`, which `make test` does where it can) driven through
Playwright's `executable_path`; without it the test is skipped and says how to install it. Set
CONSTRUCTOR_SCREENSHOTS=DIR to keep the screenshots (the composer, the proposal, the program page, the map)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from constructor.api import check

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install '.[test]'")
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)", allow_module_level=True)

ROOT = Path(__file__).parents[1]
PROGRAM = "22.02.06-ПРОФ"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    import uvicorn

    from constructor.portal.app import create_app, first_methodologist

    root = tmp_path / "project"
    shutil.copytree(ROOT / "catalogs", root)
    program = root / "examples" / "welding" / "program.comp"
    program.write_text(program.read_text(encoding="utf-8").replace("target 2y10m", "target 3y10m"), encoding="utf-8")
    database = root / ".constructor" / "portal.sqlite3"
    first_methodologist(database, "metod@college.example", "Методист", "пароль-методиста")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(root, database), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}", root
    server.should_exit = True
    thread.join(10)


def _shot(page: object, name: str) -> None:
    folder = os.environ.get("CONSTRUCTOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_an_enterprise_composes_in_the_browser_and_the_methodologist_accepts(served: tuple[str, Path]) -> None:
    url, root = served
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        methodologist = browser.new_page(viewport={"width": 1280, "height": 900})
        methodologist.goto(f"{url}/login")
        methodologist.fill("input[name=email]", "metod@college.example")
        methodologist.fill("input[name=password]", "пароль-методиста")
        methodologist.click("button[type=submit]")
        methodologist.goto(f"{url}/invite")
        methodologist.fill("input[name=email]", "chief@plant.example")
        methodologist.fill("input[name=enterprise]", "Трубный завод (пример)")
        methodologist.check(f"input[name=programs][value='{PROGRAM}']")
        methodologist.click("form.narrow button[type=submit]")
        link = methodologist.inner_text("#invitation-link")

        enterprise = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        enterprise.goto(link)
        enterprise.fill("input[name=name]", "Главный инженер")
        enterprise.fill("input[name=password]", "пароль-завода-1")
        enterprise.click("button[type=submit]")
        enterprise.fill("input[name=email]", "chief@plant.example")
        enterprise.fill("input[name=password]", "пароль-завода-1")
        enterprise.click("button[type=submit]")
        enterprise.goto(f"{url}/programs/{PROGRAM}/compose")
        enterprise.fill("input[name=title]", "Сварка магистральных трубопроводов")
        enterprise.fill("input[name=new_code]", "ПКс-4.7")
        enterprise.fill("input[name=new_title]", "Планировать сварку магистральных трубопроводов")
        enterprise.select_option("select[name=new_activity]", "ВД-4")
        enterprise.fill("input[name=new_theory]", "24")
        enterprise.fill("input[name=new_practice]", "48")
        enterprise.select_option("select[name=new_requires]", ["ПК-4.2"])
        enterprise.fill("input[name=hours_max]", "100")
        # (a selector, not a script: the page's Content-Security-Policy forbids evaluating strings)
        enterprise.wait_for_selector("#e-hours:has-text('72 / 100')", timeout=60000)
        without = enterprise.inner_text("#e-without")
        with_it = enterprise.inner_text("#e-with")
        assert without == "2 года 10 месяцев" and with_it != without  # the duration changes, in words
        _shot(enterprise, "composer")
        enterprise.click("button[name=submit]")
        enterprise.wait_for_selector(".status.submitted")

        methodologist.goto(f"{url}/proposals")
        methodologist.click("text=Сварка магистральных трубопроводов")
        methodologist.wait_for_selector("button.accept")
        _shot(methodologist, "proposal")
        methodologist.click("button.accept")
        methodologist.wait_for_selector(".status.accepted", timeout=60000)
        methodologist.goto(f"{url}/programs/{PROGRAM}")
        assert "ПОРТАЛ-1" in methodologist.inner_text(".summary")
        _shot(methodologist, "program")
        methodologist.goto(f"{url}/programs/{PROGRAM}/map")
        methodologist.click("g.node[data-code='ПКс-4.7']")  # the new competency and what it needs
        methodologist.wait_for_selector("#explain-text:has-text('ПОРТАЛ-1')", timeout=30000)
        assert "ПК-4.2" in methodologist.inner_text("#explain-links")
        assert methodologist.locator("g.node.required[data-code='ПК-4.2']").count() == 1
        methodologist.select_option("#colour-by", "bundle")
        assert "ПОРТАЛ-1" in methodologist.inner_text("#legend")
        _shot(methodologist, "map")
        browser.close()
    program = root / "examples" / "welding" / "program.comp"
    assert [d for d in check([program], root).diagnostics if d.is_error] == []
    assert "ПКс-4.7" in (root / "examples" / "welding" / "bundle-ПОРТАЛ-1.comp").read_text(encoding="utf-8")
