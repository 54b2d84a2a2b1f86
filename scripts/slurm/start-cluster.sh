#!/usr/bin/env bash
# start-cluster.sh: brings up a real single-node Slurm cluster (munged, slurmctld, slurmd) for CI.
# There is no systemd on the CI machines, so the daemons are started directly, as root, and the PIDs
# we start are written to $ATLAS_SLURM_STATE/pids so that stop-cluster.sh stops only those.
# Idempotent: if our cluster is already up it does nothing, so running it twice leaves one cluster.
set -euo pipefail

state=${ATLAS_SLURM_STATE:-/tmp/atlas-slurm}
pids=$state/pids
host=$(hostname -s)
t0=$EPOCHREALTIME
stage() { printf 'slurm: %-40s %6.2fs\n' "$1" "$(awk "BEGIN{print $EPOCHREALTIME - $t0}")"; }
# Matching the name guards against PID reuse; zombies (our PID 1 reaps slowly) do not count as alive.
alive() { [ -n "$2" ] && ps -o stat=,comm= -p "$2" 2>/dev/null | awk -v n="$1" '$1 !~ /^Z/ && $2 == n {f = 1} END {exit !f}'; }
[ "$(id -u)" -eq 0 ] || { echo "slurm: must run as root" >&2; exit 1; }

# apt may be held by a concurrent setup.sh (chromium takes minutes): retry every 10 s for up to 10 min.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    for try in $(seq 60); do
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge \
            >/dev/null && break
        [ "$try" = 60 ] && { echo "slurm: apt-get install failed for 10 min" >&2; exit 1; }
        echo "slurm: apt-get install failed (apt busy or stale lists?), retrying in 10 s" >&2
        apt-get update -qq || true; sleep 10
    done
fi
stage "packages present ($(slurmctld -V))"

if [ -f "$pids" ]; then
    ok=1
    while read -r name pid; do alive "$name" "$pid" || ok=0; done <"$pids"
    if [ $ok = 1 ] && sinfo -h -o %t 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; then
        stage "already running, nothing to do"; exit 0
    fi
    "$(dirname "$0")/stop-cluster.sh"   # half-dead leftovers of an earlier run: start from clean
fi
# Daemons we did not start (e.g. from the distro's units) would hold the ports; refuse, never kill them.
if ps -eo stat=,comm= | awk '$1 !~ /^Z/ && ($2 == "slurmctld" || $2 == "slurmd") {f = 1} END {exit !f}'; then
    echo "slurm: slurmctld/slurmd already running but not started by this script; stop them first" >&2; exit 1
fi
mkdir -p "$state"; : >"$pids"

# munged refuses keys that are readable by others or not owned by its user.
install -d -o munge -g munge -m 0700 /etc/munge
install -d -o munge -g munge -m 0755 /run/munge /var/lib/munge /var/log/munge
if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key --force
fi
chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
# Reuse a munged that already answers (e.g. the distro's); otherwise start our own as the munge user.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    rm -f /run/munge/munged.pid
    runuser -u munge -- munged
    echo "munged $(cat /run/munge/munged.pid)" >>"$pids"
fi
munge -n | unmunge >/dev/null
stage "munge up"

# slurmd refuses to register if the configured memory exceeds what it finds, so stay ~5% below it.
mem=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
mem=${mem:-$(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo)}
addr=""; getent hosts "$host" >/dev/null || addr="(127.0.0.1)"   # hostname may not resolve in containers
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
cat >/etc/slurm/slurm.conf <<EOF
# Written by scripts/slurm/start-cluster.sh: a single-node CI cluster; edits are overwritten.
ClusterName=atlas-ci
SlurmctldHost=$host$addr
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# CR_CPU rather than CR_Core: with hyper-threads CR_Core hands each 1-CPU task a whole core.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# Slurm holds batch jobs up to 3 s before scheduling them (a high-throughput setting); CI wants them now.
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$host${addr:+ NodeAddr=127.0.0.1} CPUs=$(nproc) RealMemory=$((mem * 95 / 100)) State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
stage "slurm.conf written"

# -c: CI wants an empty queue, not jobs recovered from a previous run's state.
rm -f /run/slurm/slurmctld.pid /run/slurm/slurmd.pid
slurmctld -c
slurmd
for f in slurmctld slurmd; do
    for _ in $(seq 50); do [ -s /run/slurm/$f.pid ] && break; sleep 0.1; done
    echo "$f $(cat /run/slurm/$f.pid 2>/dev/null)" >>"$pids"
done
stage "slurmctld and slurmd started"

for _ in $(seq 120); do
    if [ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ]; then
        stage "node $host idle, cluster ready"; exit 0
    fi
    sleep 0.5
done
echo "slurm: node not idle after 60 s" >&2
sinfo -N -l >&2 || true
tail -n 30 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log /var/log/munge/munged.log >&2 || true
exit 1
