#!/usr/bin/env python3
"""Whether every event of a generated stream ends up whole in one story, and every story holds one event.

    benchmarks/stream-completeness.py CORPUS_DIR RESULT

CORPUS_DIR is a corpus of benchmarks/ingest-bench.sh (`gen_corpus`): each event's reports share a first line
(the event's title; syndicated copies keep it), which is the event's label here. RESULT is either the JSON of
`dossier analyze CORPUS_DIR --format json` or the SQLite store (`.db`) of `dossier ingest CORPUS_DIR --db DB`
(each input is found through its source key in the `sources` table, so a copy whose text the store already held
counts in the story of the stored article).
Prints: events, events complete (all reports in one story), stories, stories pure (one event), split and merged.
"""
import json
import os
import sys
from collections import defaultdict


def gold_events(corpus):
    label = {}
    for folder, _, files in os.walk(corpus):
        for name in files:
            if name.endswith(".txt"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    label[os.path.realpath(path)] = f.readline().strip()
    return label


def stories_from_analyze(result):
    doc = json.load(open(result, encoding="utf-8"))
    path_of = {a["id"]: os.path.realpath(a["path"]) for a in doc["articles"]}
    return [[path_of[i] for i in s["articleIds"]] for s in doc["stories"]]


def stories_from_store(result, corpus_paths):
    """Each input file placed in the story of the article stored for it. The store keeps one row per distinct text
    (a second copy of a stored text is recorded in `sources` against the first), so an input is found through its
    source key: the first 16 bytes of the SHA-256 of its decoded text, as ArticleKeys.Source computes it."""
    import hashlib
    import sqlite3
    db = sqlite3.connect(result)
    story_of_content = dict(db.execute("select content_key, story_id from articles"))
    content_of_source = dict(db.execute("select source_key, content_key from sources where content_key is not null"))
    members = defaultdict(list)
    for path in corpus_paths:
        with open(path, encoding="utf-8") as f:
            key = hashlib.sha256(f.read().encode("utf-8")).hexdigest()[:32]
        story = story_of_content.get(content_of_source.get(key))
        if story is not None:
            members[story].append(path)
    return list(members.values())


def main():
    corpus, result = sys.argv[1], sys.argv[2]
    label = gold_events(corpus)
    stories = stories_from_analyze(result) if result.endswith(".json") else stories_from_store(result, label.keys())
    story_of = {}
    for n, members in enumerate(stories):
        for path in members:
            story_of[path] = n
    events = defaultdict(set)
    for path, event in label.items():
        events[event].add(story_of.get(path, -1))
    complete = sum(1 for s in events.values() if len(s) == 1 and -1 not in s)
    pure = sum(1 for members in stories if len({label.get(p) for p in members}) == 1)
    missing = sum(1 for p in label if p not in story_of)
    print(f"events {len(events)}: complete {complete} ({complete / max(1, len(events)):.4f}); "
          f"stories {len(stories)}: pure {pure} ({pure / max(1, len(stories)):.4f}); reports in no story {missing}")


if __name__ == "__main__":
    main()
