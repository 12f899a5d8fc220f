#!/usr/bin/env python3
"""check --diff REV (src/cli/diff.c): only findings on lines changed since a
git revision, in a sample repository. A committed file with one new line
reports that line only; an unchanged file nothing (with a note); a file
added since REV or untracked all its lines; no git, a bad revision, stdin
or JSON Lines input are refused with a message.

Usage: diff.py CLAIMCHECK"""
import json
import os
import re
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
ARTICLE = """---
date: 2025-03-19
---
# The call

Trump and Zelenskyy spoke by phone on Wednesday. Russia reportedly struck a hospital.

Their call lasted three hours.
"""
NEW_LINE = "Officials reportedly said the call lasted three hours.\n"
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def git(repo, *args):
    subprocess.run(["git", "-C", repo] + list(args), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(cwd, *args):
    p = subprocess.run([BIN, "check", "--color", "never"] + list(args), cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def lines_of(out, name):
    return sorted({int(m.group(1)) for m in
                   re.finditer(r"^%s:(\d+):\d+: " % re.escape(name), out, re.M)})


def main():
    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "repo")
        os.makedirs(repo)
        git(repo, "init", "-q")
        git(repo, "config", "user.email", "test@example.org")
        git(repo, "config", "user.name", "test")
        for name in ("a.md", "same.md"):
            with open(os.path.join(repo, name), "w", encoding="utf-8") as f:
                f.write(ARTICLE)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "one")

        rc, out, err = run(repo, "--diff", "HEAD", "same.md")
        check(rc == 0 and lines_of(out, "same.md") == [],
              "unchanged file: no finding (exit %d)" % rc)
        check("same.md: no line changed since HEAD" in err, "unchanged file: a note says so")

        with open(os.path.join(repo, "a.md"), "a", encoding="utf-8") as f:
            f.write(NEW_LINE)
        new = ARTICLE.count("\n") + 1
        rc, out, err = run(repo, "a.md")
        old = lines_of(out, "a.md")
        check(len(old) >= 3 and new in old,
              "without --diff: findings on old lines and the new one %s" % old)
        rc, out, err = run(repo, "--diff", "HEAD", "a.md")
        check(lines_of(out, "a.md") == [new],
              "--diff HEAD, one new line: that line only %s" % lines_of(out, "a.md"))
        check(rc == 1, "--diff HEAD: the new contradiction fails the check (exit %d)" % rc)
        rc, out, err = run(repo, "--diff=HEAD", "--format", "json", "a.md")
        doc = json.loads(out)["documents"][0]
        check(doc["findings"] and all(f["span"]["line"] == new for f in doc["findings"]),
              "--diff=HEAD --format json: the same findings")

        # a sentence over two lines, only its second line changed
        with open(os.path.join(repo, "same.md"), "w", encoding="utf-8") as f:
            f.write(ARTICLE.replace("Their call lasted three hours.",
                                    "Their call, officials said,\nlasted three hours."))
        git(repo, "commit", "-q", "-m", "two", "--", "same.md")
        with open(os.path.join(repo, "same.md"), "w", encoding="utf-8") as f:
            f.write(ARTICLE.replace("Their call lasted three hours.",
                                    "Their call, officials said,\nlasted three hours in all."))
        rc, out, err = run(repo, "--diff", "HEAD", "same.md")
        check(lines_of(out, "same.md") == [8],
              "a sentence with one changed line is reported %s" % lines_of(out, "same.md"))

        with open(os.path.join(repo, "added.md"), "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        rc, out, err = run(repo, "--diff", "HEAD", "added.md")
        check(len(lines_of(out, "added.md")) >= 2 and "not tracked by git" in err,
              "untracked file: all its lines, with a note")
        git(repo, "add", "added.md")
        rc, out, err = run(repo, "--diff", "HEAD", "added.md")
        check(lines_of(out, "added.md") == lines_of(run(repo, "added.md")[1], "added.md")
              and err == "", "file added since HEAD: all its lines, no note")
        rc, out, err = run(tmp, "--diff", "HEAD", "repo/a.md")
        check(lines_of(out, "repo/a.md") == [new], "a path from another folder: git runs in the file's folder")

        rc, out, err = run(repo, "--diff", "no-such-rev", "a.md")
        check(rc == 2 and "is 'no-such-rev' a revision?" in err and "error:" not in out,
              "an unknown revision: exit 2, a message, nothing reported")
        outside = os.path.join(tmp, "outside.md")
        with open(outside, "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        env = dict(os.environ, GIT_CEILING_DIRECTORIES=tmp)
        p = subprocess.run([BIN, "check", "--diff", "HEAD", outside], cwd=tmp, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        check(p.returncode == 3 and "is not in a git work tree" in p.stderr,
              "a file outside git: exit 3 and a message (exit %d)" % p.returncode)
        rc, out, err = run(repo, "--diff", "HEAD", "-")
        check(rc == 2 and "not standard input" in err, "stdin refused (exit 2)")
        rc, out, err = run(repo, "--diff", "HEAD", "--input", "jsonl", "a.md")
        check(rc == 2 and "JSON Lines" in err, "JSON Lines refused (exit 2)")
        rc, out, err = run(repo, "--diff")
        check(rc == 2 and "needs a value" in err, "--diff without a revision (exit 2)")
    if failures:
        print("%d failed" % len(failures))
        return 1
    print("diff: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
