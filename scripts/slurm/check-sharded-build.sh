#!/usr/bin/env bash
# check-sharded-build.sh: builds the ci site on a real single-node Slurm cluster — training array, tracing shards,
# merge, as `atlas slurm` writes them — and checks it is byte-identical to the one-machine build in site/. A tracing
# shard is cancelled midway first, and the resubmitted jobs re-run only it.
# Needs `make ci-site` first (the site and trace files to compare with); starts and stops the cluster itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=${ATLAS_SLURM_WORK:-/tmp/atlas-slurm-build}
shards=${ATLAS_SLURM_SHARDS:-3}
[ -f site/index.html ] || { echo "slurm-check: site/ missing; run make ci-site first" >&2; exit 1; }

bash scripts/slurm/start-cluster.sh
trap 'bash "$root/scripts/slurm/stop-cluster.sh"' EXIT

# A cache of its own, so every model is trained and every example traced again by the cluster; the downloads
# (GloVe, lexicons, MiniLM, Python packages) are shared read-only.
rm -rf "$work"; mkdir -p "$work/cache"
for name in glove lexicons models pip pylib; do
    [ -e "corpora/cache/$name" ] && ln -s "$root/corpora/cache/$name" "$work/cache/$name"
done
# One thread a task: the two cores run two tasks at once, as a cluster's nodes would.
.build/release/atlas slurm --profile ci --cache-dir "$work/cache" --threads 1 --shards "$shards" \
    --out "$work/site" --logs "$work/logs" --wait --sbatch-option=--partition=ci > "$work/jobs.sh"
start=$SECONDS
# A fault first: tracing shard 1 is cancelled while it runs, which cancels the merge (afterok); the script must fail.
bash "$work/jobs.sh" > "$work/first.out" 2>&1 &
submitted=$!
until trace=$(sed -n 's/^atlas: tracing \([0-9]*\) .*/\1/p' "$work/first.out") && [ -n "$trace" ]; do sleep 1; done
until [ "$(squeue -h -j "${trace}_1" -o %t 2>/dev/null)" = R ]; do sleep 1; done
sleep 3
scancel "${trace}_1"
echo "slurm-check: cancelled tracing shard ${trace}_1 while it ran"
if wait "$submitted"; then echo "slurm-check: the jobs succeeded with a shard cancelled" >&2; exit 1; fi
grep -q "ended CANCELLED" "$work/first.out" || { cat "$work/first.out" >&2; exit 1; }
echo "slurm-check: the merge was cancelled with it, after $((SECONDS - start)) s"
# The same script again: every model and the two finished shards are found in the cache, shard 1 alone is traced.
again=$SECONDS
bash "$work/jobs.sh" || { tail -n 30 "$work"/logs/*.out >&2; exit 1; }
grep -q "trace shard 0/$shards cached" "$work/logs/trace-0.out"
grep -q "trace shard 1/$shards, " "$work/logs/trace-1.out"
echo "slurm-check: resubmitted, finished in $((SECONDS - again)) s (shard 1 re-run alone); $((SECONDS - start)) s in all"

diff -r site "$work/site"
for file in "$work"/cache/build/traces/*; do
    cmp "$file" "corpora/cache/build/traces/$(basename "$file")"
done
echo "slurm-check: the site and $(ls "$work"/cache/build/traces | wc -l) trace files from $shards Slurm shards are byte-identical to the one-machine build"
