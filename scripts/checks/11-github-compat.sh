#!/usr/bin/env bash
# GitHub's official JavaScript SDK as a judge: @octokit/rest (pinned in compat/octokit-rest/package-lock.json) walks
# the GitHub simulator, started with the project's CLI from a GitHub estate file, with octokit.paginate over the
# routes the SDK's GitHub client uses (the user, organization memberships, each organization and its app
# installations, the user's app installations and the repositories each can access, organization and user
# repositories; more than 100 repositories in one owner, so every list pages), and must read exactly that estate:
# once with a GitHub App user access token, once with the personal access token the simulator generates by default
# (then the two routes GitHub keeps for GitHub App tokens must answer 403).
# Needs the CLI jar built by `mvn install` (scripts/verify runs it first), Node.js 20 or later and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
compat="$root/compat/octokit-rest"
jar="$root/connector-examples/target/connector-examples.jar"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "FAILED: Node.js 20 or later with npm is needed to run @octokit/rest against the" >&2
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

# Starts the simulator on the estate with the given extra options and waits for its base URL (first line).
start_simulator() {
  java -jar "$jar" simulator --estate "$compat/estate.json" --duration-seconds 600 "$@" \
    >"$work/simulator.out" 2>"$work/simulator.err" &
  simulator=$!
  for _ in $(seq 1 150); do
    if [ -s "$work/simulator.out" ] || ! kill -0 "$simulator" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  GITHUB_BASE_URL=$(head -n 1 "$work/simulator.out" || true)
  case "$GITHUB_BASE_URL" in
    http://127.0.0.1:*) ;;
    *)
      echo "FAILED: the simulator did not start; its output:" >&2
      cat "$work/simulator.out" "$work/simulator.err" >&2
      exit 1
      ;;
  esac
  export GITHUB_BASE_URL
}

stop_simulator() {
  kill "$simulator" 2>/dev/null || true
  wait "$simulator" 2>/dev/null || true
  simulator=""
}

walk() {
  if ! (cd "$compat" && node walk.js estate.json); then
    echo "FAILED: @octokit/rest read something other than compat/octokit-rest/estate.json from the simulator" >&2
    echo "with $1 (the differences are listed above); the simulator's output:" >&2
    cat "$work/simulator.out" "$work/simulator.err" >&2
    exit 1
  fi
}

# 1. A throwaway GitHub App user access token for this simulator only (ghu_ and 36 letters and digits): GitHub
# serves the user's installations and their repositories to no other kind of token.
GITHUB_TOKEN="ghu_$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 36 || true)"
export GITHUB_TOKEN
start_simulator --pat-env GITHUB_TOKEN
walk "a GitHub App user access token"
stop_simulator

# 2. The simulator's default: the personal access token it generates and prints (PAT=ghp_...), with which the
# installation routes must answer 403.
start_simulator
for _ in $(seq 1 50); do
  if grep -q '^PAT=' "$work/simulator.out"; then
    break
  fi
  sleep 0.1
done
GITHUB_TOKEN=$(sed -n 's/^PAT=//p' "$work/simulator.out" | head -n 1)
case "$GITHUB_TOKEN" in
  ghp_*) ;;
  *)
    echo "FAILED: the simulator printed no generated personal access token (PAT=ghp_...) on its second line." >&2
    exit 1
    ;;
esac
walk "the personal access token it generated"
