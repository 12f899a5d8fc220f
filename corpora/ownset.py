"""Writes a labelled set in the claims-dev format (for corpora/claims-own and
corpora/claims-discourse, whose make_*.py call it): a-<id>.txt texts
(sentences joined by spaces, paragraphs by one blank line) and one
<name>.jsonl of {"doc","date","start","end","c","h","tag","text"} rows,
start/end half-open UTF-8 byte offsets."""
import json
import os

P = None


def _article(aid, date, items):
    out, rows, first = bytearray(), [], True
    for it in items:
        if it is P:
            out += b"\n\n"
            first = True
            continue
        sent, c, h, tag = it
        assert c in "CN?" and h in "HAN?" and sent == sent.strip(), (aid, sent)
        if not first:
            out += b" "
        first = False
        start = len(out)
        out += sent.encode("utf-8")
        rows.append({"doc": aid, "date": date, "start": start, "end": len(out),
                     "c": c, "h": h, "tag": tag, "text": sent})
    out += b"\n"
    return bytes(out), rows


def write(articles, outdir, name):
    os.makedirs(outdir, exist_ok=True)
    allrows = []
    for aid in sorted(articles):
        date, items = articles[aid]
        text, rows = _article(aid, date, items)
        with open(os.path.join(outdir, "a-%s.txt" % aid), "wb") as f:
            f.write(text)
        allrows.extend(rows)
    with open(os.path.join(outdir, name + ".jsonl"), "w", encoding="utf-8") as f:
        for r in allrows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
