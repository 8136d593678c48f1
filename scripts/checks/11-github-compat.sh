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
source scripts/lib/node-judge.sh
judge_prepare "@octokit/rest" compat/octokit-rest

# 1. A throwaway GitHub App user access token for this simulator only (ghu_ and 36 letters and digits): GitHub
# serves the user's installations and their repositories to no other kind of token.
GITHUB_TOKEN="ghu_$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 36 || true)"
export GITHUB_TOKEN
judge_start_simulator GITHUB_BASE_URL --pat-env GITHUB_TOKEN
judge_walk "@octokit/rest read something other than compat/octokit-rest/estate.json from the simulator with a GitHub App user access token"
judge_stop_simulator

# 2. The simulator's default: the personal access token it generates and prints (PAT=ghp_...), with which the
# installation routes must answer 403.
judge_start_simulator GITHUB_BASE_URL
for _ in $(seq 1 50); do
  if grep -q '^PAT=' "$JUDGE_WORK/simulator.out"; then
    break
  fi
  sleep 0.1
done
GITHUB_TOKEN=$(sed -n 's/^PAT=//p' "$JUDGE_WORK/simulator.out" | head -n 1)
case "$GITHUB_TOKEN" in
  ghp_*) ;;
  *)
    echo "FAILED: the simulator printed no generated personal access token (PAT=ghp_...) on its second line." >&2
    exit 1
    ;;
esac
judge_walk "@octokit/rest read something other than compat/octokit-rest/estate.json from the simulator with the personal access token it generated"
