#!/usr/bin/env python3
"""NO_COLOR (https://no-color.org): on a terminal, `--color auto` colours
text output unless NO_COLOR is set and not empty; `--color always` still
colours. Runs the command under a pseudo-terminal.

Usage: color.py CLAIMCHECK"""
import os
import pty
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def on_tty(args, env_extra):
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(env_extra)
    p = subprocess.Popen([BIN] + args, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait()
    os.close(master)
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "a.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Russian drones reportedly struck a hospital overnight.\n")
        args = ["check", "--date", "2025-03-19", path]
        check(b"\x1b[" in on_tty(args, {}), "a terminal, no NO_COLOR: colour")
        check(b"\x1b[" not in on_tty(args, {"NO_COLOR": "1"}), "NO_COLOR=1: no colour")
        check(b"\x1b[" in on_tty(args, {"NO_COLOR": ""}), "NO_COLOR empty: colour")
        check(b"\x1b[" in on_tty(["check", "--color", "always"] + args[1:], {"NO_COLOR": "1"}),
              "NO_COLOR=1 --color always: colour")
    if failures:
        print("%d failed" % len(failures))
        return 1
    print("color: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
