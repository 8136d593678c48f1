#!/usr/bin/env bash
# Release bundle: stages what Maven Central would receive if this commit were released, without publishing
# anything, and checks that it is complete for every module the build publishes (scripts/lib/ReleaseBundleCheck.java
# says what "complete" means). Works on a fresh copy of the sources whose version is set to the release version
# (the current one without -SNAPSHOT), then runs the release profile: `mvn -P release deploy` into the copy's
# target/staging-deploy. Nothing is installed into the local repository. Tests and quality gates are skipped: the
# main build runs them.
#
# Environment: MAVEN_REPO_LOCAL (local Maven repository; Maven's default otherwise), RELEASE_VERSION (the version to
# stage), RELEASE_MAVEN_ARGS (extra Maven arguments, e.g. "-Dgpg.keyname=<key id>" to sign; the signatures are then
# required and verified with gpg), RELEASE_BUNDLE_WORK_DIR (keep the copy and its bundle there instead of a temporary
# directory), SOURCE_DIR (the sources to stage; this checkout by default).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib/common.sh"
source_dir="${SOURCE_DIR:-$root}"

if [ -n "${RELEASE_BUNDLE_WORK_DIR:-}" ]; then
  work="$RELEASE_BUNDLE_WORK_DIR"
  rm -rf "$work/src"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
read -r -a extra_args <<<"${RELEASE_MAVEN_ARGS:-}"

copy_source_tree "$source_dir" "$work/src"
cd "$work/src"
project_version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)"
release_version="${RELEASE_VERSION:-${project_version%-SNAPSHOT}}"
if [ "$release_version" != "$project_version" ]; then
  find . -name pom.xml -not -path '*/target/*' -print0 \
    | xargs -0 sed -i "s|<version>${project_version}</version>|<version>${release_version}</version>|g"
fi
echo "staging ${release_version} in $work/src/target/staging-deploy"
start=$SECONDS
mvn_cmd -q deploy -P release "${LEAN_BUILD_OPTIONS[@]}" -Dmaven.install.skip=true artifact:buildinfo \
  "${extra_args[@]}" > "$work/staging.log" 2>&1 || { cat "$work/staging.log"; echo "staging failed"; exit 1; }
echo "  done in $((SECONDS - start)) s"

signed=()
if [[ " ${extra_args[*]} " == *" -Dgpg.keyname="* ]]; then
  signed=(--signed)
fi
java "$root/scripts/lib/ReleaseBundleCheck.java" target/*.buildinfo target/staging-deploy "${signed[@]}"

if [ ${#signed[@]} -gt 0 ]; then
  count=0
  while IFS= read -r -d '' signature; do
    gpg --batch --quiet --verify "$signature" "${signature%.asc}" 2>/dev/null \
      || { echo "bad signature: $signature"; exit 1; }
    count=$((count + 1))
  done < <(find target/staging-deploy -name '*.asc' -print0)
  echo "$count signatures verified with gpg"
fi
