import re

from assistant import PROJECT_ROOT


def commands() -> list[str]:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)


def test_readme_has_exactly_two_setup_commands():
    found = commands()
    assert len(found) == 2, found
    assert "pip install" in found[0] and "lotse" in found[0]
    assert "pip install" in found[1] and "pytest" in found[1]


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci.splitlines()
