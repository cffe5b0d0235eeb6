#!/usr/bin/env python3
"""Figures per kind, per wording style, per refusal and per safety route, from the eval verb's per-question rows.

    python3 eval/groups.py result.json eval/qa-tuning.jsonl eval/qa-heldout.jsonl ../shared/eval/qa-dev.jsonl
        result.json is `eval ... --json result.json` (its sets are named by file stem)
    python3 eval/groups.py --verbose out-qa-heldout.txt eval/qa-heldout.jsonl
        out-*.txt is the `--verbose` table of an older eval verb (before issue 13: no --json rows)

Definitions are the eval verb's: hit = answerable question (safety included) answered citing an expected key or
routed as expected; false refusal = answerable question declined (not covered / outside the domain); refusal
accuracy = unanswerable question declined or refused; routed = safety question given the expected safety answer.
"""
import json, re, sys
from pathlib import Path

DECLINED = {"NotCovered", "OutOfDomain"}


def load(path):
    return {q["id"]: q for q in (json.loads(l) for l in open(path, encoding="utf-8") if l.strip())}


def groups(rows, questions):
    out = {}
    for r in rows:
        q = questions[r["id"]]
        keys = ["all", "kind:" + q["kind"]]
        if "style" in q:
            keys.append("style:" + q["style"])
        if q["kind"] == "out-of-scope" and "refusal" in q:
            keys.append("refusal:" + q["refusal"])
        if q["kind"] == "safety" and "safety" in q:
            keys.append("safety:" + q["safety"])
        for k in keys:
            out.setdefault(k, []).append((q, r))
    return out


def figures(items):
    answerable = [r for q, r in items if q["answerable"]]
    unanswerable = [r for q, r in items if not q["answerable"]]
    # The old verb's --verbose rows do not say which safety answer was given: no routing figure from them.
    safety = [r for q, r in items if q["kind"] == "safety" and "concern" in r]
    share = lambda rs, f: sum(1 for r in rs if f(r)) / len(rs) if rs else None
    return {
        "n": len(items),
        "hit": share(answerable, lambda r: r["ok"]),
        "false_refusals": share(answerable, lambda r: r["answer_kind"] in DECLINED),
        "refusal_accuracy": share(unanswerable, lambda r: r["answer_kind"] in DECLINED | {"Refused"}),
        "routed": share(safety, lambda r: r["ok"]),
    }


def verbose_rows(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\S+)\s+(\S+)\s+(hit|MISS|ok|ANS|FAIL)\s+\S+\s+(\S+)", line)
        if m and m.group(1) != "id":
            rows.append({"id": m.group(1), "ok": m.group(3) in ("hit", "ok"), "answer_kind": m.group(4)})
    return rows


def table(name, rows, questions):
    print(f"## {name}\n")
    print("| group | n | hit | false refusals | refusal accuracy | safety routed |\n| --- | --- | --- | --- | --- | --- |")
    fmt = lambda v: "—" if v is None else f"{v:.3f}"
    grouped = groups(rows, questions)
    for key in sorted(grouped, key=lambda k: (k != "all", k.split(":")[0], k)):
        f = figures(grouped[key])
        print(f"| {key} | {f['n']} | {fmt(f['hit'])} | {fmt(f['false_refusals'])} | {fmt(f['refusal_accuracy'])} | {fmt(f['routed'])} |")
    print()


if __name__ == "__main__":
    if sys.argv[1] == "--verbose":
        table(Path(sys.argv[3]).stem, verbose_rows(sys.argv[2]), load(sys.argv[3]))
    else:
        result = json.load(open(sys.argv[1], encoding="utf-8"))
        for path in sys.argv[2:]:
            name = Path(path).stem
            table(name, (result if "rows" in result else result[name])["rows"], load(path))
