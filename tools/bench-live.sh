#!/usr/bin/env bash
# Live-events benchmark (issue 7): 500 WebSocket subscribers while 100 writes per second go through the REST API.
# Server on core 0, subscribers and writer on core 1; ATS_BENCH_PIN=0 lets both use both cores.
# Usage: tools/bench-live.sh [subscribers] [writes/s] [seconds]
set -euo pipefail
server_cpu=(taskset -c 0) client_cpu=(taskset -c 1)
[ "${ATS_BENCH_PIN:-1}" = 0 ] && server_cpu=() client_cpu=()
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/ats-bench-live.XXXX)
port=5098
base="http://127.0.0.1:$port"

dotnet build Ats.Web -c Release --nologo -v quiet
dotnet build tools/Ats.Benchmarks -c Release --nologo -v quiet

# The demo seed (its accounts sign the benchmark in) runs only in Development, by design: the server runs as Development,
# with logging kept at warnings so it costs what it would in production.
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Ats="Data Source=$work/live.db" Ats__SeedDemoData=true \
Ats__RateLimits__PerTokenPerMinute=1000000000 Ats__RateLimits__PerIpPerMinute=1000000000 Logging__LogLevel__Default=Warning \
Ats__Channel__MaxSocketsPerToken=100000 Ats__Channel__MaxSocketsPerIp=100000 \
  "${server_cpu[@]}" dotnet Ats.Web/bin/Release/net10.0/Ats.Web.dll --urls "$base" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "$base/xapi2/openapi.json" && break; sleep 1; done

"${client_cpu[@]}" dotnet tools/Ats.Benchmarks/bin/Release/net10.0/Ats.Benchmarks.dll live "$base" "$server" "${1:-500}" "${2:-100}" "${3:-30}"
