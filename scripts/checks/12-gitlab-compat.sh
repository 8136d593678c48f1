#!/usr/bin/env bash
# A widely used GitLab client as a judge: @gitbeaker/rest (pinned in compat/gitbeaker-rest/package-lock.json) walks
# the GitLab simulator, started with the project's CLI from a GitLab estate file: the user, the top-level groups and
# every group, the user's access level on each group and subgroup, the namespaces' plan, and every project of each
# group's tree (three levels, more than 100 projects) with the library's own pagination, and must read exactly that
# estate. Needs the CLI jar built by `mvn install` (scripts/verify runs it first), Node.js 20 or later and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/node-judge.sh
judge_prepare "@gitbeaker/rest" compat/gitbeaker-rest

# A throwaway personal access token for this simulator only (glpat- and 20 characters).
GITLAB_TOKEN="glpat-$(LC_ALL=C tr -dc 'A-Za-z0-9_-' </dev/urandom | head -c 20 || true)"
export GITLAB_TOKEN
judge_start_simulator GITLAB_BASE_URL --pat-env GITLAB_TOKEN
judge_walk "@gitbeaker/rest read something other than compat/gitbeaker-rest/estate.json from the simulator"
