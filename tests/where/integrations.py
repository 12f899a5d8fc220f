#!/usr/bin/env python3
"""The GitHub Action (tools/action/action.yml) and the pre-commit hook
(.pre-commit-hooks.yaml) run against a sample git repository: no runner and
no pre-commit needed. The Action's composite steps are read from its YAML,
their ${{ }} expressions substituted (inputs, github.action_path, step
outputs; an unknown expression fails the test), and each `run:` step is run
as the runner runs it (bash --noprofile --norc -eo pipefail, GITHUB_OUTPUT);
`uses:` steps (the SARIF upload) are recorded, not run. The hook's entry
runs on the staged files its `files` pattern and `types: [text]` select.
Each must report the known finding and fail, and pass on a clean file.

Usage: integrations.py CLAIMCHECK SOURCE_DIR"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("integrations: skipped, python3-yaml is missing (tools/setup installs it)")
    sys.exit(77)

BIN = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
ACTION_DIR = os.path.join(SRC, "tools", "action")

DRAFT = """---
date: 2025-03-19
---
# The call

Trump and Zelenskyy spoke by phone on Wednesday.

Their call lasted three hours.
"""
CLEAN = """---
date: 2025-03-19
---
# The call

Trump and Zelenskyy spoke by phone on Wednesday.

Their call lasted about an hour.
"""
CODE = "int main(void) { return 0; } /* reportedly three hours */\n"

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def git(repo, *args):
    subprocess.run(["git", "-C", repo] + list(args), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def sample_repo(tmp):
    repo = os.path.join(tmp, "repo")
    os.makedirs(os.path.join(repo, "news"))
    os.makedirs(os.path.join(repo, "src"))
    for name, text in (("news/draft.md", DRAFT), ("news/clean.md", CLEAN), ("src/x.c", CODE)):
        with open(os.path.join(repo, name), "w", encoding="utf-8") as f:
            f.write(text)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample")
    return repo


# ------------------------------------------------------------ the Action

def expand(text, ctx):
    def one(m):
        expr = m.group(1).strip()
        if expr in ctx:
            return ctx[expr]
        raise KeyError("unsupported expression in action.yml: ${{ %s }}" % expr)
    return re.sub(r"\$\{\{(.*?)\}\}", one, text)


def read_outputs(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^([A-Za-z0-9_-]+)<<(.+)$", line)
        if m:
            j = lines.index(m.group(2), i + 1)
            out[m.group(1)] = "\n".join(lines[i + 1:j])
            i = j + 1
            continue
        if "=" in line:
            k, v = line.split("=", 1)
            out[k] = v
        i += 1
    return out


def run_action(action, repo, tmp, given):
    """Runs the composite steps; returns (exit code, stdout, outputs, skipped uses)."""
    spec = action["inputs"]
    for k in given:
        if k not in spec:
            raise KeyError("no input %s in action.yml" % k)
    ctx = {"github.action_path": ACTION_DIR}
    for k, v in spec.items():
        ctx["inputs." + k] = str(given.get(k, v.get("default", "")))
    log, uses = [], []
    for n, step in enumerate(action["runs"]["steps"]):
        if "uses" in step:
            uses.append((step["uses"], step.get("if", ""), {k: expand(str(v), ctx)
                         for k, v in step.get("with", {}).items()}))
            continue
        if step.get("shell") != "bash":
            raise ValueError("step %d: shell must be bash" % n)
        env = dict(os.environ)
        outfile = os.path.join(tmp, "output-%d" % n)
        open(outfile, "w").close()
        env.update({"GITHUB_OUTPUT": outfile, "GITHUB_ACTION_PATH": ACTION_DIR,
                    "GITHUB_WORKSPACE": repo, "RUNNER_TEMP": tmp, "GITHUB_ACTIONS": "true"})
        for k, v in step.get("env", {}).items():
            env[k] = expand(str(v), ctx)
        script = os.path.join(tmp, "step-%d.sh" % n)
        with open(script, "w", encoding="utf-8") as f:
            f.write(expand(step["run"], ctx))
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                           cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        log.append(p.stdout)
        for k, v in read_outputs(outfile).items():
            if "id" in step:
                ctx["steps.%s.outputs.%s" % (step["id"], k)] = v
        if p.returncode != 0:
            return p.returncode, "".join(log), ctx, uses
    return 0, "".join(log), ctx, uses


def test_action(tmp):
    with open(os.path.join(ACTION_DIR, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    check(action["runs"]["using"] == "composite", "action: a composite action")
    for name in ("paths", "rules", "config", "format", "fail-on", "diff", "upload-sarif"):
        check(name in action["inputs"], "action: input %s" % name)
    repo = sample_repo(tmp)

    rc, out, ctx, uses = run_action(action, repo, tmp, {"paths": "news", "claimcheck": BIN})
    check(rc == 1, "action (github, a folder): fails on the contradiction (exit %d)" % rc)
    check(re.search(r"^::error file=news/draft\.md,line=8,", out, re.M) is not None,
          "action: a workflow annotation for news/draft.md line 8")
    check("clean.md" not in out, "action: nothing on the clean file")
    check("x.c" not in out, "action: a folder means its text files (not src/x.c)")
    check(ctx.get("steps.run.outputs.exit-code") == "1", "action: output exit-code 1")
    check([u for u in uses if u[0].startswith("github/codeql-action/upload-sarif")],
          "action: has the SARIF upload step")

    rc, out, _, _ = run_action(action, repo, tmp, {"paths": "news/clean.md", "claimcheck": BIN})
    check(rc == 0, "action: passes on the clean file (exit %d)" % rc)

    # no claimcheck input: the one on PATH (the build branch is not run here)
    saved = os.environ["PATH"]
    os.environ["PATH"] = os.path.dirname(BIN) + os.pathsep + saved
    try:
        rc, out, ctx, _ = run_action(action, repo, tmp, {"paths": "news"})
    finally:
        os.environ["PATH"] = saved
    check(rc == 1 and ctx.get("steps.bin.outputs.path") == os.path.join(os.path.dirname(BIN),
                                                                        "claimcheck"),
          "action: without the claimcheck input, the one on PATH")

    rc, out, _, _ = run_action(action, repo, tmp, {"paths": "news/clean.md", "claimcheck": BIN,
                                                   "fail-on": "bogus"})
    check(rc == 2, "action: a bad fail-on is a usage error (exit %d)" % rc)

    sarif = os.path.join(tmp, "out.sarif")
    rc, out, ctx, uses = run_action(action, repo, tmp, {
        "paths": "news/draft.md news/clean.md", "format": "sarif", "sarif-file": sarif,
        "upload-sarif": "true", "claimcheck": BIN})
    check(rc == 1, "action (sarif): fails on the contradiction (exit %d)" % rc)
    with open(sarif, encoding="utf-8") as f:
        doc = json.load(f)
    rules = [r["ruleId"] for run in doc["runs"] for r in run["results"]]
    check("contradiction.figure" in rules, "action (sarif): the SARIF file holds the finding")
    check(uses and uses[0][2].get("sarif_file") == sarif,
          "action (sarif): the upload step gets the file")

    # --diff through the Action: the contradiction is old, a new line is not
    with open(os.path.join(repo, "news/draft.md"), "a", encoding="utf-8") as f:
        f.write("\nThe call covered air defence.\n")
    rc, out, _, _ = run_action(action, repo, tmp, {"paths": "news", "diff": "HEAD",
                                                   "claimcheck": BIN})
    check(rc == 0 and "::error" not in out,
          "action (diff: HEAD): the old contradiction is not reported (exit %d)" % rc)
    git(repo, "checkout", "--", "news/draft.md")


# ------------------------------------------------------------ the hook

def test_hook(tmp):
    with open(os.path.join(SRC, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        hooks = yaml.safe_load(f)
    hook = [h for h in hooks if h["id"] == "claimcheck"]
    check(len(hook) == 1, "hook: id claimcheck")
    hook = hook[0]
    check(hook["language"] == "system", "hook: language system (claimcheck on PATH)")
    repo = os.path.join(tmp, "hookrepo")
    os.makedirs(repo)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "test")
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(BIN) + os.pathsep + env.get("PATH", "")
    if os.path.basename(BIN) != "claimcheck":
        raise SystemExit("the binary must be called claimcheck for the hook's entry")

    def commit_with(files):
        for name, text in files.items():
            path = os.path.join(repo, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            git(repo, "add", name)
        staged = subprocess.run(["git", "-C", repo, "diff", "--cached", "--name-only"],
                                check=True, stdout=subprocess.PIPE, text=True).stdout.split()
        chosen = [s for s in staged if re.search(hook["files"], s)]
        cmd = shlex.split(hook["entry"]) + list(hook.get("args", [])) + chosen
        p = subprocess.run(cmd, cwd=repo, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        git(repo, "reset", "-q")
        return p.returncode, p.stdout, chosen

    rc, out, chosen = commit_with({"clean.md": CLEAN, "src/x.c": CODE})
    check(chosen == ["clean.md"], "hook: only text files are passed (%s)" % chosen)
    check(rc == 0, "hook: passes on a clean staged file (exit %d)" % rc)
    rc, out, chosen = commit_with({"draft.md": DRAFT})
    check(rc == 1, "hook: fails on the staged draft (exit %d)" % rc)
    check(re.search(r"^draft\.md:8:7: error: .*\[contradiction\.figure\]$", out, re.M)
          is not None, "hook: compiler-style output draft.md:8:7: error: ...")
    check("\x1b[" not in out, "hook: no colour codes")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_action(tmp)
        test_hook(tmp)
    if failures:
        print("%d failed" % len(failures))
        return 1
    print("integrations: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
