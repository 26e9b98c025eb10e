"""The core is infrastructure: none of its modules or templates knows a domain app.

Domain apps register with the core instead (``chores``, ``menu``, ``personal_data``). Allowed
in ``pioneers/core``: the standard library, Django, Wagtail and other third parties,
``pioneers.core``, ``pioneers.env`` and ``pioneers.settings``.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

import pioneers

PACKAGE = Path(pioneers.__file__).resolve().parent
CORE = PACKAGE / "core"
ALLOWED = ("pioneers.core", "pioneers.env", "pioneers.settings")


def _allowed(module: str) -> bool:
    if module == "pioneers" or not module.startswith("pioneers."):
        return True  # the standard library, Django, Wagtail, third parties; `from pioneers import`
    return any(module == name or module.startswith(f"{name}.") for name in ALLOWED)


def imports_of(source: str, package: list[str]) -> list[tuple[int, str]]:
    """(line, module) of every import in a module of ``package``, relative ones resolved."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # `from pioneers import network` imports the module `pioneers.network`.
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            found.append((node.lineno, module))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"pioneers(\.\w+)+", node.value)
        ):
            # Dotted paths handed to import_module() or settings count as imports too.
            found.append((node.lineno, node.value))
    return found


def _core_modules() -> list[Path]:
    return sorted(path for path in CORE.rglob("*.py") if "migrations" not in path.parts)


def violations(source: str, package: list[str]) -> list[str]:
    return [module for _line, module in imports_of(source, package) if not _allowed(module)]


def test_no_core_module_imports_a_domain_app():
    modules = _core_modules()
    assert len(modules) > 20, "the walk found too few modules"
    found = [
        f"{path.relative_to(PACKAGE.parent)} imports {module}"
        for path in modules
        for module in violations(
            path.read_text(), ["pioneers", *path.relative_to(PACKAGE).parent.parts]
        )
    ]
    assert found == []


def test_the_walk_finds_a_domain_import_at_any_depth():
    source = (
        "from pioneers.core import menu\n"
        "from . import chores\n"
        "def f():\n"
        "    from pioneers.meetings.services import reminders_send\n"
        "    from .. import network\n"
        "    import_module('pioneers.topics.models')\n"
    )
    assert violations(source, ["pioneers", "core"]) == [
        "pioneers.meetings.services.reminders_send",
        "pioneers.meetings.services",
        "pioneers.network",
        "pioneers.topics.models",
    ]


def _domain_labels() -> set[str]:
    return {
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("pioneers.") and config.label != "core"
    }


@pytest.mark.parametrize("path", sorted((CORE / "templates").rglob("*.html")), ids=str)
def test_no_core_template_names_a_domain_url_or_template(path):
    text = path.read_text()
    names = set(re.findall(r"\{%\s*url\s+['\"](\w+):", text))
    names |= set(re.findall(r"\{%\s*(?:include|extends)\s+['\"](\w+)/", text))
    assert names & _domain_labels() == set()
