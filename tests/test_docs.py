"""The docs say what the code does: every layer, route, setting and command is in the README."""

from __future__ import annotations

import re

import pytest

from server.cli import cli
from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_come_first():
    first_section = README.split("\n## ")[1]
    assert first_section.startswith("Two commands")
    assert "make serve" in first_section and "make test" in first_section


def test_ci_runs_exactly_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text()
    assert "make test" in script


def test_every_layer_is_described(atlas_store):
    for layer in atlas_store:
        assert f"`{layer.id}`" in README, layer.id
        assert layer.spec.description


def test_every_route_is_in_the_readme(atlas_app):
    documented = set(re.findall(r"`(/[^`\s]*)`", README))
    for rule in atlas_app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.rule.startswith(("/data/", "/vendor/")):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        assert any(path.split("{")[0].rstrip("/") in doc for doc in documented), rule.rule


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"atlas {command}" in README


def test_the_changelog_cites_issues():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert re.search(r"\(#\d+\)", changelog)


def test_every_file_the_readme_points_to_exists():
    named = set(
        re.findall(r"`((?:server|templates|geodata|tests)/[\w/.{},-]+\.(?:py|html|json))`", README)
    )
    assert len(named) > 8
    for name in named:
        for path in re.sub(r"\{([^}]*)\}", lambda m: m.group(1).split(",")[0], name).split():
            assert (ROOT / path).is_file(), name
