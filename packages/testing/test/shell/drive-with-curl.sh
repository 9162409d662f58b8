#!/usr/bin/env bash
# Drives the fake Alipay gateway with nothing but bash, curl, openssl and jq, as a Java, Python or Go
# user's test would: start the CLI, sign a request by hand, send a voucher, script a fault through the
# control API, see it, read the vouchers, reset. Prints a transcript; exits non-zero on the first
# mismatch.
#
#   FAKE_GATEWAY_CMD   how to start the CLI (default: npx aopkit-fake-gateway)
#   FAKE_GATEWAY_ARGS  extra CLI options (the script adds --port 0 --json --keys-dir DIR)
set -euo pipefail

CMD=${FAKE_GATEWAY_CMD:-npx aopkit-fake-gateway}
WORK=$(mktemp -d)
PID=
checks=0

cleanup() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" && wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }
fail() {
  say "FAIL: $*"
  if [[ -s $WORK/stderr ]]; then say '--- the CLI wrote to stderr:' && cat "$WORK/stderr"; fi
  exit 1
}
# check <what> <expected> <actual>
check() {
  if [[ $2 != "$3" ]]; then fail "$1: expected '$2', got '$3'"; fi
  checks=$((checks + 1))
  say "   ok: $1 = $3"
}

# The gateway's clock is Beijing time (UTC+8), whatever this machine's zone: GNU date, then BSD date.
beijing_now() {
  local at=$(($(date +%s) + 8 * 3600))
  date -u -d "@$at" '+%Y-%m-%d %H:%M:%S' 2>/dev/null || date -u -r "$at" '+%Y-%m-%d %H:%M:%S'
}

# --- start the fake ----------------------------------------------------------------------------------
step "start the fake: $CMD --port 0 --json --keys-dir \$WORK/keys ${FAKE_GATEWAY_ARGS:-}"
# shellcheck disable=SC2086 # the command and its extra options are words
$CMD --port 0 --json --keys-dir "$WORK/keys" ${FAKE_GATEWAY_ARGS:-} >"$WORK/stdout" 2>"$WORK/stderr" &
PID=$!
for _ in $(seq 1 300); do
  [[ -s $WORK/stdout ]] && head -n 1 "$WORK/stdout" | jq -e .url >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || fail "the CLI exited before listening"
  sleep 0.1
done
BANNER=$(head -n 1 "$WORK/stdout")
GATEWAY=$(jq -r .url <<<"$BANNER")
CONTROL=$(jq -r .controlUrl <<<"$BANNER")
APP_ID=$(jq -r .appId <<<"$BANNER")
APP_KEY=$(jq -r .keyFiles.appPrivateKeyPem <<<"$BANNER")
ALIPAY_KEY=$(jq -r .keyFiles.alipayPublicKeyPem <<<"$BANNER")
say "gateway $GATEWAY, control API $CONTROL, app_id $APP_ID"
say "keys: $(ls "$WORK/keys" | tr '\n' ' ')"
[[ -f $APP_KEY && -f $ALIPAY_KEY ]] || fail "--keys-dir did not write the key files"
check 'control API health' true "$(curl -sS "${CONTROL}health" | jq .ok)"

# --- sign and send a voucher by hand -----------------------------------------------------------------
# send <out_biz_no>: signs the request with openssl, POSTs it, verifies the answer's signature with
# the Alipay public key, and leaves the answer node in $NODE.
send() {
  local biz timestamp canonical sign body raw_node
  biz="{\"template_id\":\"TPL_VOUCHER_ACTIVE\",\"out_biz_no\":\"$1\",\"user_id\":\"2088000000000002\"}"
  timestamp=$(beijing_now)
  # The signed string: every parameter but sign, sorted by name, name=value joined with &, not encoded.
  canonical="app_id=$APP_ID&biz_content=$biz&charset=utf-8&format=JSON"
  canonical+="&method=alipay.marketing.voucher.send&sign_type=RSA2&timestamp=$timestamp&version=1.0"
  sign=$(printf '%s' "$canonical" | openssl dgst -sha256 -sign "$APP_KEY" | openssl base64 -A)
  say "\$ printf '%s' '$canonical' | openssl dgst -sha256 -sign app-private-key.pem | openssl base64 -A"
  say "  ${sign:0:40}…"
  say "\$ curl -X POST $GATEWAY --data-urlencode app_id=… (every parameter, form-encoded)"
  body=$(curl -sS -X POST "$GATEWAY" -H 'content-type: application/x-www-form-urlencoded;charset=utf-8' \
    --data-urlencode "app_id=$APP_ID" --data-urlencode "biz_content=$biz" \
    --data-urlencode 'charset=utf-8' --data-urlencode 'format=JSON' \
    --data-urlencode 'method=alipay.marketing.voucher.send' --data-urlencode 'sign_type=RSA2' \
    --data-urlencode "timestamp=$timestamp" --data-urlencode 'version=1.0' --data-urlencode "sign=$sign")
  say "  $body"
  # The answer's signature covers the node's text exactly as sent: cut it out, verify it with openssl.
  raw_node=$(sed -E 's/^\{"alipay_marketing_voucher_send_response":(.*),"sign":"[^"]*"\}$/\1/' <<<"$body")
  jq -r .sign <<<"$body" | openssl base64 -d -A >"$WORK/answer.sig"
  printf '%s' "$raw_node" >"$WORK/answer.txt"
  check 'answer signature (openssl dgst -sha256 -verify alipay-public-key.pem)' 'Verified OK' \
    "$(openssl dgst -sha256 -verify "$ALIPAY_KEY" -signature "$WORK/answer.sig" "$WORK/answer.txt")"
  NODE=$(jq -c .alipay_marketing_voucher_send_response <<<"$body")
}

step '1. sign a request by hand and send a voucher'
send sh-order-1
check 'code' 10000 "$(jq -r .code <<<"$NODE")"
FIRST_VOUCHER=$(jq -r .voucher_id <<<"$NODE")

step '2. script a fault for the next call: POST /__aopkit/next-call'
say "\$ curl -X POST ${CONTROL}next-call -d '{\"sub_code\":\"SYSTEM_ERROR\"}'"
reply=$(curl -sS -X POST "${CONTROL}next-call" -d '{"sub_code":"SYSTEM_ERROR"}')
say "  $reply"
check 'scripted' true "$(jq .ok <<<"$reply")"
say "\$ curl -X POST ${CONTROL}next-call -d '{\"sub_code\":\"SYSTEM_EROR\"}'   # a typo is refused at once"
status=$(curl -sS -o "$WORK/typo.json" -w '%{http_code}' -X POST "${CONTROL}next-call" -d '{"sub_code":"SYSTEM_EROR"}')
say "  $status $(cat "$WORK/typo.json")"
check 'typo status' 400 "$status"
check 'typo error code' ERR_FAKE_SCRIPT "$(jq -r .error.code "$WORK/typo.json")"

step '3. the next call gets the fault; the retry (same out_biz_no) issues the voucher'
send sh-order-2
check 'code' 40004 "$(jq -r .code <<<"$NODE")"
check 'sub_code' SYSTEM_ERROR "$(jq -r .sub_code <<<"$NODE")"
send sh-order-2
check 'code on retry' 10000 "$(jq -r .code <<<"$NODE")"
SECOND_VOUCHER=$(jq -r .voucher_id <<<"$NODE")

step '4. read the vouchers and the request log'
say "\$ curl ${CONTROL}vouchers"
vouchers=$(curl -sS "${CONTROL}vouchers")
say "  $(jq -c '[.vouchers[] | {voucher_id, out_biz_no}]' <<<"$vouchers")"
check 'vouchers issued' 2 "$(jq '.vouchers | length' <<<"$vouchers")"
check 'voucher ids' "$FIRST_VOUCHER $SECOND_VOUCHER" "$(jq -r '[.vouchers[].voucher_id] | join(" ")' <<<"$vouchers")"
say "\$ curl ${CONTROL}requests"
requests=$(curl -sS "${CONTROL}requests")
say "  $(jq -c '[.requests[] | {seq, code: .verdict.code, sub_code: .verdict.sub_code, scripted}]' <<<"$requests")"
check 'requests, scripted or not' 'false true false' "$(jq -r '[.requests[].scripted] | map(tostring) | join(" ")' <<<"$requests")"

step '5. reset: POST /__aopkit/reset'
say "\$ curl -X POST ${CONTROL}reset"
say "  $(curl -sS -X POST "${CONTROL}reset")"
check 'vouchers after reset' 0 "$(curl -sS "${CONTROL}vouchers" | jq '.vouchers | length')"
check 'requests after reset' 0 "$(curl -sS "${CONTROL}requests" | jq '.requests | length')"

step 'the CLI log (stdout after the banner)'
tail -n +2 "$WORK/stdout" | jq -c '{seq, code, sub_code, scripted, voucher_id}'

say ''
say "all $checks checks passed"
