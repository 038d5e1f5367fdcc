"""`sourcescore new-plugin` writes a package that works: its tests pass, it builds, and once
installed its entry point puts its rule into `sourcescore check` like any built-in."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from sourcescore.cli import cli


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    from click.testing import CliRunner

    target = tmp_path_factory.mktemp("template") / "sourcescore-acme"
    result = CliRunner().invoke(cli, ["new-plugin", "sourcescore-acme", "--prefix", "acm",
                                      "--directory", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_writes_the_documented_layout(package):
    for path in ("pyproject.toml", "README.md", "sourcescore_acme/__init__.py",
                 "sourcescore_acme/reportedly.py", "tests/test_reportedly.py"):
        assert (package / path).is_file(), path
    pyproject = (package / "pyproject.toml").read_text()
    assert '[project.entry-points.sourcescore]\nsourcescore_acme = "sourcescore_acme"' in pyproject
    assert '"ACM101"' in (package / "sourcescore_acme" / "reportedly.py").read_text()


def test_the_generated_tests_pass(package):
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests"], cwd=package, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(package)}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_built_and_installed_it_is_loaded_through_its_entry_point(package, tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(package)], check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        assert "[sourcescore]\nsourcescore_acme = sourcescore_acme" in \
            archive.read(entry_points).decode()
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True, capture_output=True, timeout=600)
    env = {k: v for k, v in os.environ.items() if k != "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD"}
    env["PYTHONPATH"] = str(site)

    def sourcescore(*args, **kwargs):
        return subprocess.run([sys.executable, "-m", "sourcescore", *args], env=env,
                              capture_output=True, text=True, timeout=300, **kwargs)

    assert "sourcescore_acme 0.1.0: ACM101" in sourcescore("plugins").stdout
    assert "reporter's own words" in sourcescore("explain", "ACM101").stdout
    story = tmp_path / "story.txt"
    story.write_text("The minister will reportedly resign on Friday.\n")
    result = sourcescore("check", str(story), "-f", "concise", cwd=tmp_path)
    assert f"{story}:1:19: ACM101 [warning] \u201creportedly\u201d without saying who reported it" \
        in result.stdout


@pytest.mark.parametrize("args, message", [
    (["sourcescore-x", "--prefix", "SRC"], "code prefix SRC is sourcescore's own"),
    (["sourcescore-x", "--prefix", "A1"], "must be 2 to 4 letters"),
    # five letters would make codes (ACMEX101) the registry refuses
    (["sourcescore-x", "--prefix", "ACMEX"], "must be 2 to 4 letters"),
    (["bad name!", "--prefix", "ACM"], "is not a usable project name"),
    (["sourcescore-x", "--prefix", "ACM\n"], "must be 2 to 4 letters"),
    (["plugins", "--prefix", "ACM"], "sourcescore_plugins is already an importable package"),
])
def test_bad_names_are_refused_with_one_line(runner, tmp_path, args, message):
    result = runner.invoke(cli, ["new-plugin", *args, "--directory", str(tmp_path / "new")])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "new").exists()


def test_a_project_name_that_is_an_existing_file_is_one_line(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sourcescore-acme").write_text("notes")
    result = runner.invoke(cli, ["new-plugin", "sourcescore-acme", "--prefix", "ACM"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "sourcescore: error: sourcescore-acme: already exists and is not a directory"]


def test_a_rule_code_with_a_trailing_newline_is_refused():
    from sourcescore.rules import CODE_PATTERN, NAME_PATTERN

    assert not CODE_PATTERN.fullmatch("ACM101\n") and CODE_PATTERN.fullmatch("ACM101")
    assert not NAME_PATTERN.fullmatch("my-rule\n") and NAME_PATTERN.fullmatch("my-rule")


def test_an_existing_package_is_never_overwritten(runner, package):
    before = (package / "README.md").read_text()
    result = runner.invoke(cli, ["new-plugin", "sourcescore-acme", "--prefix", "ACM",
                                 "--directory", str(package)])
    assert result.exit_code == 2 and "already exists and is not empty" in result.output
    assert (package / "README.md").read_text() == before


def test_parse_gives_plugin_tests_the_real_analysis():
    from sourcescore.testing import parse

    analysis = parse("Kremlin spokesman Dmitry Peskov said the talks had stalled.")
    assert analysis.doc is not None and analysis.doc[0].text == "Kremlin"
    (attribution,) = analysis.attributions
    assert attribution.source.text == "Kremlin spokesman Dmitry Peskov"


def test_the_package_is_named_after_sourcescore(runner, tmp_path):
    from sourcescore.scaffold import package_name

    assert package_name("demo") == "sourcescore_demo"
    assert package_name("sourcescore-acme") == "sourcescore_acme"
    result = runner.invoke(cli, ["new-plugin", "demo", "--prefix", "DEM",
                                 "--directory", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "sourcescore_demo" / "__init__.py").is_file()
    assert not (tmp_path / "demo" / "demo").exists()
