"""Imports between apps point one way (DESIGN section 2, docs/architecture.md): an app may import
the apps below it and the shared kernel, never one above it. Imports made only for type hints
(`if TYPE_CHECKING:`) are not counted: they do not run."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]

# Modules at the package's root that every app may use; they import no app.
KERNEL = {
    "roles",
    "forms",
    "validators",
    "identity_numbers",
    "codes",
    "mail",
    "shown",
    "timing",
    "numbers",
    "exports",
    "text",
    "addresses",
    "languages",
    "navigation",
    "terminology",
    "commands",
    "virus_scan",
}
# Each app and the apps it may import. Economics and grants go above reporting.
ALLOWED = {
    "organisation": set(),
    "accounts": {"organisation"},
    "audit": {"organisation", "accounts"},
    "directory": {"organisation", "accounts", "audit"},
    "casework": {"organisation", "accounts", "audit", "directory"},
    "exchange": {"organisation", "accounts", "audit", "directory", "casework"},
    "public": {"organisation", "accounts", "audit", "directory", "casework"},
    "reporting": {"organisation", "accounts", "audit", "directory", "casework", "public"},
    "economics": {"organisation", "accounts", "audit", "casework", "reporting"},
    "grants": {"organisation", "accounts", "audit", "casework", "reporting"},
    "demo": {
        "organisation",
        "accounts",
        "audit",
        "directory",
        "casework",
        "public",
        "reporting",
        "grants",
    },
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "kreftkoordinator" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_every_app_is_placed():
    apps = {p.parent.name for p in PACKAGE.glob("*/apps.py")}
    assert apps == set(ALLOWED)


def test_the_economics_core_and_the_grant_rules_import_no_django():
    """Plain Python, usable from a notebook (issue 9) and without a database (issue 10). They
    may use the one number formatter, which imports nothing at its top."""
    paths = [*(PACKAGE / "economics" / "model").glob("*.py"), PACKAGE / "grants" / "rules.py"]
    for path in paths:
        tree = ast.parse(path.read_text(), str(path))
        modules = {
            name
            for node in ast.walk(tree)
            for name in (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
        }
        modules -= {"kreftkoordinator.numbers"}
        assert not {m for m in modules if m.split(".")[0] in ("django", "kreftkoordinator")}, path


def test_the_number_formatter_imports_nothing_at_its_top():
    tree = ast.parse((PACKAGE / "numbers.py").read_text())
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert {n.module for n in top if isinstance(n, ast.ImportFrom)} <= {
        "__future__",
        "decimal",
        "fractions",
    }


def test_the_kernel_imports_no_app():
    for name in KERNEL:
        assert imports_of(PACKAGE / f"{name}.py") <= KERNEL - {name}, name


def test_imports_between_apps_point_one_way():
    wrong = []
    for app, allowed in ALLOWED.items():
        for path in (PACKAGE / app).rglob("*.py"):
            if "tests" in path.parts:
                continue
            for target in imports_of(path) - {app} - KERNEL:
                if target not in allowed:
                    wrong.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert not wrong, "\n".join(wrong)
