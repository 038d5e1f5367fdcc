"""Archives: streamed output, worker processes, progress on terminals, and Dask clusters."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

from sourcescore.cli import cli
from sourcescore.formats import RenderOptions
from sourcescore.run import _rendered


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Seeds in nested folders, plus an empty file and an unreadable one, in a known order."""
    root = tmp_path_factory.mktemp("archive")
    for number, seed in enumerate(SEEDS * 2):
        folder = root / f"desk{number % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:02d}_{seed.name}").write_text(seed.read_text())
    (root / "desk0" / "00_empty.txt").write_text("  \n")
    (root / "desk1" / "00_binary.txt").write_bytes(b"\x00\xff\x00 not text")
    return root


def _check(runner, *args):
    result = runner.invoke(cli, ["check", *map(str, args)])
    return result.exit_code, result.output


@pytest.mark.parametrize("fmt", ["json-lines", "full"])
def test_two_jobs_write_exactly_what_one_job_writes(runner, archive, fmt):
    one = _check(runner, archive, "-f", fmt, "--jobs", "1")
    two = _check(runner, archive, "-f", fmt, "--jobs", "2")
    assert one == two
    assert one[0] == 2  # the binary file is an input error, and the worst outcome wins


def test_reports_follow_the_input_order(runner, archive):
    _, output = _check(runner, archive, "-f", "json-lines", "--jobs", "2")
    import json

    paths = [json.loads(line)["path"] for line in output.splitlines()]
    assert paths == sorted(paths) and len(paths) == len(SEEDS) * 2 + 2


@pytest.mark.parametrize("fmt", ["full", "concise", "json-lines"])
def test_per_file_formats_render_the_same_bytes_file_by_file(checker, archive, fmt):
    from sourcescore.inputs import iter_inputs

    files = list(checker.check_texts(iter_inputs([str(archive)])))
    render = checker.plugins.formats[fmt]
    assert render.per_file
    whole = io.StringIO()
    render.render(checker.report(files), whole, RenderOptions())
    streamed = io.StringIO()
    for _ in _rendered(render, checker, iter(files), RenderOptions(), streamed):
        pass
    assert streamed.getvalue() == whole.getvalue()


def test_streaming_writes_each_report_before_the_next_is_checked(checker):
    written_before_second = []
    out = io.StringIO()
    file = checker.check_text("Officials said the bridge would reopen.", "a.txt")

    def reports():
        yield file
        written_before_second.append(out.getvalue())
        yield file

    fmt = checker.plugins.formats["json-lines"]
    list(_rendered(fmt, checker, reports(), RenderOptions(), out))
    assert written_before_second[0].count("\n") == 1
    assert out.getvalue().count("\n") == 2


def _run_on_a_terminal(args):
    """Run the CLI with standard error on a pseudo-terminal; return what reached it."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "sourcescore", "check", *args],
                               stdout=subprocess.DEVNULL, stderr=follower, cwd=ROOT,
                               env={**os.environ, "COLUMNS": "80"})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_but_never_for_machine_formats(archive):
    shown = _run_on_a_terminal([str(archive), "-f", "concise"])
    assert "checking" in shown and f"{len(SEEDS) * 2 + 2}/{len(SEEDS) * 2 + 2}" in shown
    assert "checking" not in _run_on_a_terminal([str(archive), "-f", "json-lines"])


def test_no_progress_bar_when_standard_error_is_not_a_terminal(archive):
    result = subprocess.run([sys.executable, "-m", "sourcescore", "check", str(archive),
                             "-f", "concise"], capture_output=True, text=True, cwd=ROOT)
    assert "checking" not in result.stderr


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_a_dask_cluster_returns_exactly_the_local_reports(checker, cluster, archive):
    from sourcescore.dask import check_on_cluster
    from sourcescore.inputs import iter_inputs
    from sourcescore.parallel import CheckerSettings

    items = list(iter_inputs([str(archive)]))
    local = list(checker.check_texts(items))
    remote = list(check_on_cluster(items, cluster.scheduler_address,
                                   CheckerSettings(str(ROOT / "rules.toml"))))
    assert remote == local
    assert [r.text for r in remote] == [r.text for r in local]


def test_check_scheduler_option_prints_the_local_report(runner, cluster, archive):
    local = _check(runner, archive, "-f", "json-lines")
    remote = _check(runner, archive, "-f", "json-lines", "--scheduler",
                    cluster.scheduler_address)
    assert remote == local


def test_an_unreachable_scheduler_is_one_clear_error(runner, archive):
    pytest.importorskip("distributed")
    code, output = _check(runner, archive, "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2
    assert output.strip().splitlines()[-1].startswith(
        "sourcescore: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


def test_the_time_left_shows_only_once_it_means_something():
    from sourcescore.run import progress_line

    assert progress_line(1, 40, 30.0) == "\rchecking 1/40"  # one file says little
    assert progress_line(10, 40, 0.5) == "\rchecking 10/40"  # nor does half a second
    assert progress_line(10, 40, 10.0) == "\rchecking 10/40, about 30 s left"
    assert progress_line(10, 400, 10.0) == "\rchecking 10/400, about 6 min left"
    assert progress_line(40, 40, 40.0) == "\rchecking 40/40"
