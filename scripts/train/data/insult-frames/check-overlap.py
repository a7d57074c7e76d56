#!/usr/bin/env python3
"""Checks that no five-word sequence of the insult-frames corpus occurs in ../shared/eval-threads or
fixtures/blind-threads 01-16 (session 24, mod24). Run from the repository root. Prints each shared sequence; exit 1 if any."""
import glob, json, re, sys
words = lambda s: re.findall(r"[a-z0-9']+", s.lower().replace('\u2019', "'"))
def grams(s, n=5):
    w = words(s)
    return {' '.join(w[i:i + n]) for i in range(len(w) - n + 1)}
ref = set()
files = glob.glob('../shared/eval-threads/*') + [f for f in glob.glob('fixtures/blind-threads/*') if re.match(r'.*/(0\d|1[0-6])_', f)]
for f in files:
    ref |= grams(open(f, encoding='utf-8', errors='replace').read())
bad = 0
for f in sys.argv[1:] or sorted(glob.glob('scripts/train/data/insult-frames/*.jsonl')):
    for line in open(f, encoding='utf-8'):
        t = json.loads(line)['text']
        hit = grams(t) & ref
        if hit:
            bad += 1
            print(f, sorted(hit), t)
print(f'{len(files)} reference files; {bad} corpus rows share a five-word sequence')
sys.exit(1 if bad else 0)
