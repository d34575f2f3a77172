#!/usr/bin/env bash
# Stop the single-node Slurm that scripts/slurm/start.sh started in <work-folder>: each daemon by the
# pid in its pid file (slurmd, slurmctld, munged), TERM first, KILL after 10 s. Safe to run twice or
# when nothing was started. Leaves the folder in place (its logs help after a failure).
#
#   scripts/slurm/stop.sh <work-folder>
set -uo pipefail

[ $# -eq 1 ] || { echo "usage: $0 <work-folder>" >&2; exit 2; }
work=$1
[ -d "$work" ] || exit 0

stop() {
  local file=$1 name=$2 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  case $pid in '' | *[!0-9]*) return 0 ;; esac
  # A stale pid file may name a pid reused by another program: only stop the daemon it names.
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || { rm -f "$file"; return 0; }
  kill -TERM "$pid" 2>/dev/null || { rm -f "$file"; return 0; }
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$file"
}

stop "$work/slurmd.pid" slurmd
stop "$work/slurmctld.pid" slurmctld
stop "$work/munge/munged.pid" munged
exit 0
