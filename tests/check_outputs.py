"""Recorded outputs against what the programs print today: the golden files under
tests/golden/ and the examples in the Markdown documents (README.md, tools/README.md).

    check_outputs.py --bin DIR [--python DIR] [--update] FILE...

A FILE ending in .md is a document. Each fenced block whose first line starts with `$ ` is an
example: one or more commands, each a `$ ` line (continued by lines after a trailing `\\`),
followed by what the terminal shows (standard output and standard error). A ```python block
followed by a ```text block is an example too: the Python block's printed output. The Python
blocks of a document run in order in one interpreter, so later blocks see earlier names.

Any other FILE is a golden file: its first line is the `$ kyoso …` command, the rest exactly
what it prints. A golden of a `--format json` command holds the document spread over lines
(two-space indent), so that a change reads as a diff; the command must still print it on one
line.

Commands run through `sh` in a scratch directory holding links to the repository's top-level
folders (so `examples/scenarios/budget_cut.json` is found and `-o national.jgf.json` writes
nothing into the tree), with DIR first on PATH; the blocks of one file share the directory.

A ```json block holding a whole model (a top-level "schema_version" and "graph") or a whole
scenario ("schema": "kyoso.scenario/1") is an example too: `kyoso validate` must accept it
(a scenario is checked against the embedded model), so a format change cannot leave a
document showing a file kyoso refuses.

In the expected output, a line holding only `…` (indent allowed) stands for any number of
lines, so a long table can be shown in part. A block that must not run is marked by a line

    <!-- examples: skip (the reason) -->

just before its opening fence. With --update, every example that differs is rewritten with
today's output (the lines around a `…` are kept in number) and the golden files likewise:
review the change with `git diff` before committing it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ELLIPSIS = "…"
SKIP = re.compile(r"^<!--\s*examples:\s*skip\b.*-->\s*$")
RERECORD = "make golden"


@dataclass
class Example:
    file: Path
    line: int  # 1-based line of the first expected-output line (or of the command)
    kind: str  # "shell", "python" or "file" (a model or scenario kyoso must accept)
    commands: list[str]  # shell: each command, continuation lines joined; python: the code
    expected: list[str]
    # Where the expected lines sit in the file, for --update: [start, end) of file lines.
    span: tuple[int, int] = (0, 0)
    actual: list[str] = field(default_factory=list)


def fences(lines: list[str]):
    """(info string, first content line, end line) of every fenced block, 0-based."""
    i = 0
    while i < len(lines):
        m = re.match(r"^(```+)(.*)$", lines[i])
        if not m:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not lines[end].startswith(m.group(1)):
            end += 1
        yield m.group(2).strip(), i + 1, end, i
        i = end + 1


def skipped(lines: list[str], fence_line: int) -> bool:
    j = fence_line - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and bool(SKIP.match(lines[j]))


def split_commands(body: list[str], first: int):
    """The commands of a shell block and the output after each: [(command, out, start)]."""
    out = []
    i = 0
    while i < len(body):
        if not body[i].startswith("$ "):
            raise ValueError(f"line {first + i + 1}: expected a '$ ' command")
        command = [body[i][2:]]
        while command[-1].endswith("\\") and i + 1 < len(body):
            i += 1
            command.append(body[i])
        i += 1
        start = i
        while i < len(body) and not body[i].startswith("$ "):
            i += 1
        out.append(("\n".join(command), body[start:i], first + start))
    return out


def document_examples(path: Path) -> list[Example]:
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = list(fences(lines))
    examples = []
    for n, (info, start, end, fence) in enumerate(blocks):
        body = lines[start:end]
        if skipped(lines, fence):
            continue
        if body and body[0].startswith("$ "):
            for command, expected, at in split_commands(body, start):
                examples.append(Example(path, at + 1, "shell", [command], expected,
                                        (at, at + len(expected))))
        elif info == "python":
            expected, span = [], (0, 0)
            if n + 1 < len(blocks) and blocks[n + 1][0] == "text":
                _, t_start, t_end, t_fence = blocks[n + 1]
                if not any(lines[k].strip() for k in range(end + 1, t_fence)):
                    expected, span = lines[t_start:t_end], (t_start, t_end)
            examples.append(Example(path, span[0] + 1 if span[1] else start + 1, "python",
                                    ["\n".join(body)], expected, span))
        elif info == "json" and file_option(body):
            examples.append(Example(path, start + 1, "file", ["\n".join(body)], []))
    return examples


def file_option(body: list[str]) -> str | None:
    """The validate option that reads this block: --model, --scenario, or None."""
    try:
        document = json.loads("\n".join(body))
    except ValueError:
        return None  # an excerpt ("…"), not a file
    if not isinstance(document, dict):
        return None
    if "schema_version" in document and "graph" in document:
        return "--model"
    if document.get("schema") == "kyoso.scenario/1":
        return "--scenario"
    return None


def run_file(example: Example, work: Path, env: dict[str, str]) -> list[str]:
    body = example.commands[0].split("\n")
    name = work / f"example-{example.line}.json"
    name.write_text(example.commands[0], encoding="utf-8")
    result = subprocess.run(["kyoso", "validate", file_option(body), str(name)], cwd=work,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            timeout=300)
    if result.returncode == 0:
        return []
    return ["(kyoso validate refuses this file)"] + result.stdout.decode(
        "utf-8", errors="replace").split("\n")


def golden_example(path: Path) -> Example:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("$ kyoso "):
        raise ValueError(f"{path}: the first line must be the '$ kyoso …' command")
    (command, expected, at), *rest = split_commands(lines, 0)
    if rest:
        raise ValueError(f"{path}: one command per golden file")
    return Example(path, at + 1, "shell", [command], expected, (at, at + len(expected)))


def is_json_golden(example: Example) -> bool:
    return example.file.suffix != ".md" and re.search(r"--format[ =]json\b", example.commands[0])


def scratch_directory() -> Path:
    work = Path(tempfile.mkdtemp(prefix="kyoso-examples-"))
    for name in ("data", "docs", "examples", "tests", "bindings"):
        (work / name).symlink_to(ROOT / name)
    return work


def run_shell(example: Example, work: Path, env: dict[str, str]) -> list[str]:
    result = subprocess.run(["sh", "-c", example.commands[0]], cwd=work, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    text = result.stdout.decode("utf-8", errors="replace")
    if is_json_golden(example):
        if text.count("\n") != 1 or not text.endswith("\n"):
            return ["(not one line of JSON)"] + text.split("\n")
        try:
            text = json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
        except ValueError as e:
            return [f"(not JSON: {e})", text]
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


PYTHON_DRIVER = r"""
import contextlib, io, json, sys, traceback
blocks = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
results = []
for code in blocks:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            exec(compile(code, "<example>", "exec"), namespace)
        except Exception:
            traceback.print_exc(file=buffer)
    results.append(buffer.getvalue())
json.dump(results, sys.__stdout__)
"""


def run_python(examples: list[Example], work: Path, env: dict[str, str]) -> None:
    if not examples:
        return
    result = subprocess.run([sys.executable, "-c", PYTHON_DRIVER], cwd=work, env=env,
                            input=json.dumps([e.commands[0] for e in examples]),
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        for e in examples:
            e.actual = ["(the Python examples did not run)"] + result.stderr.split("\n")
        return
    for e, text in zip(examples, json.loads(result.stdout)):
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        e.actual = lines


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a line holding only … matches any number of lines."""
    # The runs of lines between the …s: the first starts the output, the last ends it, and
    # the others come in order between them (the earliest place each fits is as good as any).
    runs: list[list[str]] = [[]]
    for line in expected:
        if line.strip() == ELLIPSIS:
            runs.append([])
        else:
            runs[-1].append(line)
    if len(runs) == 1:
        return expected == actual
    first, *middle, last = runs
    if actual[:len(first)] != first or len(actual) < len(first) + len(last):
        return False
    at, end = len(first), len(actual) - len(last)
    if actual[end:] != last:
        return False
    for run in middle:
        while at + len(run) <= end and actual[at:at + len(run)] != run:
            at += 1
        if at + len(run) > end:
            return False
        at += len(run)
    return True


def rerecorded(expected: list[str], actual: list[str]) -> list[str]:
    """Today's output, shortened where the recorded one was: the lines before the first … and
    after the last keep their number."""
    marks = [i for i, line in enumerate(expected) if line.strip() == ELLIPSIS]
    if not marks:
        return actual
    head, tail = marks[0], len(expected) - marks[-1] - 1
    if head + tail >= len(actual):
        return actual
    return actual[:head] + [expected[marks[0]]] + (actual[len(actual) - tail:] if tail else [])


def update(path: Path, examples: list[Example]) -> None:
    if path.suffix != ".md":
        e = examples[0]
        text = "\n".join(["$ " + e.commands[0]] + e.actual) + "\n"
        path.write_text(text, encoding="utf-8")
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    # From the bottom up, so that earlier spans keep their place.
    for e in sorted(examples, key=lambda e: e.span[0], reverse=True):
        if e.span == (0, 0):
            continue
        lines[e.span[0]:e.span[1]] = rerecorded(e.expected, e.actual)
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Recorded outputs against today's.")
    parser.add_argument("--bin", required=True, help="the directory holding the kyoso binary")
    parser.add_argument("--python", help="the directory holding the kyoso Python package")
    parser.add_argument("--update", action="store_true", help="re-record what differs")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()

    # A build without the bindings (no pybind11) checks the shell examples alone.
    has_package = bool(args.python) and any(Path(args.python).glob("kyoso/_kyoso*.so"))
    env = dict(os.environ)
    env["PATH"] = str(Path(args.bin).resolve()) + os.pathsep + env.get("PATH", "")
    if args.python:
        env["PYTHONPATH"] = str(Path(args.python).resolve())
    env["MPLBACKEND"] = "Agg"
    env.pop("COLUMNS", None)

    failures, checked, skipped_python, rerecorded_count = [], 0, 0, 0
    for path in args.files:
        path = path.resolve()
        examples = document_examples(path) if path.suffix == ".md" else [golden_example(path)]
        work = scratch_directory()
        python = [e for e in examples if e.kind == "python"]
        if python and not has_package:
            skipped_python += len(python)
            examples = [e for e in examples if e.kind != "python"]
        else:
            run_python(python, work, env)
        for e in examples:
            if e.kind == "shell":
                e.actual = run_shell(e, work, env)
            elif e.kind == "file":
                e.actual = run_file(e, work, env)
        differing = [e for e in examples if not matches(e.expected, e.actual)]
        checked += len(examples)
        # A refused file is fixed by hand: there is no output to re-record.
        failures += [e for e in differing if e.kind == "file"]
        differing = [e for e in differing if e.kind != "file"]
        if args.update and differing:
            update(path, differing)
            rerecorded_count += len(differing)
            print(f"re-recorded {len(differing)} example(s) in {path.relative_to(ROOT)}")
        elif differing:
            failures += differing
    for e in failures:
        where = f"{e.file.relative_to(ROOT)}:{e.line}"
        print(f"\n{where}: the recorded output differs from today's")
        print({"shell": "$ " + e.commands[0], "python": "(a Python example)",
               "file": "(a file shown in full)"}[e.kind])
        print("\n".join(difflib.unified_diff(e.expected, e.actual, "recorded", "today",
                                             lineterm="")))
    if failures:
        print(f"\n{len(failures)} of {checked} examples differ. If today's output is right, "
              f"re-record with `{RERECORD}` and review `git diff` before committing.")
    if skipped_python:
        print(f"{skipped_python} Python examples not run: no kyoso package in --python")
    if rerecorded_count and not failures:
        print(f"{rerecorded_count} of {checked} examples re-recorded: review `git diff`")
        return 0
    print(f"{checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
