#!/usr/bin/env bash
# Microsoft's own Azure DevOps client as a judge: azure-devops-node-api (pinned in
# compat/azure-devops-node-api/package-lock.json) walks the Azure DevOps simulator, started with the project's CLI
# from an estate file, and must read exactly that estate: profile, accounts, projects paged with $top/$skip, each
# project by id, Git repositories (organization-wide and per project), pipelines and build definitions.
# Needs the CLI jar built by `mvn install` (scripts/verify runs it first), Node.js 20 or later and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
compat="$root/compat/azure-devops-node-api"
jar="$root/connector-examples/target/connector-examples.jar"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "FAILED: Node.js 20 or later with npm is needed to run Microsoft's azure-devops-node-api against the" >&2
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

# A throwaway token for this simulator only, 52 characters like a classic personal access token.
ADO_PAT=$(LC_ALL=C tr -dc 'a-z2-7' </dev/urandom | head -c 52 || true)
export ADO_PAT
java -jar "$jar" simulator --estate "$compat/estate.json" --pat-env ADO_PAT --duration-seconds 600 \
  >"$work/simulator.out" 2>"$work/simulator.err" &
simulator=$!
for _ in $(seq 1 150); do
  if [ -s "$work/simulator.out" ] || ! kill -0 "$simulator" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
ADO_BASE_URL=$(head -n 1 "$work/simulator.out" || true)
case "$ADO_BASE_URL" in
  http://127.0.0.1:*) ;;
  *)
    echo "FAILED: the simulator did not start; its output:" >&2
    cat "$work/simulator.out" "$work/simulator.err" >&2
    exit 1
    ;;
esac
export ADO_BASE_URL
(cd "$compat" && node walk.js estate.json)
