#!/usr/bin/env bash
# stop-cluster.sh: stops the daemons that start-cluster.sh started (and only those, by recorded PID).
# Harmless when nothing runs.
set -euo pipefail

pids=${ATLAS_SLURM_STATE:-/tmp/atlas-slurm}/pids
[ -f "$pids" ] || { echo "slurm: nothing to stop"; exit 0; }
# Matching the name guards against PID reuse; zombies (our PID 1 reaps slowly) do not count as alive.
alive() { [ -n "$2" ] && ps -o stat=,comm= -p "$2" 2>/dev/null | awk -v n="$1" '$1 !~ /^Z/ && $2 == n {f = 1} END {exit !f}'; }

# With proctrack/linuxproc, job steps outlive slurmd; cancel them while both daemons can still do it
# (if slurmd is already gone, a cancel would only hang in COMPLETING, so skip it).
pid_of() { awk -v n="$1" '$1 == n {print $2}' "$pids"; }
if alive slurmctld "$(pid_of slurmctld)" && alive slurmd "$(pid_of slurmd)" && squeue -h -o %A 2>/dev/null | grep -q .; then
    squeue -h -o %A | xargs -r scancel
    for _ in $(seq 20); do squeue -h -o %A 2>/dev/null | grep -q . || break; sleep 0.5; done
fi

# slurmd first, munged last: the slurm daemons talk to munged while they shut down.
for name in slurmd slurmctld munged; do
    pid=$(pid_of "$name")
    alive "$name" "$pid" || continue
    kill -TERM "$pid"
    for _ in $(seq 100); do alive "$name" "$pid" || break; sleep 0.1; done
    if alive "$name" "$pid"; then echo "slurm: $name ($pid) ignored SIGTERM, killing"; kill -KILL "$pid"; fi
    echo "slurm: stopped $name ($pid)"
done
rm -f "$pids"
