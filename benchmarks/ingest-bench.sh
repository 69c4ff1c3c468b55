#!/usr/bin/env bash
# Ingest benchmark for the storage layer (docs/storage.md, "Figures").
#   benchmarks/ingest-bench.sh [N=100000] [WORKDIR=/tmp/dossier-ingest-bench]
# Generates N news-like articles (seeded, our own templates: see gen_corpus below), then measures
#   1. a first `dossier ingest` into a fresh SQLite file (articles/s),
#   2. a second ingest of the same inputs (must add 0 rows; time as a fraction of the first).
# Needs python3 and a Release build of src/Dossier.Cli (built here).
set -euo pipefail

cached_corpus() {
  # cached_corpus N WORKDIR: prints WORKDIR/corpus-N, generating it first unless a finished one is there.
  local corpus="$2/corpus-$1"
  if [ ! -f "$corpus.done" ]; then
    rm -rf "$corpus"
    gen_corpus "$1" "$corpus" >&2
    touch "$corpus.done"
  fi
  echo "$corpus"
}

release_cli() {
  # release_cli ROOT: builds the CLI in Release and prints the path of dossier.dll.
  dotnet build "$1/src/Dossier.Cli" -c Release -v q -nologo >/dev/null
  echo "$1/src/Dossier.Cli/bin/Release/net10.0/dossier.dll"
}

gen_corpus() {
  # gen_corpus N DIR: N articles about N/3 invented events, 1-6 reports each, ~10% syndicated copies in other
  # page chrome. Deterministic (seed 7). Files are spread over folders of 1000.
  python3 - "$1" "$2" <<'PY'
import os, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
# Event-specific vocabulary (invented names of people, places, projects) dominates each text, as names and
# numbers do in real reports of different events; the connecting words are few and short.
syll = ["ka","ro","mi","tu","le","sa","no","ve","da","ri","po","lu","be","zo","ga","ni","te","mo","fa","ki"]
def word(k):
    return "".join(rng.choice(syll) for _ in range(k)).capitalize()
outlets = ["Harbour Gazette","Ridge Observer","Delta Courier","Meridian Post","Summit Daily","Plains Herald","Northern Ledger",
           "Isthmus Times","Lagoon Express","Basin Chronicle","Coastal Monitor","Valley Record"]
verbs = ["signed a deal on","met to talk about","set aside money for","held a vote on","sent aid for","began work on",
         "put a ban on","made a plan for"]
months = ["January","February","March","April","May","June","July","August","September","October","November","December"]
made = 0; event = 0
while made < n:
    event += 1
    a, b, city, proj, chief, aide = word(3), word(3), word(3), word(4), word(3) + " " + word(3), word(2) + " " + word(3)
    verb = rng.choice(verbs)
    num, num2 = rng.randint(2, 900), rng.randint(2, 90)
    month = rng.randrange(12); day = rng.randint(1, 28)
    facts = [f"{a} and {b} {verb} the {proj} plan in {city} on {months[month]} {day}, 2026.",
             f"{chief} said the {proj} plan will cost {num} million and take {num2} months.",
             f"\"We did it for the {proj} farms and the {city} port,\" {chief.split()[1]} said.",
             f"{aide} of {b} said {b} will set up a {proj} desk in {city}.",
             f"The {proj} plan was first put to {a} by {aide} in {rng.choice(months)} 2025.",
             f"{a} will pay for {num2} new {word(3).lower()} rigs near {city}, {aide} said."]
    reports = rng.randint(1, 6)
    base = None
    for r in range(reports):
        if made >= n: break
        outlet = rng.choice(outlets)
        if base is not None and rng.random() < 0.1:
            body, title = base
            text = (f"{title}\n\n\n{body} - {base_outlet}/Wire\n\n \n\nShare this story with a friend!\n{a} , {b} , {proj}\n\n"
                    f"Next In World News\n\n" + "\n".join(f"{word(3)} and {word(3)} {rng.choice(verbs)} the {word(4)} plan" for _ in range(4)) + "\n\nOthers Also Read\n")
        else:
            sentences = facts[:1] + rng.sample(facts[1:], rng.randint(2, 5))
            title = f"{a} and {b} {verb} the {proj} plan"
            body = f"{city.upper()}: " + "\n\n".join(sentences)
            if base is None:
                base, base_outlet = (body, title), outlet
            text = f"{title}\n\n{body} - {outlet}\n"
        folder = os.path.join(out, f"{made // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{made:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        made += 1
print(f"generated {made} articles about {event} events in {out}", file=sys.stderr)
PY
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  N=${1:-100000}
  WORK=${2:-/tmp/dossier-ingest-bench}
  ROOT=$(cd "$(dirname "$0")/.." && pwd)
  mkdir -p "$WORK"
  if [[ ! -f "$WORK/corpus-$N.done" ]]; then
    rm -rf "$WORK/corpus"
    gen_corpus "$N" "$WORK/corpus"
    touch "$WORK/corpus-$N.done"
  fi
  dotnet build "$ROOT/src/Dossier.Cli" -c Release -v q -nologo >/dev/null
  CLI="$ROOT/src/Dossier.Cli/bin/Release/net10.0/dossier.dll"
  rm -f "$WORK/bench.db" "$WORK/bench.db-wal" "$WORK/bench.db-shm"
  # Wall and CPU time of each run (CPU time says what an idle machine would do when the machine is shared).
  python3 - "$N" "$CLI" "$WORK" <<'PY'
import resource, sqlite3, subprocess, sys, time
n, cli, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def rows():
    c = sqlite3.connect(f"{work}/bench.db")
    return sum(c.execute(f"select count(*) from {t}").fetchone()[0] for t in ["articles", "sources", "stories", "claims", "evidence"])
def run():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    subprocess.run(["dotnet", cli, "ingest", f"{work}/corpus", "--db", f"{work}/bench.db", "--verbose"], check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.monotonic() - t, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
wall1, cpu1 = run(); rows1 = rows()
wall2, cpu2 = run(); rows2 = rows()
print(f"first ingest: {n} articles in {wall1:.1f} s wall = {n / wall1:,.0f} articles/s; CPU {cpu1:.1f} s = {n / cpu1:,.0f} articles per CPU-second")
print(f"re-ingest:    {wall2:.1f} s wall = {wall2 / wall1:.3f} of the first run; rows added: {rows2 - rows1}")
PY
fi
