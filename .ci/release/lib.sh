# Helpers sourced by roundtrip.sh and matrix.sh: steps that print PASS/FAIL with their time, a free
# loopback port, the built workspace packages.
RELEASE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$RELEASE_DIR/../.." && pwd)
PACKAGES=(types signer client testing)
FAILURES=0

# step NAME CMD [ARG...]: runs CMD in a subshell with errexit, its output in $LOG_DIR; prints one
# PASS/FAIL line (the end of the log on failure), counts failures, and sets STEP_OK to 1 or 0.
# It always returns 0: never call it under `if`, `||` or `&&`, where bash would switch errexit off
# inside CMD too (then a failing command in the middle of CMD would go unnoticed).
step() {
  local name=$1
  shift
  local log
  log="$LOG_DIR/$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '_').log"
  local start=$SECONDS rc=0
  # In the background: a subshell on the left of `||` would have errexit switched off.
  (
    set -e
    "$@"
  ) >"$log" 2>&1 </dev/null &
  wait $! || rc=$?
  if ((rc == 0)); then
    STEP_OK=1
    printf 'PASS  %-62s %4ss\n' "$name" $((SECONDS - start))
  else
    STEP_OK=0
    FAILURES=$((FAILURES + 1))
    printf 'FAIL  %-62s %4ss  exit %s, log %s\n' "$name" $((SECONDS - start)) "$rc" "$log"
    tail -n 30 "$log" | sed 's/^/      | /'
  fi
}

free_port() {
  node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Builds the publishable packages (turbo: a cache hit when nothing changed).
build_packages() {
  cd "$REPO_ROOT"
  TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter='./packages/*' --output-logs=errors-only
  for p in "${PACKAGES[@]}"; do
    test -f "packages/$p/dist/index.js" && test -f "packages/$p/dist/index.cjs" && test -f "packages/$p/dist/index.d.ts" ||
      { echo "packages/$p/dist is incomplete"; ls -la "packages/$p/dist"; return 1; }
  done
}
