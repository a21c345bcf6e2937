#!/usr/bin/env python3
"""Score the events and stories of a Timeline17 ingest against its folders.

usage: scripts/t17-ingest-scores.py DB...   (SQLite files of
`storyline --db DB ingest ../shared/eval/timeline17`)

Each article's gold group is its topic folder (MJ_bbc, bpoil_reuters, ...)
or its subject, the part of the folder name before "_" (several outlets'
folders tell one subject). Pairwise precision, recall and F1 over article
pairs, and B-cubed F1, for the stored events and for their stories; an
event naming no stored story counts as a story of its own.
"""
import collections
import sqlite3
import sys


def score(pred, gold):
    ids = list(pred)
    pc = collections.Counter(pred[i] for i in ids)
    gc = collections.Counter(gold[i] for i in ids)
    both = collections.Counter((pred[i], gold[i]) for i in ids)
    pairs = lambda c: sum(v * (v - 1) / 2 for v in c.values())
    tp, pp, gp = pairs(both), pairs(pc), pairs(gc)
    p = tp / pp if pp else 1
    r = tp / gp if gp else 1
    f = 2 * p * r / (p + r) if p + r else 0
    bp = sum(both[(pred[i], gold[i])] / pc[pred[i]] for i in ids) / len(ids)
    br = sum(both[(pred[i], gold[i])] / gc[gold[i]] for i in ids) / len(ids)
    return "P %.3f R %.3f F1 %.3f B3-F1 %.3f (%d groups)" % (p, r, f, 2 * bp * br / (bp + br), len(pc))


for db in sys.argv[1:]:
    con = sqlite3.connect(db)
    story, event, folder = {}, {}, {}
    nostory = 0
    for aid, eid, sid, origin in con.execute(
            """SELECT m.article_id, m.event_id, e.story_id, a.origin FROM event_members m
               JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = m.article_id
               LEFT JOIN stories s ON s.id = e.story_id"""):
        if not sid or con.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is None:
            nostory += 1
            sid = "event " + eid
        story[aid], event[aid] = sid, eid
        folder[aid] = origin.split("/timeline17/")[1].split("/")[0]
    subject = {a: f.split("_")[0] for a, f in folder.items()}
    print("%s: %d articles, %d in events of no stored story" % (db, len(story), nostory))
    print("  events  vs subjects", score(event, subject))
    print("  stories vs subjects", score(story, subject))
    print("  events  vs folders ", score(event, folder))
    print("  stories vs folders ", score(story, folder))
