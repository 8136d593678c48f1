# Shared by the checks in which a Node.js client of a service judges the project's simulator of that service: the
# prerequisites (Node.js 20 or later with npm, the CLI jar), the client's pinned install, and the simulator, started
# with the project's CLI from the judge's estate file and stopped when the check ends. Source it after `cd` to the
# project's root; it sets JUDGE_JAR, JUDGE_DIR and JUDGE_WORK.

# judge_prepare CLIENT DIR: checks the prerequisites, installs CLIENT as pinned in DIR/package-lock.json, and makes
# the work folder that the check's exit removes (with the simulator, if one still runs).
judge_prepare() {
  local client="$1"
  JUDGE_DIR="$(pwd)/$2"
  JUDGE_JAR="$(pwd)/connector-examples/target/connector-examples.jar"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "FAILED: Node.js 20 or later with npm is needed to run $client against the simulator. Install it" >&2
    echo "(for example from https://nodejs.org/en/download, or 'apt-get install nodejs npm', or 'nvm install 20')" >&2
    echo "and run this check again." >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "FAILED: Node.js $(node --version) is too old; install Node.js 20 or later (https://nodejs.org/en/download)." >&2
    exit 1
  fi
  if [ ! -f "$JUDGE_JAR" ]; then
    echo "FAILED: $JUDGE_JAR is missing; build it first with: mvn -B -ntp install (or scripts/verify)." >&2
    exit 1
  fi
  (cd "$JUDGE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  JUDGE_WORK=$(mktemp -d)
  JUDGE_SIMULATOR=""
  trap judge_cleanup EXIT
}

judge_cleanup() {
  judge_stop_simulator
  rm -rf "$JUDGE_WORK"
}

# judge_start_simulator VAR [OPTION...]: serves DIR/estate.json with the CLI's simulator command and these options,
# waits for the base URL it prints first, and exports it as VAR.
judge_start_simulator() {
  local variable="$1"
  shift
  java -jar "$JUDGE_JAR" simulator --estate "$JUDGE_DIR/estate.json" --duration-seconds 600 "$@" \
    >"$JUDGE_WORK/simulator.out" 2>"$JUDGE_WORK/simulator.err" &
  JUDGE_SIMULATOR=$!
  for _ in $(seq 1 150); do
    if [ -s "$JUDGE_WORK/simulator.out" ] || ! kill -0 "$JUDGE_SIMULATOR" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  local url
  url=$(head -n 1 "$JUDGE_WORK/simulator.out" || true)
  case "$url" in
    http://127.0.0.1:*) ;;
    *)
      echo "FAILED: the simulator did not start; its output:" >&2
      cat "$JUDGE_WORK/simulator.out" "$JUDGE_WORK/simulator.err" >&2
      exit 1
      ;;
  esac
  export "$variable=$url"
}

judge_stop_simulator() {
  if [ -n "${JUDGE_SIMULATOR:-}" ]; then
    kill "$JUDGE_SIMULATOR" 2>/dev/null || true
    wait "$JUDGE_SIMULATOR" 2>/dev/null || true
    JUDGE_SIMULATOR=""
  fi
}

# judge_walk MESSAGE: runs the judge (node walk.js estate.json in DIR); when it read something other than the
# estate, fails with MESSAGE and the simulator's output.
judge_walk() {
  if ! (cd "$JUDGE_DIR" && node walk.js estate.json); then
    echo "FAILED: $1 (the differences are listed above); the simulator's output:" >&2
    cat "$JUDGE_WORK/simulator.out" "$JUDGE_WORK/simulator.err" >&2
    exit 1
  fi
}
