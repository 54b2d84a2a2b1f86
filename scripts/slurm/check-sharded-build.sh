#!/usr/bin/env bash
# check-sharded-build.sh: builds the ci site on a real single-node Slurm cluster — training array, tracing shards,
# merge, as `atlas slurm` writes them — and checks it is byte-identical to the one-machine build in site/.
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
bash "$work/jobs.sh" || { tail -n 30 "$work"/logs/*.out >&2; exit 1; }
echo "slurm-check: jobs finished in $((SECONDS - start)) s"

diff -r site "$work/site"
for file in "$work"/cache/build/traces/*; do
    cmp "$file" "corpora/cache/build/traces/$(basename "$file")"
done
echo "slurm-check: the site and $(ls "$work"/cache/build/traces | wc -l) trace files from $shards Slurm shards are byte-identical to the one-machine build"
