#!/bin/sh
# The images' entry point: sizes V8's heap from the container's memory limit, then execs the
# command (CMD: node main.js), which stays PID 1 and gets SIGTERM itself.
#
# The limit is read from cgroup v2 (memory.max, "max" when there is none), else cgroup v1
# (memory/memory.limit_in_bytes, a huge number when there is none). With a limit of L MiB:
#   --max-semi-space-size  16 MiB from 384 MiB, 8 MiB from 256 MiB (else V8's default). A page's
#                          objects live as long as the page is in flight; with smaller semi-spaces
#                          scavenges copy and promote them before they die (8 MiB cost a BFF about
#                          a quarter more CPU per page than 16 under one CPU); 32 MiB saved another
#                          10–20 % but took the pod's peak RSS past 300 MB (docs/performance.md);
#   --max-old-space-size   3/4 of L minus the young generation (3 semi-spaces), so the heap, code,
#                          buffers and native memory stay inside the limit.
# 384 MiB (a BFF pod) gives 240 + 3 × 16 MiB; 512 MiB (core-api) 336 + 3 × 16 MiB. A flag already
# in NODE_OPTIONS wins. NODE_HEAP_CGROUP_DIR (default /sys/fs/cgroup) is for testing this script;
# `npm run bench` derives its memory and production rows' flags by running it.
set -eu

dir="${NODE_HEAP_CGROUP_DIR:-/sys/fs/cgroup}"
limit=""
if [ -r "$dir/memory.max" ]; then
  limit=$(cat "$dir/memory.max")
elif [ -r "$dir/memory/memory.limit_in_bytes" ]; then
  limit=$(cat "$dir/memory/memory.limit_in_bytes")
fi
case "$limit" in
  '' | *[!0-9]*) limit="" ;; # none, "max" or unreadable
esac

# Below 1 TiB: a real limit (cgroup v1 reports "none" as about 8 EiB).
if [ -n "$limit" ] && [ ${#limit} -le 13 ] && [ "$limit" -lt 1099511627776 ]; then
  mib=$((limit / 1048576))
  semi=0
  if [ "$mib" -ge 384 ]; then
    semi=16
  elif [ "$mib" -ge 256 ]; then
    semi=8
  fi
  old=$((mib * 3 / 4 - 3 * semi))
  flags=""
  case " ${NODE_OPTIONS:-} " in
    *" --max-old-space-size="*) ;;
    *) [ "$old" -ge 64 ] && flags="--max-old-space-size=$old" ;;
  esac
  case " ${NODE_OPTIONS:-} " in
    *" --max-semi-space-size="*) ;;
    *) [ "$semi" -gt 0 ] && flags="$flags --max-semi-space-size=$semi" ;;
  esac
  NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }${flags# }"
  NODE_OPTIONS="${NODE_OPTIONS% }"
  export NODE_OPTIONS
fi

exec "$@"
