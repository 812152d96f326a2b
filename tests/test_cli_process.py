"""The command as a real process: kill -9 and --resume, pipes, encodings, terminals."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-maghreb" / "input.txt"
COMMAND = [sys.executable, "-m", "article_extract"]
PAGES = 80


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """80 small pages (dumps and a few empty ones), 20 per folder."""
    root = tmp_path_factory.mktemp("many")
    dumps = sorted(FIXTURES.glob("*/input.txt"), key=lambda p: p.stat().st_size)[:6]
    for n in range(PAGES):
        folder = root / f"part-{n // 20}"
        folder.mkdir(exist_ok=True)
        if n % 17 == 5:
            (folder / f"page-{n:03}.txt").write_bytes(b"")
        else:
            shutil.copy(dumps[n % len(dumps)], folder / f"page-{n:03}.txt")
    return root


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONIOENCODING")}
    env.update(extra)
    return env


def _descendants(pid: int) -> list[int]:
    """The processes started by ``pid``, and theirs (Linux)."""
    found: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found += [child, *_descendants(child)]
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended (an orphan's reaper may not have reaped it yet)


def test_resume_after_kill_9_gives_every_input_exactly_once(many: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.jsonl"
    argv = [*COMMAND, str(many), "--workers", "2", "-q"]
    subprocess.run([*argv, "-o", str(reference)], check=False, env=_env())
    expected = reference.read_text("utf-8")
    assert expected.count("\n") == PAGES

    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([*argv, "-o", str(out)], env=_env())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.005)
    workers = _descendants(process.pid)
    process.send_signal(signal.SIGKILL)  # no cleanup, no flush: a real crash
    process.wait()
    written = out.read_bytes().count(b"\n")
    assert 10 <= written < PAGES, "the kill must land in the middle of the run"
    if sys.platform == "linux":  # the workers notice that the parent is gone, and end
        assert workers
        deadline = time.monotonic() + 30
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_running, workers))

    resumed = subprocess.run(
        [*argv, "-o", str(out), "--resume"], env=_env(), capture_output=True, text=True
    )
    assert resumed.returncode == 1  # the run holds empty pages
    assert out.read_text("utf-8") == expected  # the same records, each input exactly once
    ids = [json.loads(line)["input"] for line in expected.splitlines()]
    assert len(ids) == len(set(ids)) == PAGES


def test_python_dash_m_with_a_cp1252_locale_writes_utf8(tmp_path: Path) -> None:
    empty = tmp_path / "خبر فارغ.txt"  # an Arabic name in a stderr line (-v)
    empty.write_bytes(b"")
    done = subprocess.run(
        [*COMMAND, "--example", str(empty), "--fields", "title", "-v"],
        env=_env(PYTHONIOENCODING="cp1252"),
        capture_output=True,
    )
    assert done.returncode == 1, done.stderr
    first, second = (json.loads(line) for line in done.stdout.decode("utf-8").splitlines())
    assert first["title"].startswith("احتجاجات كازاخستان")
    assert second["input"] == str(empty)
    assert second["error"] == "empty_input"
    assert b"Traceback" not in done.stderr
    assert b"the input is empty" in done.stderr


def test_a_closed_pipe_ends_quietly(many: Path) -> None:
    process = subprocess.Popen(
        [*COMMAND, str(many), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()  # like `| head -1`
    process.stdout.close()
    error = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 1
    assert json.loads(first)["status"] in ("ok", "error")
    assert "Traceback" not in error
    assert "BrokenPipe" not in error


def _stderr_of(argv: list[str], *, tty: bool) -> str:
    if not tty:
        done = subprocess.run(argv, capture_output=True, env=_env())
        return done.stderr.decode("utf-8")
    leader, follower = pty.openpty()
    # A terminal 100 columns wide (a new pseudo-terminal has no size).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=follower, env=_env())
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 4096)
        except OSError:  # the process closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal(many: Path) -> None:
    argv = [*COMMAND, str(many / "part-0"), "--workers", "1"]
    on_terminal = _stderr_of(argv, tty=True)
    assert "pages/s" in on_terminal
    assert "20/20" in on_terminal
    assert "errors=" in on_terminal
    piped = _stderr_of(argv, tty=False)
    assert "\r" not in piped
    assert "pages/s" in piped
    assert piped.startswith("article-extract: 20 inputs")
    quiet = _stderr_of([*argv, "--quiet"], tty=True)
    assert quiet.strip() == ""
    # with workers, the inputs are counted once they run (forked before the counting thread)
    pooled = _stderr_of([*argv[:-1], "2"], tty=True)
    assert "20/20" in pooled
