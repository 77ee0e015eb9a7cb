"""Build hook: the message catalogs compiled into the wheel (`locale/<lang>/LC_MESSAGES/constructor.mo`
beside each `.po`), so an installed constructor reads them with the standard library's gettext and
starts without importing Babel or parsing the `.po` (about 80 ms of every command). A source tree
keeps no compiled files; there the catalogs are compiled in memory (constructor/i18n.py)."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        # i18n.py imports nothing of the package at its top, so it loads alone, before the package exists
        spec = importlib.util.spec_from_file_location("_constructor_i18n", Path(self.root, "src/constructor/i18n.py"))
        assert spec is not None and spec.loader is not None
        i18n = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = i18n  # its dataclasses look their module up there
        spec.loader.exec_module(i18n)
        out = Path(tempfile.mkdtemp(prefix="constructor-mo-"))
        for po in sorted(Path(self.root, "src/constructor/locale").glob("*/LC_MESSAGES/constructor.po")):
            lang = po.parent.parent.name
            mo = out / lang / "constructor.mo"
            mo.parent.mkdir(parents=True)
            mo.write_bytes(i18n.compile_po(po, lang))
            build_data["force_include"][str(mo)] = f"constructor/locale/{lang}/LC_MESSAGES/constructor.mo"
