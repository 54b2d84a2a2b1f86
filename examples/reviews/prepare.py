#!/usr/bin/env python3
"""Writes a small three-label review corpus (CSV) for the worked example of the README's "Your own corpus".

The sentences are a few hundred of each split, evenly spaced through it, of the Stanford Sentiment Treebank (the project's default
corpus, found as `atlas` finds it: $ATLAS_DATA, else ../shared/corpora, else corpora/cache), their five classes
folded to negative / neutral / positive. Nothing is committed: the files are written to examples/reviews/data/.
Replace them with your own CSV of `id,text,label` rows and keep site.yml.

    python3 examples/reviews/prepare.py            # 2,000 / 300 / 500 sentences
    python3 examples/reviews/prepare.py --train 2000
"""
import argparse
import csv
import os
import sys

LABELS = ["negative", "negative", "neutral", "positive", "positive"]


def leaves(tree):
    """The words of a PTB-style tree such as (3 (2 The) (4 good)) → ['The', 'good']: the tokens right before a ")"
    that do not follow a "(" (those are labels)."""
    tokens = tree.replace("(", " ( ").replace(")", " ) ").split()
    return [t for i, t in enumerate(tokens)
            if t not in "()" and tokens[i - 1] != "(" and i + 1 < len(tokens) and tokens[i + 1] == ")"]


def detokenise(words):
    """Treebank tokens back to plain text, as a user's file would hold it."""
    text = " ".join(words)
    for a, b in [(" 's", "'s"), (" n't", "n't"), (" 're", "'re"), (" 've", "'ve"), (" 'll", "'ll"), (" 'd", "'d"),
                 (" 'm", "'m"), (" ,", ","), (" .", "."), (" !", "!"), (" ?", "?"), (" ;", ";"), (" :", ":"),
                 ("`` ", '"'), (" ''", '"'), ("-LRB- ", "("), (" -RRB-", ")"), ("\\/", "/"), ("\\*", "*")]:
        text = text.replace(a, b)
    return text


def find_sst():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    candidates = [os.environ.get("ATLAS_DATA", ""), os.path.join(root, "..", "shared", "corpora"),
                  os.path.join(root, "corpora", "cache")]
    for folder in candidates:
        if folder and os.path.exists(os.path.join(folder, "sst", "train.txt")):
            return os.path.join(folder, "sst")
    sys.exit("prepare.py: the SST files (sst/train.txt, dev.txt, test.txt) were not found in $ATLAS_DATA, "
             "../shared/corpora or corpora/cache; run `atlas data fetch` first")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=int, default=2000)
    parser.add_argument("--dev", type=int, default=300)
    parser.add_argument("--test", type=int, default=500)
    args = parser.parse_args()
    sst = find_sst()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out, exist_ok=True)
    for split, count in [("train", args.train), ("dev", args.dev), ("test", args.test)]:
        with open(os.path.join(sst, f"{split}.txt"), encoding="utf-8") as f:
            every = [line.strip() for line in f if line.strip()]
        # The treebank's files are ordered by label in places: take sentences evenly spaced through the split.
        trees = [every[i * len(every) // count] for i in range(min(count, len(every)))]
        with open(os.path.join(out, f"{split}.csv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["id", "text", "label"])
            for i, tree in enumerate(trees, 1):
                writer.writerow([f"{split}-{i}", detokenise(leaves(tree)), LABELS[int(tree[1])]])
        print(f"{out}/{split}.csv: {len(trees)} sentences")


if __name__ == "__main__":
    main()
