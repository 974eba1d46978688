"""The shape of the code (issue 12), checked on every run. It is about every app at once, so it
lives at the top of tests/ (not under one app's mirror).

- Every app of the project has its place in the order of the apps (pyproject.toml's
  import-linter contract, which `make test` runs with lint-imports before pytest).
- The only import circles are a service and its own task module (the service enqueues the task,
  the task calls the service); grimp sees imports inside functions too.
- No module of app code passes 400 lines (migrations aside): a longer one becomes a package.
- Tests mirror the source tree: tests/<app>/<path>/test_<module>.py tests <app>/<path>/<module>.py
  (or the package <module>/); `_browser` or `_concurrency` after the module's name marks its
  tests in a browser or under concurrent requests, and tests/<app>/test_browser.py holds the
  app's browser journeys. The suites about every app live outside the apps' folders and are
  listed below, each saying why in its docstring.
"""

import ast
import tomllib
from pathlib import Path

import grimp
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
MAX_LINES = 400
ASPECTS = ("_browser", "_concurrency")
# Suites about the whole site, not one module.
CROSS_APP_SUITES = {
    "test_a11y.py",  # axe-core on the main pages of every role
    "test_access_matrix.py",  # every URL pattern, for every role
    "test_browser.py",  # the visitor's first steps: the home page, logging in, the language
    "test_downloads.py",  # every download of the site is private and formula-safe
    "test_layout.py",  # no page scrolls sideways, for every role and width
    "test_migrations.py",  # an installation from before issue 12 keeps everything
    "test_stylesheet.py",  # every variant class a template or model uses has a CSS rule
    "test_structure.py",  # this file
    "test_translations.py",  # the Turkish catalogue translates every message
}
CROSS_APP_FOLDERS = {
    "hostile",  # hostile input over every form and filter of the site
    "reliability",  # faults of the real services across apps
}
# Folders of the project that are not apps, whose tests mirror them as an app's do.
MIRRORED_TOOLS = {
    "bench",  # make bench: the targets' arithmetic (the measurements themselves are not tests)
}


def _project_apps() -> list[str]:
    return sorted(
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(ROOT) and ".venv" not in Path(config.path).parts
    )


def _contract() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["importlinter"]


def _layers() -> list[str]:
    [layers] = [c["layers"] for c in _contract()["contracts"] if c["type"] == "layers"]
    return layers


def test_every_app_has_its_place_in_the_order_of_the_apps():
    in_order = [app.strip() for layer in _layers() for app in layer.split("|")]
    assert sorted(in_order) == _project_apps()
    assert sorted(_contract()["root_packages"]) == _project_apps()


def _import_circles() -> list[set[str]]:
    """The strongly connected components (of more than one module) of the import graph."""
    graph = grimp.build_graph(*_project_apps())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            circle = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                circle.add(member)
                if member == module:
                    break
            if len(circle) > 1:
                circles.append(circle)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return circles


def _service_and_its_tasks(circle: set[str]) -> bool:
    """An app's tasks module and services of that app that enqueue its tasks (several services
    that share the tasks module make one circle of all of them)."""
    if len(circle) < 2:
        return False
    tasks = next((module for module in circle if module.endswith(".tasks")), None)
    if tasks is None:
        return False
    app = tasks.removesuffix(".tasks")
    return all(
        service == f"{app}.services" or service.startswith(f"{app}.services.")
        for service in circle - {tasks}
    )


def test_the_only_import_circles_are_a_service_and_its_task_module():
    circles = _import_circles()
    assert circles, "the services that enqueue their own tasks form circles: is grimp working?"
    assert [sorted(c) for c in circles if not _service_and_its_tasks(c)] == []


def test_service_and_task_circles_are_told_from_others():
    assert _service_and_its_tasks({"documents.services", "documents.tasks"})
    assert _service_and_its_tasks({"participants.services.seats", "participants.tasks"})
    assert not _service_and_its_tasks({"documents.services", "notifications.tasks"})
    assert not _service_and_its_tasks({"a.selectors", "a.documents"})
    assert not _service_and_its_tasks({"a.services", "a.tasks", "a.views"})
    assert _service_and_its_tasks({"a.services.x", "a.services.y", "a.tasks"})
    assert not _service_and_its_tasks({"a.services.x", "b.services.y", "a.tasks"})


def _app_modules() -> list[Path]:
    return sorted(
        path
        for app in _project_apps()
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def test_no_module_of_app_code_passes_400_lines():
    long = {
        str(path.relative_to(ROOT)): count
        for path in _app_modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _tested_module(test: Path) -> Path:
    """tests/<app>/<path>/test_<module>[_aspect].py → <app>/<path>/<module>."""
    relative = test.relative_to(ROOT / "tests")
    name = relative.stem.removeprefix("test_")
    for aspect in ASPECTS:
        name = name.removesuffix(aspect)
    return ROOT.joinpath(*relative.parts[:-1], name)


def _mirrors(test: Path) -> bool:
    relative = test.relative_to(ROOT / "tests")
    if len(relative.parts) == 2 and relative.name == "test_browser.py":
        return True  # the app's browser journeys
    module = _tested_module(test)
    return module.with_suffix(".py").is_file() or (module / "__init__.py").is_file()


def test_tests_mirror_the_source_tree():
    tests = ROOT / "tests"
    stray = []
    for test in sorted(tests.rglob("test_*.py")):
        relative = test.relative_to(tests)
        if len(relative.parts) == 1:
            if relative.name not in CROSS_APP_SUITES:
                stray.append(str(relative))
        elif relative.parts[0] in CROSS_APP_FOLDERS:
            continue
        elif relative.parts[0] not in {*_project_apps(), *MIRRORED_TOOLS} or not _mirrors(test):
            stray.append(str(relative))
    assert stray == []


def test_every_cross_app_suite_says_why_it_stands_apart():
    for name in CROSS_APP_SUITES:
        tree = ast.parse((ROOT / "tests" / name).read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), name
    for folder in CROSS_APP_FOLDERS:
        init = ROOT / "tests" / folder / "conftest.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), folder


def test_the_mirror_rule_reads_modules_packages_and_aspects():
    tests = ROOT / "tests"
    assert _mirrors(tests / "participants" / "services" / "test_seats.py")
    assert _mirrors(tests / "programs" / "forms" / "test_cohorts.py")
    assert _mirrors(tests / "gencisi" / "test_settings.py")  # a package
    assert _mirrors(tests / "gencisi" / "test_gallery_browser.py")
    assert _mirrors(tests / "participants" / "services" / "test_registrations_concurrency.py")
    assert _mirrors(tests / "library" / "test_browser.py")
    assert not _mirrors(tests / "participants" / "test_attendance_views.py")
    assert not _mirrors(tests / "programs" / "views" / "test_browser.py")
