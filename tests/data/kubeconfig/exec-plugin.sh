#!/bin/sh
# A client-go exec credential plugin for tst_kubeconfig. Every run adds one to
# the count in $PLUGIN_COUNT_FILE and saves KUBERNETES_EXEC_INFO beside it, so
# a test can tell a cached answer from a fresh run. $1 picks the answer:
#   token    (default) a token, expiring at $PLUGIN_EXPIRY when that is set
#   cert     the client certificate and key in $PLUGIN_CERT and $PLUGIN_KEY
#   v1beta1  a token in client.authentication.k8s.io/v1beta1, whatever was asked
#   fail     a token on stdout (which must not reach any message), a reason on stderr, exit 3
#   badjson  text that is not JSON
#   hang     never answer
set -eu
count_file=${PLUGIN_COUNT_FILE:?set PLUGIN_COUNT_FILE}
runs=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))
echo "$runs" > "$count_file"
printf '%s' "${KUBERNETES_EXEC_INFO:-}" > "$count_file.info"

# Answer in the version asked for, as real plugins do.
api=$(printf '%s' "${KUBERNETES_EXEC_INFO:-}" | sed -n 's/^{"apiVersion":"\([^"]*\)".*/\1/p')
expiry=""
if [ -n "${PLUGIN_EXPIRY:-}" ]; then
    expiry=",\"expirationTimestamp\":\"$PLUGIN_EXPIRY\""
fi
json_lines() { awk '{ printf "%s\\n", $0 }' "$1"; }

case "${1:-token}" in
token)
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"plugin-token-%s"%s}}\n' "$api" "$runs" "$expiry" ;;
cert)
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"%s"%s}}\n' \
        "$api" "$(json_lines "$PLUGIN_CERT")" "$(json_lines "$PLUGIN_KEY")" "$expiry" ;;
v1beta1)
    printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"plugin-token-%s"}}\n' "$runs" ;;
fail)
    printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"stdout-secret"}}\n' "$api"
    echo "error: the refresh token has expired; run 'acme-cloud login' again" >&2
    exit 3 ;;
badjson)
    echo "Opening a browser to log in..." ;;
hang)
    exec sleep 600 ;;
*)
    echo "unknown mode $1" >&2
    exit 2 ;;
esac
