"""A plugin cannot fake a pass, hang a run, corrupt a report or change another rule's result.

Each rule below is loaded as a real plugin and checked through the command line, which checks in
worker processes: the rule's file gets an error in its slot, every other result stands, and the
exit code says something went wrong (2).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SEEDS

from sourcescore.cli import cli

STORY = "The mayor said the bridge would reopen in May, according to city officials.\n"


def run(runner, config, *paths, fmt="json", args=()):
    result = runner.invoke(cli, ["check", "--config", config, "-f", fmt, "--fail-under", "0",
                                 *args, *map(str, paths)])
    return result


def stories(tmp_path, count=2):
    paths = []
    for number in range(count):
        path = tmp_path / f"story{number}.txt"
        path.write_text(STORY)
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("code", [0, 1])
def test_a_rule_calling_sys_exit_is_an_error_not_a_pass(runner, hostile, tmp_path, code, jobs):
    config = hostile(f"sys.exit({code})")
    result = run(runner, config, *stories(tmp_path), args=("-j", jobs))
    assert result.exit_code == 2
    report = json.loads(result.output)
    for file in report["files"]:
        assert file["status"] == "ok" and file["score"] is not None
        assert file["errors"] == [{"code": "HOS101", "plugin": file["errors"][0]["plugin"],
                                   "message": f"called sys.exit({code})"}]
        assert {r["code"] for r in file["rules"] if r["score"] is not None} >= {"SRC101"}


#: A rule that ends its process on the story marked "second story".
KILLS_ON_THE_SECOND_STORY = """
    if "second story" in analysis.text:
        os._exit(3)
    return RuleOutcome(100.0)
"""


def three_stories_the_second_marked(tmp_path):
    first, second, third = stories(tmp_path, 3)
    second.write_text("This is the second story. " + STORY)
    return first, second, third


def test_a_rule_killing_its_process_fails_only_its_files(runner, hostile, tmp_path):
    """os._exit in the worker: each file whose check dies is an error in its own slot, the run
    goes on, and the exit code is 2. The rule kills the worker only on the second story."""
    config = hostile(KILLS_ON_THE_SECOND_STORY)
    first, second, third = three_stories_the_second_marked(tmp_path)
    result = run(runner, config, first, second, third, args=("-j", "2"))
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["ok", "error", "ok"]
    assert "exited with status 3" in files[1]["error"]


#: A rule that never returns on a story with "stuck" in it, and swallows every attempt to stop it.
STUCK_ON_STUCK_STORIES = """
    if "stuck" not in analysis.text:
        return RuleOutcome(100.0)
    while True:
        try:
            time.sleep(100)
        except BaseException:
            pass
"""


def test_a_rule_that_swallows_its_time_limit_is_stopped_by_the_file_limit(runner, hostile,
                                                                          tmp_path):
    config = hostile(STUCK_ON_STUCK_STORIES, rule_timeout=0.5, file_timeout=3.0)
    good, stuck = stories(tmp_path)
    stuck.write_text("A stuck story. " + STORY)
    began = time.monotonic()
    result = run(runner, config, stuck, good)
    assert time.monotonic() - began < 30
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert files[0]["status"] == "error"
    assert "longer than the 3 s limit (file_timeout)" in files[0]["error"]
    assert files[1]["status"] == "ok" and files[1]["score"] is not None


def test_after_five_files_in_a_row_kill_their_worker_the_rest_are_not_checked(
        runner, hostile, tmp_path):
    config = hostile("os._exit(9)")
    result = run(runner, config, *stories(tmp_path, 7))
    files = json.loads(result.output)["files"]
    assert result.exit_code == 2 and [f["status"] for f in files] == ["error"] * 7
    assert all("exited with status 9" in f["error"] for f in files[:5])
    assert all("not checked" in f["error"] for f in files[5:])


def test_print_in_a_rule_does_not_corrupt_the_json_on_stdout(runner, hostile, tmp_path):
    config = hostile("""
        print("noise from a rule")
        os.write(1, b"noise from C code\\n")
        return RuleOutcome(100.0)
    """)
    result = run(runner, config, *stories(tmp_path))
    report = json.loads(result.stdout)  # parses: the noise went to standard error
    assert [f["status"] for f in report["files"]] == ["ok", "ok"]


@pytest.mark.parametrize("body, problem", [
    ("return RuleOutcome(50.0, metrics=(('ratio', float('nan')),))", "is not a finite number"),
    ("return RuleOutcome(50.0, metrics=(('ratio', object()),))", "is not a finite number"),
    ("return RuleOutcome(50.0, summary=12345)", "summary 12345 is not a string"),
    ("return RuleOutcome(float('inf'))", "is not a finite number"),
    ("return RuleOutcome(500.0)", "score 500.0 is outside 0-100"),
    ("return RuleOutcome(-50)", "score -50 is outside 0-100"),
    ("return RuleOutcome(50.0, (Flag(0, 3, 'x', suggestion=7),))", "suggestion 7"),
])
def test_malformed_results_are_the_rule_s_error_and_every_format_still_works(
        runner, hostile, tmp_path, body, problem):
    config = hostile(body)
    paths = stories(tmp_path, 1)
    result = run(runner, config, *paths)
    assert result.exit_code == 2
    text = result.output
    assert "NaN" not in text and "Infinity" not in text
    (file,) = json.loads(text)["files"]
    assert problem in file["errors"][0]["message"]
    for fmt in ("full", "html", "junit", "sarif", "github"):
        other = run(runner, config, *paths, fmt=fmt)
        assert other.exit_code == 2 and "Traceback" not in other.output, fmt


def test_huge_weights_are_refused_when_the_configuration_loads(runner, tmp_path):
    config = tmp_path / "rules.toml"
    config.write_text("[rules.SRC101]\nweight = 1e308\n")
    result = runner.invoke(cli, ["check", "--config", str(config), str(SEEDS[1])])
    assert result.exit_code == 2
    assert result.output.startswith("sourcescore: error: ") and "rules.SRC101.weight" in \
        result.output


def test_a_rule_cannot_change_what_the_next_rule_reads(runner, hostile, tmp_path):
    """The hostile rule runs first (HOS < SRC) and rebinds the analysis's attributions through
    the back door; the built-in rules still see the story as parsed."""
    clean = runner.invoke(cli, ["check", "-f", "json", str(SEEDS[1])])
    config = hostile("""
        object.__setattr__(analysis, "attributions", ())
        object.__setattr__(analysis, "sentences", ())
        analysis.__dict__.clear()
        return RuleOutcome(100.0)
    """)
    result = run(runner, config, SEEDS[1])
    (before,) = json.loads(clean.output)["files"]
    (after,) = json.loads(result.output)["files"]
    builtin = {r["code"]: r["score"] for r in before["rules"]}
    assert {r["code"]: r["score"] for r in after["rules"] if r["code"] in builtin} == builtin


def test_a_rule_cannot_change_anything_inside_what_the_next_rule_reads(runner, hostile):
    """Inside the analysis: the reference index's list, a forced attribution, the parse."""
    against = ("--against", str(SEEDS[1]), "--against", str(SEEDS[3]))
    clean = run(runner, str(ROOT / "rules.toml"), SEEDS[0], args=against)
    config = hostile("""
        if analysis.references is not None:
            analysis.references.units.clear()
        for attribution in analysis.attributions:
            object.__setattr__(attribution, "source_type", "person")
            object.__setattr__(attribution.source, "text", "Jane Doe")
        if analysis.doc is not None:
            for token in analysis.doc:
                token.lemma_ = "x"
        return RuleOutcome(100.0)
    """)
    result = run(runner, config, SEEDS[0], args=against)
    (before,) = json.loads(clean.output)["files"]
    (after,) = json.loads(result.output)["files"]
    assert any(f["code"] == "SRC202" for f in before["findings"])
    builtin = {r["code"]: r["score"] for r in before["rules"]}
    assert {r["code"]: r["score"] for r in after["rules"] if r["code"] in builtin} == builtin
    assert [f for f in after["findings"] if f["code"] != "HOS101"] == before["findings"]
    assert after["attributions"] == before["attributions"]


#: A plugin output format, "broken", that calls sys.exit(0) when it renders.
BROKEN_FORMAT = '''

def render(report, out, options):
    raise SystemExit(0)


@hookimpl
def sourcescore_register_output_formats(register):
    from sourcescore.formats import OutputFormat
    register(OutputFormat("broken", render))
'''


def test_a_failing_output_format_is_one_line_and_exit_2(runner, hostile, tmp_path):
    config = hostile("return RuleOutcome(100.0)", extra=BROKEN_FORMAT)
    result = run(runner, config, *stories(tmp_path, 1), fmt="broken")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "sourcescore: error: output format 'broken' failed: called sys.exit(0)"]


def test_a_plugin_exiting_on_import_is_reported_not_the_end(runner, hostile, tmp_path):
    config = hostile("return RuleOutcome(100.0)", extra="\nsys.exit(0)\n")
    result = run(runner, config, *stories(tmp_path, 1))
    assert result.exit_code == 2
    report = json.loads(result.output)
    assert report["plugin_errors"][0]["stage"] == "load"
    assert report["plugin_errors"][0]["message"] == "failed to load: called sys.exit(0)"
    assert report["files"][0]["status"] == "ok"


def test_debug_keeps_a_crashing_rule_s_traceback(runner, hostile, tmp_path, monkeypatch):
    config = hostile("raise RuntimeError('kaboom')")
    plain = json.loads(run(runner, config, *stories(tmp_path, 1)).output)
    assert "traceback" not in plain["files"][0]["errors"][0]
    monkeypatch.setenv("SOURCESCORE_DEBUG", "1")
    debug = json.loads(run(runner, config, *stories(tmp_path, 1)).output)
    (error,) = debug["files"][0]["errors"]
    assert error["message"] == "RuntimeError: kaboom"
    assert "Traceback (most recent call last)" in error["traceback"]
    assert "raise RuntimeError('kaboom')" in error["traceback"]


def test_sigterm_while_serving_leaves_no_worker_behind(hostile, tmp_path):
    """A rule that loops during the server's warm-up check: the server still starts (warning)
    and SIGTERM stops it with its worker processes."""
    config = hostile("""
        while True:
            try:
                time.sleep(100)
            except BaseException:
                pass
    """)
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path / "hostile_plugins")}
    process = subprocess.Popen([sys.executable, "-m", "sourcescore", "serve", "--port", "0",
                                "--config", config, "--timeout", "2"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stdout.readline()
        assert "serving on" in banner, process.stderr.read()
        descendants = _descendants(process.pid)
        process.terminate()
        assert process.wait(timeout=10) == 0
        assert "warm-up check failed" in process.stderr.read()
    finally:
        process.kill()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in descendants) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in descendants if _alive(pid)]


def _descendants(pid: int) -> list[int]:
    from pathlib import Path

    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found += children
        frontier += children
    return found


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- faults while a plugin loads: they happen before any story is checked --------------------

REGISTERING = '''
from sourcescore import hookimpl


@hookimpl
def sourcescore_register_rules(register):
{body}
'''


def _plugin_module(tmp_path, monkeypatch, name: str, source: str) -> str:
    """A module `name` on the path, and a rules.toml that loads it as a plugin."""
    folder = tmp_path / "load_time"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.py").write_text(source)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("PYTHONPATH", str(folder))
    config = tmp_path / f"{name}.toml"
    config.write_text(f'[sourcescore]\nplugins = ["{name}"]\n')
    return str(config)


def _check_in_a_process(config: str, *paths, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command in its own process: standard output as a file descriptor, as a
    pre-publish hook reads it."""
    return subprocess.run([sys.executable, "-m", "sourcescore", "check", "--config", config,
                           "-f", "json", *map(str, paths)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=__import__("os").environ)


@pytest.mark.parametrize("where", ["import", "registration"])
def test_a_plugin_ending_its_process_while_loading_cannot_fake_a_pass(tmp_path, monkeypatch,
                                                                      where):
    source = "import os\nos._exit(0)\n" if where == "import" else \
        "import os\n" + REGISTERING.format(body="    os._exit(0)")
    config = _plugin_module(tmp_path, monkeypatch, f"exits_at_{where}", source)
    result = _check_in_a_process(config, *stories(tmp_path, 1))
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    assert report["plugin_errors"] == [{
        "plugin": f"exits_at_{where}", "stage": "load",
        "message": "ended its process (exit status 0) while being loaded"}]
    assert report["files"][0]["status"] == "ok" and report["files"][0]["score"] is not None


def test_a_plugin_hanging_at_import_is_stopped_by_the_plugin_time_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCESCORE_PLUGIN_TIMEOUT", "1")
    config = _plugin_module(tmp_path, monkeypatch, "hangs_at_import", "while True:\n    pass\n")
    result = _check_in_a_process(config, *stories(tmp_path, 1), timeout=60)
    assert result.returncode == 2
    (problem,) = json.loads(result.stdout)["plugin_errors"]
    assert problem["plugin"] == "hangs_at_import"
    assert problem["message"].startswith("did not finish loading within 1 s")


def test_what_a_plugin_prints_while_loading_never_reaches_standard_output(tmp_path,
                                                                         monkeypatch):
    """`this` prints the Zen of Python when imported; C-level writes go through fd 1 too."""
    config = _plugin_module(tmp_path, monkeypatch, "prints_at_import", (
        "import os\nprint('from python')\nos.write(1, b'from fd 1\\n')\n"
        "import this\n" + REGISTERING.format(body="    print('from registration')")))
    result = _check_in_a_process(config, *stories(tmp_path, 1))
    report = json.loads(result.stdout)  # the whole of standard output is the report
    assert report["plugin_errors"] == [] and result.returncode != 2
    for line in ("from python", "from fd 1", "Beautiful is better", "from registration"):
        assert line in result.stderr


def test_a_rule_that_fails_never_raises_the_score(runner, hostile, tmp_path):
    """With rule_errors_fail = false a failing rule is reported and the exit code follows the
    score: the failure must not hand the rule's weight to the others."""
    passing = hostile("return RuleOutcome(100.0)", weight=1.0, rule_errors_fail=False)
    failing = hostile("raise RuntimeError('boom')", weight=1.0, rule_errors_fail=False)
    story = [SEEDS[1]]  # a story no finding holds, so the score is not capped
    (ok,) = json.loads(run(runner, passing, *story).output)["files"]
    (broken,) = json.loads(run(runner, failing, *story).output)["files"]
    assert broken["errors"] and broken["score"] < ok["score"]
    without = json.loads(run(runner, str(ROOT / "rules.toml"), *story).output)["files"][0]
    assert broken["score"] < without["score"]  # counted as 0, not left out


# --- the same isolation on a Dask cluster -------------------------------------------------------

@pytest.fixture
def hostile_cluster(tmp_path, monkeypatch):
    """A local cluster whose worker processes can import the hostile plugins (started after
    the fixture puts their folder on PYTHONPATH)."""
    distributed = pytest.importorskip("distributed")
    import dask

    (tmp_path / "hostile_plugins").mkdir(exist_ok=True)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "hostile_plugins"))
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_rule_killing_a_dask_worker_fails_only_its_file(runner, hostile, tmp_path,
                                                          hostile_cluster):
    config = hostile(KILLS_ON_THE_SECOND_STORY)
    first, second, third = three_stories_the_second_marked(tmp_path)
    result = run(runner, config, first, second, third, args=("--scheduler", hostile_cluster))
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["ok", "error", "ok"]
    assert "KilledWorker" in files[1]["error"]


def test_a_rule_stuck_on_a_dask_worker_is_given_up_after_the_file_limit(runner, hostile,
                                                                       tmp_path,
                                                                       hostile_cluster):
    config = hostile(STUCK_ON_STUCK_STORIES, file_timeout=3.0)
    good, stuck = stories(tmp_path)
    stuck.write_text("This story is stuck. " + STORY)
    began = time.monotonic()
    result = run(runner, config, good, stuck, args=("--scheduler", hostile_cluster))
    assert time.monotonic() - began < 120
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["ok", "error"]
    assert "file_timeout" in files[1]["error"]


@pytest.mark.parametrize("address", ["tcp://[::1", "not a url at all", "tcp://host:port"])
def test_a_malformed_scheduler_address_is_one_line(runner, tmp_path, address):
    pytest.importorskip("distributed")
    result = runner.invoke(cli, ["check", *map(str, stories(tmp_path, 1)), "--scheduler",
                                 address])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("sourcescore: error: ")


def test_a_failing_output_format_on_the_server_answers_500(hostile, tmp_path):
    import urllib.error
    import urllib.request

    config = hostile("return RuleOutcome(100.0)", extra=BROKEN_FORMAT)
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path / "hostile_plugins")}
    process = subprocess.Popen([sys.executable, "-m", "sourcescore", "serve", "--port", "0",
                                "--config", config], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stdout.readline()
        url = banner.split("serving on ", 1)[1].split()[0].rstrip("/")
        request = urllib.request.Request(f"{url}/check?format=broken", data=STORY.encode(),
                                         headers={"Content-Type": "text/plain"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(request, timeout=60)
        assert refused.value.code == 500
        assert "output format 'broken' failed: called sys.exit(0)" in \
            json.loads(refused.value.read())["error"]
        with opener.open(f"{url}/health", timeout=30) as health:
            assert health.status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
