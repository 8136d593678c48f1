#!/usr/bin/env bash
# Builds the consumer projects in consumers/ the way an integrator's build would: separate Maven projects (not
# modules of the SDK's build) that take the SDK from the local Maven repository, where `mvn install` put it, with
# the README's dependency block. They compile the README's code, run tests through every published module on the
# class path and on the module path (`java -m`), and fail on any dependency that does not converge (Maven
# Enforcer) or a Jackson line that is not one.
#
# The local repository: the one Maven uses by default, or $MAVEN_REPO_LOCAL when set (scripts/verify's Maven
# arguments do not reach the checks; `MAVEN_OPTS=-Dmaven.repo.local=...` reaches both).
set -euo pipefail
cd "$(dirname "$0")/../.."

args=(-B -ntp)
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  args+=("-Dmaven.repo.local=${MAVEN_REPO_LOCAL}")
fi

# Both consumers declare the README's dependency block; the class-path consumer's tests compare it with the README.
block() { sed -n '/<!-- README:begin -->/,/<!-- README:end -->/p' "$1"; }
if ! diff <(block consumers/maven-classpath/pom.xml) <(block consumers/maven-jpms/pom.xml) >/dev/null; then
  echo "consumers/maven-jpms/pom.xml must declare the same README dependency block as consumers/maven-classpath" >&2
  diff <(block consumers/maven-classpath/pom.xml) <(block consumers/maven-jpms/pom.xml) >&2 || true
  exit 1
fi

# The block names the version the build just installed; otherwise the consumers would test an older install.
project_version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
block_version=$(block consumers/maven-classpath/pom.xml | sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' | head -1)
if [ "${block_version}" != "${project_version}" ]; then
  echo "The consumers' (and the README's) dependency block names ${block_version}, the build ${project_version}:" \
    "update both to ${project_version}." >&2
  exit 1
fi

for consumer in consumers/maven-classpath consumers/maven-jpms; do
  echo "== consumer build: ${consumer}"
  mvn "${args[@]}" -f "${consumer}/pom.xml" clean verify
done

echo "== Jackson as the class-path consumer resolves it"
mvn "${args[@]}" -q -f consumers/maven-classpath/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree \
  -Dincludes=com.fasterxml.jackson.core,com.fasterxml.jackson.datatype -DoutputFile=target/jackson-tree.txt
cat consumers/maven-classpath/target/jackson-tree.txt
versions=$(grep -o 'com\.fasterxml\.jackson\.[a-z]*:[a-z0-9-]*:jar:[^:]*' consumers/maven-classpath/target/jackson-tree.txt \
  | awk -F: '{print $4}' | sort -u)
if [ "$(echo "${versions}" | wc -l)" -ne 1 ]; then
  echo "More than one Jackson version in the consumer's tree: ${versions}" >&2
  exit 1
fi
echo "one Jackson line: ${versions}"
