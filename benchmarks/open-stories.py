#!/usr/bin/env python3
"""A stream with many stories open at once, from a generated corpus (benchmarks/ingest-bench.sh `gen_corpus`).

    benchmarks/open-stories.py CORPUS_DIR OUT_DIR [OPEN=5000]

The generated corpus gives each event a random day of 2026 and writes its reports one after another. Here each
event gets a new day so that about OPEN events fall in every week (the date in its first sentence is rewritten),
and the reports of each week are shuffled together (seeded), so that the stream is in time order week by week
while the reports of about OPEN events are interleaved: each of those stories is open (has reports before and
after) at once. Writes the reports to OUT_DIR in stream order (folders of 1000, as the generator does) and prints
the largest number of events open at one point of the stream. benchmarks/stream-completeness.py scores the
result as for the generated corpus (events are labelled by their title line, which is kept).
"""
import datetime
import os
import random
import re
import sys

corpus, out = sys.argv[1], sys.argv[2]
open_target = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
rng = random.Random(11)

reports = []
for folder, _, files in sorted(os.walk(corpus)):
    for name in sorted(files):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                reports.append(f.read())

events = {}
for text in reports:
    events.setdefault(text.split("\n", 1)[0], []).append(text)
titles = list(events)

# About open_target events per week: the span in days that spreads the events that thin.
weeks = max(1, len(titles) // open_target)
start = datetime.date(2026, 1, 5)
date_pattern = re.compile(r"on (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 2026")
day_of = {}
for i, title in enumerate(titles):
    day_of[title] = start + datetime.timedelta(days=(i * weeks * 7) // len(titles))

stream = []
for title in titles:
    day = day_of[title]
    written = f"on {day.strftime('%B')} {day.day}, 2026"
    for text in events[title]:
        stream.append(((day - start).days // 7, rng.random(), date_pattern.sub(written, text, count=1), title))
stream.sort(key=lambda r: (r[0], r[1]))

first, last = {}, {}
for position, (_, _, _, title) in enumerate(stream):
    first.setdefault(title, position)
    last[title] = position
opening = sorted(first.values())
closing = sorted(last.values())
most = now = j = 0
for position in opening:
    while j < len(closing) and closing[j] < position:
        now -= 1
        j += 1
    now += 1
    most = max(most, now)

for n, (_, _, text, _) in enumerate(stream):
    folder = os.path.join(out, f"{n // 1000:04d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{n:07d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
print(f"{len(stream)} reports of {len(titles)} events over {weeks} weeks; at most {most} events open at once", file=sys.stderr)
