# Shared by the release checks and scripts: how to call Maven, and which modules the build publishes.
# MAVEN_REPO_LOCAL (optional) selects the local Maven repository; Maven's default otherwise.

mvn_cmd() {
  local args=(-B -ntp)
  if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
    args+=("-Dmaven.repo.local=${MAVEN_REPO_LOCAL}")
  fi
  mvn "${args[@]}" "$@"
}

# The options of a build that only produces the artifacts: no tests and no quality gates (the main build runs them).
LEAN_BUILD_OPTIONS=(-DskipTests -Djacoco.skip=true -Denforcer.skip=true -Djapicmp.skip=true)

# Prints "<artifactId> <file name>" for every file the build publishes, from a .buildinfo file that
# maven-artifact-plugin wrote: the modules that are neither install- nor deploy-skipped, and all their attached files.
# (A build of one module lists its files as outputs.<file>.*, of several as outputs.<module>.<file>.*.)
published_files() {
  local buildinfo="$1"
  awk -F= '
    /^artifact-id=/ { single = $2 }
    /^outputs\.[0-9]+\.filename=/ { print single, $2 }
    /^outputs\.[0-9]+\.coordinates=/ { split($1, k, "."); split($2, c, ":"); module[k[2]] = c[2] }
    /^outputs\.[0-9]+\.[0-9]+\.filename=/ { split($1, k, "."); print module[k[2]], $2 }
  ' "$buildinfo"
}

# Copies the project's sources (what git tracks, plus new files it does not ignore; no build output) into $2.
copy_source_tree() {
  local from="$1" to="$2"
  mkdir -p "$to"
  if git -C "$from" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$from" && git ls-files -z --cached --others --exclude-standard \
      | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$to"
  else
    (cd "$from" && tar --exclude=./target --exclude='./*/target' -cf - .) | tar -xf - -C "$to"
  fi
}
