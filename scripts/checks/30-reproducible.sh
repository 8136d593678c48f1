#!/usr/bin/env bash
# Reproducible builds: builds the same sources twice, each time from a fresh copy in a different directory, and
# checks that every published file (POMs, jars, sources and javadoc jars, SBOMs of every module the build publishes,
# as maven-artifact-plugin's buildinfo lists them) is byte-identical in both. Tests and quality gates are skipped:
# the main build runs them.
#
# Environment: MAVEN_REPO_LOCAL (local Maven repository; Maven's default otherwise), REPRODUCIBLE_MAVEN_ARGS (extra
# Maven arguments for both builds, e.g. "-pl connector-core"), REPRODUCIBLE_WORK_DIR (keep the two builds there
# instead of a temporary directory), SOURCE_DIR (the sources to build; this checkout by default).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib/common.sh"
source_dir="${SOURCE_DIR:-$root}"

if [ -n "${REPRODUCIBLE_WORK_DIR:-}" ]; then
  work="$REPRODUCIBLE_WORK_DIR"
  rm -rf "$work/a" "$work/b"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
read -r -a extra_args <<<"${REPRODUCIBLE_MAVEN_ARGS:-}"

for build in a b; do
  copy_source_tree "$source_dir" "$work/$build"
  echo "build $build in $work/$build"
  start=$SECONDS
  (cd "$work/$build" && mvn_cmd -q package "${LEAN_BUILD_OPTIONS[@]}" artifact:buildinfo "${extra_args[@]}") \
    > "$work/$build.log" 2>&1 || { cat "$work/$build.log"; echo "build $build failed"; exit 1; }
  echo "  done in $((SECONDS - start)) s"
done

java "$root/scripts/lib/CompareBuilds.java" "$work/a" "$work/b"
