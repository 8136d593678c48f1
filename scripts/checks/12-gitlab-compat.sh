#!/usr/bin/env bash
# A widely used GitLab client as a judge: @gitbeaker/rest (pinned in compat/gitbeaker-rest/package-lock.json) walks
# the GitLab simulator, started with the project's CLI from a GitLab estate file: the user, the top-level groups and
# every group, the user's access level on each group and subgroup, the namespaces' plan, and every project of each
# group's tree (three levels, more than 100 projects) with the library's own pagination, and must read exactly that
# estate. Needs the CLI jar built by `mvn install` (scripts/verify runs it first), Node.js 20 or later and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
compat="$root/compat/gitbeaker-rest"
jar="$root/connector-examples/target/connector-examples.jar"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "FAILED: Node.js 20 or later with npm is needed to run @gitbeaker/rest against the" >&2
  echo "simulator. Install it (for example from https://nodejs.org/en/download, or 'apt-get install nodejs npm'," >&2
  echo "or 'nvm install 20') and run this check again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "FAILED: Node.js $(node --version) is too old; install Node.js 20 or later (https://nodejs.org/en/download)." >&2
  exit 1
fi
if [ ! -f "$jar" ]; then
  echo "FAILED: $jar is missing; build it first with: mvn -B -ntp install (or scripts/verify)." >&2
  exit 1
fi

(cd "$compat" && npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
simulator=""
cleanup() {
  if [ -n "$simulator" ]; then
    kill "$simulator" 2>/dev/null || true
    wait "$simulator" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A throwaway personal access token for this simulator only (glpat- and 20 characters).
GITLAB_TOKEN="glpat-$(LC_ALL=C tr -dc 'A-Za-z0-9_-' </dev/urandom | head -c 20 || true)"
export GITLAB_TOKEN
java -jar "$jar" simulator --estate "$compat/estate.json" --pat-env GITLAB_TOKEN --duration-seconds 600 \
  >"$work/simulator.out" 2>"$work/simulator.err" &
simulator=$!
for _ in $(seq 1 150); do
  if [ -s "$work/simulator.out" ] || ! kill -0 "$simulator" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
GITLAB_BASE_URL=$(head -n 1 "$work/simulator.out" || true)
case "$GITLAB_BASE_URL" in
  http://127.0.0.1:*) ;;
  *)
    echo "FAILED: the simulator did not start; its output:" >&2
    cat "$work/simulator.out" "$work/simulator.err" >&2
    exit 1
    ;;
esac
export GITLAB_BASE_URL
if ! (cd "$compat" && node walk.js estate.json); then
  echo "FAILED: @gitbeaker/rest read something other than compat/gitbeaker-rest/estate.json from the" >&2
  echo "simulator (the differences are listed above); the simulator's output:" >&2
  cat "$work/simulator.out" "$work/simulator.err" >&2
  exit 1
fi
