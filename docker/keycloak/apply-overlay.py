#!/usr/bin/env python3
"""Apply the demo/CI additions (owlet-demo-overlay.json) to a running Keycloak whose owlet realm was imported from
the production template (owlet-realm.json).

    docker/keycloak/apply-overlay.py http://127.0.0.1:18080 [admin [admin-password [overlay.json]]]

--import-realm cannot merge two files, so the template is imported at start and this script adds the rest through
the Admin REST API: users with Keycloak's partial import (existing ones are skipped), client settings by updating
each client in place (a partial import that overwrites a client would recreate it and drop its service account's
roles), organizations and their members through the Organizations API (partial import does not cover them).
Running it twice changes nothing the second time. Python 3 standard library only.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

REALM = "owlet"


def main():
    base = sys.argv[1].rstrip("/")
    user = sys.argv[2] if len(sys.argv) > 2 else "admin"
    password = sys.argv[3] if len(sys.argv) > 3 else "admin"
    overlay_file = sys.argv[4] if len(sys.argv) > 4 else __file__.rsplit("/", 1)[0] + "/owlet-demo-overlay.json"
    overlay = json.load(open(overlay_file, encoding="utf-8"))
    token = json.loads(request("POST", f"{base}/realms/master/protocol/openid-connect/token",
                               form={"grant_type": "password", "client_id": "admin-cli", "username": user,
                                     "password": password}))["access_token"]
    admin = f"{base}/admin/realms/{REALM}"

    def call(method, path, body=None, ok=(200, 201, 204)):
        return request(method, admin + path, body=body, token=token, ok=ok)

    for spec in overlay.get("clients", []):
        found = json.loads(call("GET", "/clients?clientId=" + urllib.parse.quote(spec["clientId"])))
        if not found:
            sys.exit(f"apply-overlay: client {spec['clientId']} is not in the realm (import owlet-realm.json first)")
        client = found[0]
        client.update({k: v for k, v in spec.items() if k != "attributes"})
        client.setdefault("attributes", {}).update(spec.get("attributes", {}))
        call("PUT", "/clients/" + client["id"], client)
        print(f"apply-overlay: client {spec['clientId']} updated")

    result = json.loads(call("POST", "/partialImport", {"ifResourceExists": "SKIP", "users": overlay.get("users", [])}))
    print(f"apply-overlay: users added {result.get('added', 0)}, skipped {result.get('skipped', 0)}")

    for org in overlay.get("organizations", []):
        members = org.get("members", [])
        representation = {k: v for k, v in org.items() if k != "members"}
        call("POST", "/organizations", representation, ok=(201, 409))
        matches = [o for o in json.loads(call("GET", "/organizations?exact=true&search=" + urllib.parse.quote(org["name"])))
                   if o.get("alias") == org["alias"]]
        if not matches:
            sys.exit(f"apply-overlay: organization {org['alias']} was not created")
        org_id = matches[0]["id"]
        added = 0
        for member in members:
            users = json.loads(call("GET", "/users?exact=true&username=" + urllib.parse.quote(member["username"])))
            if not users:
                sys.exit(f"apply-overlay: member {member['username']} of {org['alias']} is not a user")
            status = call("POST", f"/organizations/{org_id}/members", users[0]["id"], ok=(201, 204, 409))
            added += 1 if status != "409" else 0
        print(f"apply-overlay: organization {org['alias']} with {len(members)} member(s)")


def request(method, url, body=None, form=None, token=None, ok=(200,)):
    headers = {}
    data = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            text = response.read().decode()
            return text if text else str(response.status)
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return str(e.code)
        sys.exit(f"apply-overlay: {method} {url} answered {e.code}: {e.read().decode()[:500]}")


if __name__ == "__main__":
    main()
