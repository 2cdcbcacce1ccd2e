#!/usr/bin/env bash
# Print the decoded payload (JSON) of an access token for a demo user of the owlet realm.
#
#   .ci/kc-token.sh http://127.0.0.1:PORT/realms/owlet ana@acme.example [password] [access_token|id_token]
#
# Uses the password grant of the confidential client "owlet" (directAccessGrantsEnabled in
# docker/keycloak/owlet-realm.json). Needs only bash, curl, tr and base64 (no jq/python).
# Client id/secret can be overridden with OWLET_TEST_OIDC_CLIENT_ID / OWLET_TEST_OIDC_SECRET.
set -euo pipefail

url=${1:?usage: kc-token.sh REALM_URL USERNAME [PASSWORD] [access_token|id_token]}
user=${2:?usage: kc-token.sh REALM_URL USERNAME [PASSWORD] [access_token|id_token]}
password=${3:-owlet}
which_token=${4:-access_token}

response=$(curl -sS --max-time 30 \
  --data-urlencode grant_type=password \
  --data-urlencode "client_id=${OWLET_TEST_OIDC_CLIENT_ID:-owlet}" \
  --data-urlencode "client_secret=${OWLET_TEST_OIDC_SECRET:-owlet-ci-secret}" \
  --data-urlencode "username=$user" \
  --data-urlencode "password=$password" \
  --data-urlencode scope=openid \
  "$url/protocol/openid-connect/token")

token=$(printf '%s' "$response" | sed -n "s/.*\"$which_token\":\"\([^\"]*\)\".*/\1/p")
if [[ -z $token ]]; then
  echo "kc-token: no $which_token for $user: $response" >&2
  exit 1
fi

payload=$(printf '%s' "$token" | cut -d. -f2 | tr '_-' '/+')
while (( ${#payload} % 4 )); do payload+='='; done
printf '%s' "$payload" | base64 -d
echo
