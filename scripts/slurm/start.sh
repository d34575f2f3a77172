#!/usr/bin/env bash
# Start a single-node Slurm (munged, slurmctld, slurmd) from the Debian packages, without systemd,
# with everything — config, munge key and socket, state, spool, logs, pid files — in one work folder.
# Installs nothing: the packages are `slurmctld slurmd slurm-client munge` (.ci/run installs them).
#
#   scripts/slurm/start.sh <work-folder>          # then: export SLURM_CONF=<work-folder>/slurm.conf
#   scripts/slurm/stop.sh <work-folder>           # stops the daemons by the pids in the folder
#
# Environment: SLURMCTLD_PORT (default 6817), SLURMD_PORT (default 6818), SLURM_START_TIMEOUT
# (seconds to wait for the node to be idle, default 30). Needs root (SlurmUser=root, munged runs
# as the munge user). Exit 0 when `sinfo` shows the node idle; 3 when something this script needs
# is missing (not installed, not root); 1 when a daemon failed to start (its log is printed).
# Pitfalls avoided (see CLUSTER-NOTES): proctrack/linuxproc + task/none instead of cgroups, and
# NodeName = `hostname -s`.
set -euo pipefail

usage() { echo "usage: $0 <work-folder>" >&2; exit 2; }
[ $# -eq 1 ] || usage
work=$1

export PATH="$PATH:/usr/sbin:/sbin" # the daemons live in sbin, which a non-login PATH may lack
missing() { echo "slurm/start.sh: cannot start Slurm: $*" >&2; exit 3; }
[ "$(id -u)" = 0 ] || missing "expected root (SlurmUser=root; munged runs as the munge user), got uid $(id -u)"
for tool in munged slurmctld slurmd sinfo sbatch squeue runuser; do
  command -v "$tool" >/dev/null 2>&1 ||
    missing "'$tool' not found; install the Debian packages: apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge"
done
id munge >/dev/null 2>&1 || missing "no 'munge' user (it comes with the munge package)"

ctld_port=${SLURMCTLD_PORT:-6817}
slurmd_port=${SLURMD_PORT:-6818}
timeout=${SLURM_START_TIMEOUT:-30}
node=$(hostname -s)
cpus=$(nproc)

mkdir -p "$work"
work=$(cd "$work" && pwd)
# munged runs as munge and must reach its folder: the work folder is traversable, not writable by others.
chmod 0755 "$work"
install -d -m 0755 "$work/state" "$work/spool" "$work/log"
install -d -o munge -g munge -m 0755 "$work/munge"
runuser -u munge -- test -w "$work/munge" ||
  missing "the munge user cannot reach $work/munge: every folder above it must be searchable by others (chmod o+x)"

# munge: our own key and socket, so a system munged (if any) is left alone.
if [ ! -s "$work/munge/munge.key" ]; then
  runuser -u munge -- dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
  chmod 0400 "$work/munge/munge.key"
fi
socket=$work/munge/munge.socket

cat >"$work/slurm.conf" <<EOF
# Single-node Slurm for tests (scripts/slurm/start.sh). Everything lives in $work.
ClusterName=concentric-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool/slurmd-%n
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$work/slurm.conf

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
fail() {
  echo "slurm/start.sh: $1; its log:" >&2
  tail -n 20 "$2" >&2 2>/dev/null || true
  exit 1
}

pid_alive "$work/munge/munged.pid" || runuser -u munge -- munged \
  --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" ||
  fail "munged did not start" "$work/munge/munged.log"
pid_alive "$work/slurmctld.pid" || slurmctld || fail "slurmctld did not start" "$work/log/slurmctld.log"
pid_alive "$work/slurmd.pid" || slurmd || fail "slurmd did not start" "$work/log/slurmd.log"

# Wait until the node is idle (well under a second here); no fixed sleeps.
deadline=$((SECONDS + timeout))
until [ "$(sinfo -h -o %T 2>/dev/null)" = idle ]; do
  if [ $SECONDS -ge $deadline ]; then
    echo "slurm/start.sh: the node is not idle after ${timeout}s (sinfo: $(sinfo -h -o '%T %E' 2>&1 | head -n 1))" >&2
    tail -n 10 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2 2>/dev/null || true
    exit 1
  fi
  pid_alive "$work/slurmctld.pid" || fail "slurmctld exited" "$work/log/slurmctld.log"
  pid_alive "$work/slurmd.pid" || fail "slurmd exited" "$work/log/slurmd.log"
  sleep 0.1
done
echo "export SLURM_CONF=$work/slurm.conf"
