#!/usr/bin/env bash
# check-manifests.sh: writes the ci build's Kubernetes Jobs with `atlas kubernetes` and validates them offline
# against the Kubernetes API's own JSON schemas (PyPI's kubernetes-validate; --strict rejects unknown fields).
# No cluster is needed; a real one is the lab's (README, "Sharded builds").
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${ATLAS_K8S_WORK:-/tmp/atlas-kubernetes}
venv=$work/venv
if [ ! -x "$venv/bin/kubernetes-validate" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q kubernetes-validate==1.37.0
fi
rm -rf "$work/manifests"
.build/release/atlas kubernetes --profile ci --image attention-atlas:ci --cache-dir /shared/cache --shards 3 \
    --manifests "$work/manifests"
# The schema has no list of completion modes, so the Indexed ones are checked here.
[ "$(grep -c 'completionMode: Indexed' "$work"/manifests/1-train.yaml "$work"/manifests/2-trace.yaml | grep -c ':1$')" = 2 ]
"$venv/bin/kubernetes-validate" --strict -k 1.37 "$work"/manifests/*.yaml
bash -n "$work/manifests/run.sh"
echo "k8s-check: the three Jobs validate against the Kubernetes 1.37 schemas"
