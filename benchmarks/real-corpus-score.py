#!/usr/bin/env python3
"""Pairwise grouping score of `dossier analyze --format json` on a corpus of the benchmarks' `real-corpus` command.

    benchmarks/real-corpus-score.py RESULT.json

`real-corpus` writes each report's URL as .../story-N-K: N is the story the generator made it for, the label here.
Prints stories, generated stories, pairwise precision, recall and F1 (every pair of reports put in one story).
"""
import collections
import json
import re
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    gold = {}
    for article in result["articles"]:
        m = re.search(r"/story-(\d+)-", article.get("url") or "")
        gold[article["id"]] = m.group(1) if m else None
    tp = fp = 0
    for story in result["stories"]:
        counts = collections.Counter(gold[i] for i in story["articleIds"])
        n = len(story["articleIds"])
        same = sum(v * (v - 1) // 2 for v in counts.values())
        tp += same
        fp += n * (n - 1) // 2 - same
    gold_pairs = sum(v * (v - 1) // 2 for v in collections.Counter(gold.values()).values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"stories {len(result['stories'])} generated {len(set(gold.values()))} P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
