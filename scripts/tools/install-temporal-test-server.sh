#!/usr/bin/env bash
# Installs Temporal's time-skipping test server (the Java one, from Maven Central) for the
# TypeScript SDK's TestWorkflowEnvironment.createTimeSkipping(), which would otherwise
# download a native binary from GitHub releases — something this project's machines cannot
# reach.
#
#   scripts/tools/install-temporal-test-server.sh [--force]
#
# Result (all under the git-ignored .tools/):
#   .tools/temporal-test-server/lib/*.jar   io.temporal:temporal-test-server + runtime deps
#   .tools/temporal-test-server/app.jsa     AppCDS archive of the server's classes (halves
#                                           JVM start-up; the SDK gives the server only 5 s)
#   .tools/bin/temporal-test-server         executable the SDK runs as `<path> <port> [extra]`
#
# Idempotent: a second run with the same pom.xml, script and Java does nothing (no Maven, no
# network). Maven uses the normal ~/.m2 cache, so re-installs after `rm -rf .tools` are
# offline-capable once the artifacts have been fetched. --force reinstalls regardless.
set -euo pipefail

started_ns=$(date +%s%N)
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pom="$repo_root/tools/temporal-test-server/pom.xml"
install_dir="$repo_root/.tools/temporal-test-server"
bin_dir="$repo_root/.tools/bin"
wrapper="$bin_dir/temporal-test-server"
main_class=io.temporal.testserver.TestServer
# Lean JVM: one small-heap serial collector, C1 only, small thread stacks. The test server
# holds a handful of test histories in memory; it needs neither throughput nor a big heap.
jvm_opts=(-XX:+UseSerialGC -Xms16m -Xmx512m -Xss512k -XX:TieredStopAtLevel=1
  -XX:+ExitOnOutOfMemoryError -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -Dorg.slf4j.simpleLogger.logFile=System.err)

force=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-temporal-test-server: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

log() { echo "[temporal-test-server] $*"; }
die() { echo "[temporal-test-server] ERROR: $*" >&2; exit 1; }
elapsed() { echo "$(( ($(date +%s%N) - started_ns) / 1000000 )) ms"; }

# --- prerequisites --------------------------------------------------------------------------
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java_bin=$(command -v java)
else
  die "Java not found (need a JDK/JRE >= 11 on PATH or in JAVA_HOME; on Debian: apt-get install openjdk-17-jre-headless)."
fi
java_bin=$(readlink -f "$java_bin")
java_version_text=$("$java_bin" -version 2>&1)
java_feature=$(sed -nE '1s/.*version "(1\.)?([0-9]+).*/\2/p' <<<"$java_version_text")
[[ -n "$java_feature" ]] || die "cannot tell the version of $java_bin: $java_version_text"
((java_feature >= 11)) || die "$java_bin is Java $java_feature; the Temporal test server needs Java >= 11."
command -v mvn >/dev/null 2>&1 ||
  die "Maven not found (need 'mvn' >= 3.6 on PATH; on Debian: apt-get install maven)."
[[ -f "$pom" ]] || die "missing $pom"

# The fingerprint of everything the install depends on: when unchanged, there is nothing to do.
fingerprint=$(
  {
    sha256sum "$pom" "${BASH_SOURCE[0]}" | cut -d' ' -f1
    echo "$repo_root"
    echo "$java_bin"
    echo "$java_version_text"
  } | sha256sum | cut -d' ' -f1
)
stamp="$install_dir/.installed"
if ! $force && [[ -x "$wrapper" && -f "$stamp" && "$(cat "$stamp")" == "$fingerprint" ]] &&
  xargs -a "$install_dir/classpath.txt" -d '\n' ls >/dev/null 2>&1 &&
  # A jar changed after the class-data-sharing archive was made would make the JVM ignore it.
  { [[ ! -f "$install_dir/app.jsa" ]] ||
    [[ -z "$(find "$install_dir/lib" -newer "$install_dir/app.jsa" -print -quit)" ]]; }; then
  log "up to date: $wrapper ($(elapsed))"
  exit 0
fi

log "using $java_bin (Java $java_feature) and $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"

# --- jars -----------------------------------------------------------------------------------
mkdir -p "$install_dir" "$bin_dir"
staging=$(mktemp -d "$install_dir/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
mvn_args=(-B -q -f "$pom" dependency:copy-dependencies -DincludeScope=runtime
  -DoutputDirectory="$staging/lib")
log "copying io.temporal:temporal-test-server and its runtime dependencies from ~/.m2 (offline)"
if ! mvn -o "${mvn_args[@]}" >"$staging/mvn-offline.log" 2>&1; then
  log "not all in ~/.m2 yet: fetching from Maven Central"
  mvn "${mvn_args[@]}" >"$staging/mvn.log" 2>&1 || {
    cat "$staging/mvn.log" >&2
    die "Maven could not resolve the test server's dependencies (see above)."
  }
fi
server_jar=$(find "$staging/lib" -name 'temporal-test-server-*.jar' -print -quit)
[[ -n "$server_jar" ]] || die "Maven ran but no temporal-test-server-*.jar came out of it."
version=$(basename "$server_jar" .jar)
version=${version#temporal-test-server-}
log "got $(find "$staging/lib" -name '*.jar' | wc -l) jars ($(du -sh "$staging/lib" | cut -f1)) for temporal-test-server $version"

rm -rf "${install_dir:?}/lib" "$install_dir/app.jsa" "$stamp"
mv "$staging/lib" "$install_dir/lib"
find "$install_dir/lib" -name '*.jar' | LC_ALL=C sort >"$install_dir/classpath.txt"
classpath=$(paste -sd: "$install_dir/classpath.txt")

# --- wrapper --------------------------------------------------------------------------------
write_wrapper() { # $1: where; $2: extra JVM options (e.g. the CDS archive)
  local tmp="$1.tmp.$$"
  {
    cat <<WRAPPER
#!/bin/sh
# Generated by scripts/tools/install-temporal-test-server.sh — do not edit; re-run that script.
# Temporal time-skipping test server $version (Java, io.temporal:temporal-test-server).
# The TypeScript SDK runs this as \`temporal-test-server <port> [extraArgs...]\`, like the native
# binary. Time skipping starts locked, as there: the SDK unlocks it while awaiting a workflow
# result or in env.sleep(). (--enable-time-skipping would start it unlocked, so time races
# ahead whenever nothing is running, e.g. before a worker polls; pass it only on purpose.)
if [ \$# -lt 1 ]; then
  echo "usage: \$0 <port> [--enable-time-skipping]" >&2
  exit 2
fi
port=\$1
shift
for arg in "\$@"; do
  case \$arg in
    --enable-time-skipping) ;;
    *)
      echo "temporal-test-server: unsupported argument '\$arg': the Java test server takes only <port> [--enable-time-skipping]" >&2
      exit 2
      ;;
  esac
done
java='$java_bin'
if [ ! -x "\$java" ]; then
  echo "temporal-test-server: \$java is gone; re-run scripts/tools/install-temporal-test-server.sh" >&2
  exit 1
fi
exec "\$java" ${jvm_opts[*]} $2 \\
  -cp '$classpath' \\
  $main_class "\$port" "\$@"
WRAPPER
  } >"$tmp"
  chmod +x "$tmp"
  mv -f "$tmp" "$1"
}

# --- AppCDS archive: start the server once, let it dump the classes it loaded on exit -------
cds_opts=""
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}
if ((java_feature >= 13)); then
  log "creating the class-data-sharing archive (one trial start of the server)"
  write_wrapper "$staging/trial-server" "-XX:ArchiveClassesAtExit=$install_dir/app.jsa"
  port=$(free_port) || die "no free local port for the trial start"
  "$staging/trial-server" "$port" >"$staging/cds.log" 2>&1 &
  pid=$!
  trial_start_ns=$(date +%s%N)
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || (($(date +%s%N) - trial_start_ns > 60000000000)); then
      kill "$pid" 2>/dev/null || true
      cat "$staging/cds.log" >&2
      die "the test server did not start listening on port $port (output above)"
    fi
    sleep 0.05
  done
  log "trial start: listening after $((($(date +%s%N) - trial_start_ns) / 1000000)) ms without the archive"
  sleep 1
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  if [[ -s "$install_dir/app.jsa" ]]; then
    cds_opts="-XX:SharedArchiveFile=$install_dir/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    log "warning: no archive was written (see below); the server will start without one"
    cat "$staging/cds.log"
  fi
fi
write_wrapper "$wrapper" "$cds_opts"
echo "$fingerprint" >"$stamp"
log "installed temporal-test-server $version: $wrapper ($(elapsed))"
