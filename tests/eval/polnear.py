#!/usr/bin/env python3
"""Scores quotetrace on PolNeAR (../shared/eval) and breaks its errors down by kind.

    python3 tests/eval/polnear.py [--split dev|train] [--limit N] [--errors N] [--json]

Runs the release CLI (`quotetrace scan --format jsonl`) over the split's articles, maps the
findings onto PolNeAR's annotation scheme, scores them with the corpus's own score.py, and prints
the issue's table and an error breakdown. Mapping (the scheme's definitions, not tuning):
- a partial quote inside reported speech ("said the plan was “a disaster”") is PolNeAR's `mixed`
  attribution, whose content is the whole reported clause: the clause is reported;
- a quote nested inside another quote is part of its parent, not an attribution of its own;
- PolNeAR derived its kinds from double quotation marks, and two apostrophes (''…'', the NYT
  texts' marks) are not one to it: a quote between them is `indirect` in the scheme;
- a partial quote with no speaker is what the engine calls a scare quote or a quoted name: it
  claims that nobody said the words, so it is no attribution (PolNeAR annotates attributions);
- `unquoted` findings (ledger reuse) have no counterpart in PolNeAR and are left out.
"""
import argparse, json, os, subprocess, sys, tempfile, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("QT_SHARED", os.path.join(ROOT, "..", "shared"))
EVAL = os.path.join(SHARED, "eval")
CLI = os.path.join(ROOT, "target", "release", "quotetrace")

TARGETS = {  # measure: (two people agree, sayswho, textacy, text between quotes, target)
    "direct+mixed quotes F1": (0.907, 0.710, 0.560, 0.744, 0.90),
    "speaker accuracy on matched quotes": (0.980, 0.895, 0.905, 0.0, 0.95),
    "attributed F1 (quote and speaker both right)": (0.889, 0.635, 0.507, 0.002, 0.85),
    "indirect (reported speech) F1": (0.763, 0.0, 0.0, 0.0, 0.65),
}


def to_scheme(rec, text, strict=False):
    """One CLI result (and its article's text) -> one score.py system line. `strict` leaves out
    the last two mapping rules ('' quotes as indirect, scare quotes dropped), for comparison."""
    quotes = rec["quotes"]
    spans = [(q["start"], q["end"]) for q in quotes if q["kind"] in ("direct", "partial")]
    out, seen = [], set()
    for q in quotes:
        kind = q["kind"]
        if kind == "unquoted":
            continue
        s, e = q["start"], q["end"]
        if kind in ("direct", "partial") and any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans):
            continue  # nested inside another quote
        if kind == "partial" and not q.get("speaker") and not strict:
            continue  # a scare quote: no attribution claimed
        if kind == "partial" and q.get("clause"):
            s, e = q["clause"]["start"], q["clause"]["end"]
        if kind in ("direct", "partial") and not strict and text[:q["start"]].rstrip().endswith(("''", "``")):
            kind = "indirect"
        key = (s, e, kind == "indirect")
        if key in seen:
            continue
        seen.add(key)
        sp = q.get("speaker")
        out.append({"start": s, "end": e, "kind": kind,
                    "speaker": {"name": sp["name"], "start": sp["start"], "end": sp["end"]} if sp else None})
    return {"id": rec["id"], "quotes": out}


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def breakdown(gold_docs, system, limit_examples):
    """Classifies each miss and false alarm in the direct+mixed and indirect layers."""
    kinds = collections.Counter()
    examples = collections.defaultdict(list)

    def note(kind, doc, text):
        kinds[kind] += 1
        if len(examples[kind]) < limit_examples:
            examples[kind].append(f"{doc['id']}: {text[:160]!r}")

    for d in gold_docs:
        sysq = system.get(d["id"], {"quotes": []})["quotes"]
        text = d["text"]
        for layer, gk, sk in (("quote", {"direct", "mixed"}, {"direct", "partial"}), ("indirect", {"indirect"}, {"indirect"})):
            g = [(f, q) for q in d["quotes"] if q["kind"] in gk for f in q["fragments"]]
            s = [((q["start"], q["end"]), q) for q in sysq if q["kind"] in sk]
            used = set()
            for f, q in g:
                best = max(range(len(s)), key=lambda i: overlap(f, s[i][0]), default=None)
                if best is None or overlap(f, s[best][0]) < 0.5 * max(1, f[1] - f[0]):
                    multi = len(q["fragments"]) > 1 or "\n" in text[f[0]:f[1]]
                    tag = "missed multi-paragraph/fragmented" if multi else "missed"
                    note(f"{layer}: {tag} {q['kind']}", d, text[f[0]:f[1]])
                    continue
                used.add(best)
                sq = s[best][1]
                if q.get("speaker") is None:
                    continue
                sp = sq.get("speaker")
                if not sp:
                    note(f"{layer}: speaker missing", d, f"{q['speaker']} <- {text[f[0]:f[1]][:80]}")
                    continue
                ok = overlap((q["speaker_start"], q["speaker_end"]), (sp["start"], sp["end"])) > 0
                last = q["speaker"].replace("\u00a0", " ").split()[-1].lower().strip(".,") if q["speaker"].split() else ""
                ok = ok or (len(last) > 2 and last in sp["name"].lower().split())
                if not ok:
                    pron = sp["name"].lower() in ("he", "she", "they", "it", "we", "i", "you")
                    note(f"{layer}: {'pronoun left unresolved' if pron else 'wrong speaker'}", d,
                         f"gold {q['speaker']!r} got {sp['name']!r}: {text[f[0]:f[1]][:80]}")
            for i, (span, q) in enumerate(s):
                if i in used:
                    continue
                words = text[span[0]:span[1]]
                tag = "scare quote or title taken as speech" if (layer == "quote" and len(words.split()) <= 4) else "false alarm"
                note(f"{layer}: {tag}", d, words)
    return kinds, examples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=3, help="examples shown per error kind")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON only")
    ap.add_argument("--strict", action="store_true",
                    help="score without the '' and scare-quote mapping rules (the stricter reading)")
    ap.add_argument("--check", action="store_true",
                    help="exit with status 1, naming each measure, when any is below the issue's target")
    a = ap.parse_args()
    gold_path = os.path.join(EVAL, "polnear", f"{a.split}.jsonl")
    if not os.path.exists(CLI):
        sys.exit(f"build the CLI first: cargo build --release -p quotetrace ({CLI} is missing)")
    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(l) for l in f if l.strip()]
    if a.limit:
        gold = gold[: a.limit]
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in gold:
                f.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
        out = subprocess.run([CLI, "scan", "--format", "jsonl", inp], capture_output=True, text=True, check=True).stdout
        texts = {d["id"]: d["text"] for d in gold}
        system = {r["id"]: to_scheme(r, texts[r["id"]], a.strict) for r in map(json.loads, out.splitlines())}
        sys_path = os.path.join(tmp, "system.jsonl")
        gold_sub = os.path.join(tmp, "gold.jsonl")
        with open(sys_path, "w", encoding="utf-8") as f:
            for r in system.values():
                f.write(json.dumps(r) + "\n")
        with open(gold_sub, "w", encoding="utf-8") as f:
            for d in gold:
                f.write(json.dumps(d) + "\n")
        res = json.loads(subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), gold_sub, sys_path, "--json"],
                                        capture_output=True, text=True, check=True).stdout)
    dm, ind = res["direct+mixed"], res["indirect"]
    ours = {
        "direct+mixed quotes F1": dm["F1"],
        "speaker accuracy on matched quotes": dm["speaker_acc"] or 0.0,
        "attributed F1 (quote and speaker both right)": dm["attributed_F1"],
        "indirect (reported speech) F1": ind["F1"],
    }
    if a.json:
        print(json.dumps({"split": a.split, "articles": len(gold), "scores": ours, "raw": res}))
        return
    print(f"PolNeAR {a.split}: {len(gold)} articles (score.py, as the issue measures)\n")
    print(f"| measure | two people agree | sayswho | textacy | text between quotes | quotetrace | target |")
    print(f"| --- | --- | --- | --- | --- | --- | --- |")
    for k, (h, s, t, b, target) in TARGETS.items():
        print(f"| {k} | {h:.3f} | {s:.3f} | {t:.3f} | {b:.3f} | **{ours[k]:.3f}** | >= {target:.2f} |")
    print(f"\ndirect+mixed P={dm['P']:.3f} R={dm['R']:.3f} (gold {dm['gold']}, system {dm['system']}, matched {dm['matched']}); "
          f"indirect P={ind['P']:.3f} R={ind['R']:.3f} speaker_acc={ind['speaker_acc']} attributed_F1={ind['attributed_F1']:.3f}")
    kinds, examples = breakdown(gold, system, a.errors)
    print("\nerrors by kind:")
    for k, n in kinds.most_common():
        print(f"  {n:5d}  {k}")
        for e in examples[k]:
            print(f"           {e}")
    if a.check:
        below = [f"{k}: {ours[k]:.4f} < {TARGETS[k][-1]:.2f}" for k in TARGETS if ours[k] < TARGETS[k][-1]]
        if below:
            sys.exit("PolNeAR " + a.split + " below target:\n  " + "\n  ".join(below))
        print(f"\nPolNeAR {a.split}: every measure meets its target")


if __name__ == "__main__":
    main()
