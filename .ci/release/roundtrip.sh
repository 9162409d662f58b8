#!/usr/bin/env bash
# A real registry round trip: publish every package with changesets to a throwaway Verdaccio on
# loopback, then install each one on its own, with npm and with pnpm, in fresh projects outside the
# workspace, and run the ESM and CJS smoke tests and a TypeScript consumer (node16 and bundler).
# The repository is never changed: versioning and publishing happen on a copy of the work tree.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

VERDACCIO_VERSION=6.8.0
MSW_VERSION=2.15.0
TYPESCRIPT_VERSION=5.9.3
TYPES_NODE_RANGE='^20.19.0'

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/release-roundtrip.XXXXXX")
LOG_DIR="$SCRATCH/logs"
mkdir -p "$LOG_DIR"
VERDACCIO_PID=
cleanup() {
  local rc=$?
  if [[ -n $VERDACCIO_PID ]] && kill -0 "$VERDACCIO_PID" 2>/dev/null; then
    kill "$VERDACCIO_PID" 2>/dev/null || true
    wait "$VERDACCIO_PID" 2>/dev/null || true
  fi
  if [[ -n ${KEEP_SCRATCH:-} ]]; then echo "scratch kept: $SCRATCH"; else rm -rf "$SCRATCH"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

abort() {
  echo "roundtrip: FAIL ($1; the later steps need it)"
  exit 1
}

echo "== registry round trip (scratch: $SCRATCH)"

# --- the packages, built ---
step 'build the packages (turbo)' build_packages
((STEP_OK)) || abort 'build failed'

# --- Verdaccio on 127.0.0.1 ---
install_verdaccio() {
  mkdir -p "$SCRATCH/verdaccio"
  cd "$SCRATCH/verdaccio"
  # 6.9+ needs Node 22; node-fetch 2.7.0 keeps 6.8.0 installable on Node 20 (TOOLCHAIN.md).
  cat >package.json <<JSON
{ "name": "aopkit-verdaccio-scratch", "private": true, "overrides": { "node-fetch": "2.7.0" } }
JSON
  npm install --no-audit --no-fund --loglevel=error "verdaccio@$VERDACCIO_VERSION"
  cat >config.yaml <<YAML
storage: $SCRATCH/verdaccio/storage
auth:
  htpasswd:
    file: $SCRATCH/verdaccio/htpasswd
    max_users: 10
# No uplinks: @aopkit/* lives here only; consumers take everything else from their normal registry.
uplinks: {}
packages:
  '@aopkit/*':
    access: \$all
    publish: \$all
    unpublish: \$all
  '**':
    access: \$all
log: { type: stdout, format: pretty, level: warn }
YAML
}
step "install verdaccio@$VERDACCIO_VERSION (scratch dir)" install_verdaccio
((STEP_OK)) || abort 'no verdaccio'

PORT=$(free_port)
REGISTRY="http://127.0.0.1:$PORT/"
"$SCRATCH/verdaccio/node_modules/.bin/verdaccio" --config "$SCRATCH/verdaccio/config.yaml" --listen "127.0.0.1:$PORT" \
  >"$LOG_DIR/verdaccio.log" 2>&1 &
VERDACCIO_PID=$!
wait_for_registry() {
  for _ in $(seq 1 120); do
    curl -sf "${REGISTRY}-/ping" >/dev/null && return 0
    kill -0 "$VERDACCIO_PID" || { cat "$LOG_DIR/verdaccio.log"; return 1; }
    sleep 0.5
  done
  echo "no answer from $REGISTRY after 60 s"
  return 1
}
step "start verdaccio on $REGISTRY (pid $VERDACCIO_PID)" wait_for_registry
((STEP_OK)) || abort 'verdaccio did not start'

# A user created through the registry's own API; its token publishes.
create_user() {
  curl -sf -X PUT -H 'content-type: application/json' \
    -d '{"name":"aopkit-ci","password":"aopkit-ci-password"}' \
    "${REGISTRY}-/user/org.couchdb.user:aopkit-ci" >"$SCRATCH/user.json"
  jq -er .token "$SCRATCH/user.json" >"$SCRATCH/token"
}
step 'create a registry user (token)' create_user
((STEP_OK)) || abort 'no token'
TOKEN=$(cat "$SCRATCH/token")

# npm caches registry metadata by URL, and a later run may draw the same port: from here on, npm
# revalidates what it has cached (changesets' `npm info` included).
export npm_config_prefer_online=true

# --- publish with changesets, from a copy of the work tree ---
WORKTREE="$SCRATCH/workspace"
copy_workspace() {
  mkdir -p "$WORKTREE"
  # The work tree as it is (uncommitted changes and built dist/ included), without installs or git.
  tar -C "$REPO_ROOT" --exclude=./node_modules --exclude='*/node_modules' --exclude=.git \
    --exclude='*/.turbo' --exclude='*/.vitest' -cf - . | tar -C "$WORKTREE" -xf -
  # The changesets CLI (and its changelog module) resolve from the workspace's own install. Only
  # @changesets is linked: with the whole node_modules linked, pnpm running in the copy re-pointed the
  # workspace's hoisted links into the copy, which is deleted afterwards.
  mkdir -p "$WORKTREE/node_modules"
  ln -s "$REPO_ROOT/node_modules/@changesets" "$WORKTREE/node_modules/@changesets"
  printf '@aopkit:registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$REGISTRY" "$PORT" "$TOKEN" >>"$WORKTREE/.npmrc"
  git -C "$WORKTREE" init -q -b main
}
step 'copy the work tree (no node_modules, no .git)' copy_workspace
((STEP_OK)) || abort 'no copy'

version_copy() {
  cd "$WORKTREE"
  if ls .changeset/*.md 2>/dev/null | grep -qv README.md; then
    node node_modules/@changesets/cli/bin.js version
  else
    echo 'no pending changesets: publishing the current versions'
  fi
  for p in "${PACKAGES[@]}"; do jq -r '"\(.name)@\(.version)"' "packages/$p/package.json"; done | tee "$SCRATCH/versions"
}
step 'changeset version (on the copy)' version_copy
((STEP_OK)) || abort 'versioning failed'
echo "      versions: $(tr '\n' ' ' <"$SCRATCH/versions")"

publish_copy() {
  cd "$WORKTREE"
  # changesets reads the scoped registry from this variable (else it would use npmjs.org).
  env "npm_config_@aopkit:registry=$REGISTRY" node node_modules/@changesets/cli/bin.js publish --no-git-tag
  for p in "${PACKAGES[@]}"; do
    local spec
    spec=$(grep "^@aopkit/$p@" "$SCRATCH/versions")
    npm view "$spec" version --registry "$REGISTRY" | grep -qx "${spec##*@}" || { echo "$spec is not on $REGISTRY"; return 1; }
  done
}
step 'changeset publish (to verdaccio)' publish_copy
((STEP_OK)) || abort 'publish failed'

# workspace:/catalog: ranges must be real ranges in what was published.
check_published_manifests() {
  for p in "${PACKAGES[@]}"; do
    local manifest
    manifest=$(npm view "@aopkit/$p" --json --registry "$REGISTRY")
    echo "@aopkit/$p: $(jq -c '{version, dependencies, peerDependencies}' <<<"$manifest")"
    if jq -e '[.dependencies, .peerDependencies, .optionalDependencies] | map(values // {} | to_entries[]) | flatten | map(select(.value | test("^(workspace|catalog):"))) | length > 0' <<<"$manifest" >/dev/null; then
      echo "@aopkit/$p was published with workspace:/catalog: ranges"
      return 1
    fi
    # Every internal dependency must resolve to the version published alongside it.
    for dep in $(jq -r '.dependencies // {} | keys[] | select(startswith("@aopkit/"))' <<<"$manifest"); do
      local range want
      range=$(jq -r --arg d "$dep" '.dependencies[$d]' <<<"$manifest")
      want=$(grep "^$dep@" "$SCRATCH/versions")
      node -e 'const [r, v] = process.argv.slice(1); const ok = require(process.env.SEMVER).satisfies(v, r); console.log(`  ${r} ∋ ${v}: ${ok}`); process.exit(ok ? 0 : 1)' \
        "$range" "${want##*@}"
    done
  done
}
SEMVER=$(cd "$SCRATCH/verdaccio" && node -p "require.resolve('semver')")
export SEMVER
step 'published manifests: no workspace:/catalog: ranges' check_published_manifests

# --- consumers: each package on its own, with npm and with pnpm ---
new_consumer() { # DIR
  mkdir -p "$1"
  cd "$1"
  echo '{ "name": "aopkit-consumer", "version": "1.0.0", "private": true }' >package.json
  printf '@aopkit:registry=%s\n' "$REGISTRY" >.npmrc
  # pnpm 12 fails an install on an unreviewed build script (msw has one); it is not needed. Its metadata
  # cache is keyed by registry host:port: keep it in the scratch dir, so a later run that draws the same
  # port never sees this run's @aopkit/* metadata.
  printf 'allowBuilds:\n  msw: false\ncacheDir: %s\n' "$SCRATCH/pnpm-cache" >pnpm-workspace.yaml
  cp -r "$RELEASE_DIR/smoke" smoke
}
pm_install() { # PM SPEC...
  local pm=$1
  shift
  if [[ $pm == npm ]]; then
    npm install --no-audit --no-fund --loglevel=error "$@"
  else
    pnpm add --reporter=append-only "$@"
  fi
}
consume() { # PM PKG
  local pm=$1 pkg=$2 extra=()
  [[ $pkg == testing ]] && extra=("msw@$MSW_VERSION")
  new_consumer "$SCRATCH/consumers/$pm-$pkg"
  pm_install "$pm" "@aopkit/$pkg" "${extra[@]}"
  # Only the package asked for (and what it declares) may be needed: it must not rely on hoisting.
  ls node_modules/@aopkit
  node "smoke/$pkg.mjs"
  node "smoke/$pkg.cjs"
}
consume_all() { # PM
  new_consumer "$SCRATCH/consumers/$1-all"
  pm_install "$1" @aopkit/client @aopkit/signer @aopkit/testing "msw@$MSW_VERSION"
  node smoke/e2e.mjs
  node smoke/e2e.cjs
}
for pm in npm pnpm; do
  for pkg in signer testing client; do
    step "$pm: install @aopkit/$pkg alone; ESM + CJS smoke" consume "$pm" "$pkg"
  done
  step "$pm: client + signer + testing together; ESM + CJS e2e" consume_all "$pm"
done

typescript_consumer() {
  new_consumer "$SCRATCH/consumers/typescript"
  jq '.type = "module"' package.json >package.tmp && mv package.tmp package.json
  cp "$RELEASE_DIR"/smoke/types/* .
  pm_install npm @aopkit/client @aopkit/signer @aopkit/testing @aopkit/types "msw@$MSW_VERSION" \
    "typescript@$TYPESCRIPT_VERSION" "@types/node@$TYPES_NODE_RANGE"
  echo '--- moduleResolution node16'
  npx tsc --noEmit -p tsconfig.node16.json
  echo '--- moduleResolution bundler'
  npx tsc --noEmit -p tsconfig.bundler.json
}
step "typescript $TYPESCRIPT_VERSION consumer: tsc --noEmit, node16 + bundler" typescript_consumer

# --- stop the registry by its pid (here, not in a step: only this shell can reap its child) ---
start=$SECONDS
kill "$VERDACCIO_PID"
if wait "$VERDACCIO_PID" 2>/dev/null || ! kill -0 "$VERDACCIO_PID" 2>/dev/null; then
  printf 'PASS  %-62s %4ss\n' "stop verdaccio (pid $VERDACCIO_PID)" $((SECONDS - start))
else
  printf 'FAIL  %-62s %4ss\n' "stop verdaccio (pid $VERDACCIO_PID): still running" $((SECONDS - start))
  FAILURES=$((FAILURES + 1))
fi
VERDACCIO_PID=

if ((FAILURES > 0)); then
  echo "roundtrip: FAIL ($FAILURES step(s) failed)"
  exit 1
fi
echo 'roundtrip: PASS'
