# Sourced by the bin/bench-* commands: compiles main and test code (no browser tests) and prints the classpath
# (the only thing it writes to stdout) that runs a benchmark's main class from test-harness/java.
# Arguments, if any, replace the Maven goal (default: test-compile), e.g. a profile and a later phase.
bench_classpath() {
  local goals=("$@")
  [ ${#goals[@]} -gt 0 ] || goals=(test-compile)
  {
    if [ ! -d test-harness/node/node_modules ]; then
      (cd test-harness/node && npm ci --no-audit --no-fund --loglevel=error)
    fi
    mvn -B -q -o "${goals[@]}" -Dbrowser.tests=false 2>/dev/null || mvn -B -q "${goals[@]}" -Dbrowser.tests=false
    mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  } >&2
  echo "target/test-classes:target/classes:$(cat target/bench.classpath)"
}
