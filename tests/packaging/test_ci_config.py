"""CI hardening: every action pinned to a commit, and .ci/run checking the workflow file."""

from __future__ import annotations

import re

from support.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*-?\s*uses:\s*(\S+)(.*)$", re.MULTILINE)


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_tag() -> None:
    found = []
    for workflow in WORKFLOWS:
        for reference, rest in USES.findall(workflow.read_text(encoding="utf-8")):
            found.append(reference)
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", reference), reference
            assert re.fullmatch(r"\s*# v\d+(\.\d+)*", rest), f"{reference}: no tag comment"
    assert len(found) >= 3


def test_checkout_does_not_keep_the_token() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        assert text.count("actions/checkout@") == text.count("persist-credentials: false")


def test_ci_validates_and_audits_the_workflow_then_ends_with_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "check-jsonschema --builtin-schema vendor.github-workflows" in script
    assert "zizmor --offline .github/workflows/" in script
    assert 'pip install -q "check-jsonschema==' in script and '"zizmor==' in script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = (
        'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" && pytest'
    )
    assert test_command in readme
    assert script.rstrip().splitlines()[-1] == test_command


def test_ci_installs_what_the_windows_installer_test_needs_before_the_tests() -> None:
    """In CI that test fails, never skips, when Wine or Inno Setup is missing."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "dpkg --add-architecture i386" in script
    assert re.search(r"wine_packages=\"wine64 wine32:i386 xvfb\"", script)
    assert "export CI=true" in script
    setup = script.index("build_scripts/get_innosetup.sh")
    assert setup < script.rindex("pytest")
