#!/usr/bin/env bash
# Microsoft's own Azure DevOps client as a judge: azure-devops-node-api (pinned in
# compat/azure-devops-node-api/package-lock.json) walks the Azure DevOps simulator, started with the project's CLI
# from an estate file, and must read exactly that estate: profile, accounts, projects paged with $top/$skip, each
# project by id, Git repositories (organization-wide and per project), pipelines and build definitions.
# Needs the CLI jar built by `mvn install` (scripts/verify runs it first), Node.js 20 or later and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/node-judge.sh
judge_prepare "Microsoft's azure-devops-node-api" compat/azure-devops-node-api

# A throwaway token for this simulator only, 52 characters like a classic personal access token.
ADO_PAT=$(LC_ALL=C tr -dc 'a-z2-7' </dev/urandom | head -c 52 || true)
export ADO_PAT
judge_start_simulator ADO_BASE_URL --pat-env ADO_PAT
judge_walk "azure-devops-node-api read something other than compat/azure-devops-node-api/estate.json from the simulator"
