#!/usr/bin/env bash
# API benchmark (issue 3): 100,000 candidates and 200,000 applications in SQLite, 32 connections, server and load
# generator pinned to different cores. Prints a Markdown table for docs/benchmarks.md.
# Needs wrk (apt-get install -y wrk). Usage: tools/bench.sh [seconds per scenario, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
work=$(mktemp -d /tmp/ats-bench.XXXX)
port=5099
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

dotnet build Ats.Web -c Release --nologo -v quiet
dotnet build tools/Ats.Benchmarks -c Release --nologo -v quiet
dotnet tools/Ats.Benchmarks/bin/Release/net10.0/Ats.Benchmarks.dll "$work/bench.db" "$work"
token=$(cat "$work/token")

ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Ats="Data Source=$work/bench.db" Ats__BenchmarkCeiling=true \
Ats__RateLimits__PerTokenPerMinute=1000000000 Ats__RateLimits__PerIpPerMinute=1000000000 Logging__LogLevel__Default=Warning \
  taskset -c 0 dotnet Ats.Web/bin/Release/net10.0/Ats.Web.dll --urls "$base" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "$base/bench/ceiling?bytes=100" && break; sleep 1; done

auth="Authorization: Bearer $token"
# The scenarios' paths come from the seeder (RestSeed.Scenarios), which a test in Ats.Tests/Benchmarks also runs.
scenario() { awk -v n="$1" '$1==n {print $2}' "$work/scenarios"; }
list="$base$(scenario list)"
filtered="$base$(scenario filtered)"
search="$base$(scenario search)"
size=$(curl -s -H "$auth" -o /dev/null -w '%{size_download}' "$list")
ceiling="$base/bench/ceiling?bytes=$size"

# PATCH rotates over 1,000 applications and always changes the value, so every request is a real write with an audit entry.
{
  echo 'local ids = {}'
  while read -r id; do echo "ids[#ids+1] = \"$id\""; done < "$work/application-ids"
  cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = '{"rejection_reason":"benchmark ' .. n .. '"}'
  return wrk.format("PATCH", "/xapi2/data/application/" .. ids[(n % #ids) + 1], nil, body)
end
LUA
} > "$work/patch.lua"

run() { # name url [lua]
  local script=()
  [ -n "${3:-}" ] && script=(-s "$3")
  taskset -c 1 wrk -t1 -c32 -d5s -H "$auth" -H 'Content-Type: application/json' "${script[@]}" "$2" > /dev/null # warm-up
  taskset -c 1 wrk -t1 -c32 -d"${duration}s" --latency -H "$auth" -H 'Content-Type: application/json' "${script[@]}" "$2" > "$work/$1.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$1.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/$1.txt")
  echo "$1|$rps|$p50|$p99|${errors:-0}"
}

results=$(
  run ceiling "$ceiling"
  run list "$list"
  run filtered "$filtered"
  run search "$search"
  run patch "$base/xapi2/data/application/x" "$work/patch.lua"
)
ceiling_rps=$(echo "$results" | awk -F'|' '$1=="ceiling" {print $2}')
echo "| scenario | requests/s | share of ceiling | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
echo "$results" | awk -F'|' -v c="$ceiling_rps" '{ printf "| %s | %.0f | %.2f | %s | %s | %s |\n", $1, $2, $2 / c, $3, $4, $5 }'
echo
echo "Response size of the list call (and of the ceiling body): $size bytes; $duration s per scenario after a 5 s warm-up."
