#!/usr/bin/env bash
# Builds and runs every test (unit, integration, bUnit, Playwright in headless Chromium).
# Installs what the tests need from Debian first when it is missing, so this works on a bare Debian machine with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: Chromium for the browser tests, aiosmtpd as the real SMTP server of the mail tests,
# pdftoppm (poppler-utils) to render the offer letter to an image for people to look at, Node.js to run the webhook
# signature verifier documented for Node (the Python one runs on python3).
missing=()
[ -x "${ATS_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v node >/dev/null || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests (apt-get)…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet build Ats.sln -c Release --nologo -v quiet
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One project after the other: on two cores the browser tests, run beside the integration tests, wait on a busy
# machine instead of on the app (their navigation timeouts were hit in CI-like runs).
for project in Ats.Tests Ats.E2E; do
  dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
done

# One closing line over all test assemblies.
awk '/(Passed|Failed)! +-/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { gsub(",", "", p); printf "Tests: %d passed, %d failed\n", p, f }' "$log"
exit $status
