#!/usr/bin/env python3
"""The parts of .ci/benchmark that are easier in Python (standard library only).

  prepare   picks the benchmark's people from the generated population (the company with the most members, its
            learners holding certificates first, one of its company admins) and gives each a Keycloak account with
            the member's own subject as user id, so a token signs in as that generated member; adds a coalition
            admin; makes the realm's access tokens live an hour and its password hashing cheap (the benchmark's
            realm only: a thousand password grants must not take minutes). Writes tokens and paths to --out.
  answers   prints how many answers the benchmark's learners have stored
  pgbench   runs pgbench's durable single-row insert at the given concurrency and prints its figures as JSON
  table     prints the results table from the JSON lines of the runs, with the ratios, and checks them

Every choice is printed; nothing here is random.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

REALM = "owlet"
PASSWORD = "owlet-bench"


def log(message):
    print(f"[bench] {message}", flush=True)


def http(method, url, body=None, form=None, token=None, ok=(200, 201, 204)):
    headers, data = {}, None
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
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.read().decode()
    except urllib.error.HTTPError as e:
        if e.code in ok:
            return e.read().decode()
        sys.exit(f"[bench] {method} {url}: {e.code} {e.read().decode()[:300]}")


def psql(args, sql):
    out = subprocess.run(args.psql.split() + ["-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


# ------------------------------------------------------------------------------------------------ prepare


def prepare(args):
    os.makedirs(args.out, exist_ok=True)
    base = args.kc_base.rstrip("/")
    admin_token = json.loads(http("POST", f"{base}/realms/master/protocol/openid-connect/token",
                                  form={"grant_type": "password", "client_id": "admin-cli", "username": "admin",
                                        "password": "admin"}))["access_token"]
    admin = f"{base}/admin/realms/{REALM}"
    realm = json.loads(http("GET", admin, token=admin_token))
    http("PUT", admin, {"realm": REALM, "accessTokenLifespan": 3600, "ssoSessionIdleTimeout": 7200,
                        "passwordPolicy": "hashIterations(1)", "bruteForceProtected": False}, token=admin_token)
    log(f"realm {REALM}: access tokens live 3600 s (was {realm.get('accessTokenLifespan')}), password hashing 1 iteration,"
        " brute-force detection off (the benchmark's realm only)")

    rows = psql(args, "select c.id, c.slug, count(m.id) from company c join member m on m.company_id = c.id"
                      " group by c.id, c.slug order by count(m.id) desc, c.id limit 1")
    if not rows:
        sys.exit("[bench] no company with members: run the data generator first")
    company_id, slug, size = rows[0]
    domain = f"bench-{slug}.example"
    psql(args, f"insert into company_domain (company_id, domain) select {company_id}, '{domain}'"
               f" where not exists (select 1 from company_domain where domain = '{domain}')")
    log(f"company {slug} (id {company_id}, {size} members); benchmark accounts use the e-mail domain {domain}")

    learners = psql(args, f"""
        select m.id, m.subject, coalesce((select min(c.id) from certificate c where c.member_id = m.id), 0)
        from member m where m.company_id = {company_id} and coalesce(m.roles, '') not like '%admin%'
        order by (select count(*) from certificate c where c.member_id = m.id) > 0 desc, m.id limit {args.learners}""")
    if len(learners) < args.learners:
        sys.exit(f"[bench] only {len(learners)} learners in {slug}; {args.learners} needed")
    admins = psql(args, f"select m.id, m.subject from member m where m.company_id = {company_id}"
                        f" and m.roles like '%company-admin%' order by m.id limit 1")
    if not admins:
        admins = psql(args, f"select m.id, m.subject from member m where m.company_id = {company_id}"
                            f" and m.id not in ({','.join(r[0] for r in learners)}) order by m.id limit 1")
    finalists = psql(args, finalists_sql(company_id, [r[0] for r in learners], args.learners))
    log(f"{len(finalists)} other learners of {slug} may sit the {FINAL_COURSE} final now (its gate met, not passed,"
        " an attempt left, no cool-down): they take the final line")
    people = []  # (member id, subject, email, roles, certificate id)
    for n, (member_id, subject, certificate) in enumerate(learners, 1):
        people.append((member_id, subject, f"learner-{n:03d}@{domain}", ["learner"], int(certificate)))
    for n, (member_id, subject) in enumerate(finalists, 1):
        people.append((member_id, subject, f"final-{n:03d}@{domain}", ["learner"], 0))
    people.append((admins[0][0], admins[0][1], f"admin@{domain}", ["learner", "company-admin"], 0))  # last
    # Keycloak user ids are UUIDs: a generated subject that is not one becomes one (the member keeps its history)
    for i, (member_id, subject, email, roles, certificate) in enumerate(people):
        try:
            uuid.UUID(subject)
        except ValueError:
            new_subject = str(uuid.uuid5(uuid.NAMESPACE_URL, f"owlet-bench:{member_id}"))
            psql(args, f"update member set subject = '{new_subject}' where id = {member_id}")
            people[i] = (member_id, new_subject, email, roles, certificate)
    for member_id, subject, email, roles, _ in people:
        psql(args, f"update member set email = '{email}' where id = {member_id}")

    users = [{"id": subject, "username": email, "email": email, "emailVerified": True, "enabled": True,
              "firstName": email.split("@")[0], "lastName": "Bench",
              "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}],
              "realmRoles": ["default-roles-owlet"] + roles} for _, subject, email, roles, _ in people]
    users.append({"username": "coalition@bench.example", "email": "coalition@bench.example", "emailVerified": True,
                  "enabled": True, "firstName": "Coalition", "lastName": "Bench",
                  "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}],
                  "realmRoles": ["default-roles-owlet", "learner", "coalition-admin"]})
    result = json.loads(http("POST", f"{admin}/partialImport", {"ifResourceExists": "OVERWRITE", "users": users},
                             token=admin_token))
    log(f"keycloak users: added {result.get('added', 0)}, overwritten {result.get('overwritten', 0)}")

    endpoint = f"{base}/realms/{REALM}/protocol/openid-connect/token"

    def token(username):
        reply = json.loads(http("POST", endpoint, form={"grant_type": "password", "client_id": "owlet",
                                                          "client_secret": args.secret, "username": username,
                                                          "password": PASSWORD, "scope": "openid"}))
        return reply["access_token"]

    learner_people = people[:len(learners)]
    admin_person = people[-1]
    with open(f"{args.out}/final.tokens", "w") as f:
        f.writelines(token(email) + "\n" for _, _, email, _, _ in people[len(learners):-1])
    with open(f"{args.out}/learners.tokens", "w") as f:
        f.writelines(token(email) + "\n" for _, _, email, _, _ in learner_people)
    with open(f"{args.out}/admin.tokens", "w") as f:
        f.write(token(admin_person[2]) + "\n")
    with open(f"{args.out}/coalition.tokens", "w") as f:
        f.write(token("coalition@bench.example") + "\n")
    owners = [(p[4]) for p in learner_people if p[4]]
    with open(f"{args.out}/learners-with-pdf.tokens", "w") as tf, open(f"{args.out}/pdf.paths", "w") as pf:
        for member_id, _, email, _, certificate in learner_people:
            if certificate:
                tf.write(token(email) + "\n")
                pf.write(f"/me/certificates/{certificate}/certificate.pdf\n")
    json.dump({"company": slug, "company_id": int(company_id), "company_members": int(size),
               "learner_ids": [int(p[0]) for p in people[:-1]], "certificates": len(owners),
               "finalists": len(finalists)},
              open(f"{args.out}/meta.json", "w"))
    log(f"{len(learner_people)} learners ({len(owners)} with a certificate), {len(finalists)} for the final,"
        f" admin {admin_person[2]}, tokens in {args.out}")


FINAL_COURSE = "ivory-horn-casque"
FINAL_MAX_ATTEMPTS = 3  # courses/ivory-horn-casque/course.yaml: maxAttempts; coolDownHours 24


def finalists_sql(company_id, exclude, limit):
    """Members of the company (not the drill and quiz learners) whom the final would admit now. The gate is taken from
    the generated data itself: every lesson of the course anyone read, every drill card anyone answered, every quiz
    anyone submitted (the generator goes through whole courses, so this is the course's gate)."""
    c = FINAL_COURSE
    return f"""
        with rl as (select distinct lesson_id from lesson_read where course_id = '{c}'),
             rq as (select distinct module_id from attempt where course_id = '{c}' and module_kind = 'quiz'),
             rc as (select distinct module_id, item_id from answer where course_id = '{c}' and module_kind = 'drill')
        select m.id, m.subject from member m
        where m.company_id = {company_id} and coalesce(m.roles, '') not like '%admin%' and m.id not in ({",".join(exclude)})
          and (select count(distinct lesson_id) from lesson_read l where l.member_id = m.id and l.course_id = '{c}')
              = (select count(*) from rl)
          and (select count(distinct module_id) from attempt q where q.member_id = m.id and q.course_id = '{c}'
               and q.module_kind = 'quiz' and q.submitted_at is not null) = (select count(*) from rq)
          and (select count(distinct (module_id, item_id)) from answer a where a.member_id = m.id and a.course_id = '{c}'
               and a.module_kind = 'drill') = (select count(*) from rc)
          and not exists (select 1 from attempt f where f.member_id = m.id and f.course_id = '{c}'
               and f.module_kind = 'final' and (f.passed or f.submitted_at > now() - interval '24 hours'))
          and (select count(*) from attempt f where f.member_id = m.id and f.course_id = '{c}' and f.module_kind = 'final')
              < {FINAL_MAX_ATTEMPTS}
        order by m.id limit {limit}"""


def answers(args):
    meta = json.load(open(f"{args.out}/meta.json"))
    ids = ",".join(str(i) for i in meta["learner_ids"])
    print(psql(args, f"select count(*) from answer where member_id in ({ids})")[0][0])


# ------------------------------------------------------------------------------------------------ pgbench


def pgbench(args):
    """pgbench's durable single-row insert (synchronous_commit as the server has it) at --clients, for --seconds."""
    script = os.path.join(args.out, "pgbench-insert.sql")
    with open(script, "w") as f:
        f.write("insert into bench_insert (v) values (:client_id);\n")
    conn = args.psql.split()
    # the connection options of psql (-h -p -U -d and their values) are pgbench's too
    options = [f"{o} {v}".split() for o, v in zip(conn[1:], conn[2:]) if o in ("-h", "-p", "-U", "-d")]
    options = [x for pair in options for x in pair]
    psql(args, "create table if not exists bench_insert (id bigint generated always as identity primary key, v int)")
    log_prefix = os.path.join(args.out, f"pgbench-c{args.clients}")
    for name in os.listdir(args.out):
        if name.startswith(os.path.basename(log_prefix) + "."):
            os.remove(os.path.join(args.out, name))
    command = [args.pgbench, "-n", "-c", str(args.clients), "-j", str(min(args.clients, 2)), "-T", str(args.seconds),
               "-f", script, "--log", f"--log-prefix={log_prefix}"] + options
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=args.out).stdout
    latencies = []
    for name in os.listdir(args.out):
        if name.startswith(os.path.basename(log_prefix) + "."):
            for line in open(os.path.join(args.out, name)):
                parts = line.split()
                if len(parts) >= 3:
                    latencies.append(int(parts[2]))
    latencies.sort()
    tps = next(float(line.split("=")[1].split()[0]) for line in out.splitlines() if line.startswith("tps"))
    print(json.dumps({"kind": "pgbench", "count": len(latencies), "seconds": args.seconds, "rps": round(tps, 1),
                      "p50_ms": pct(latencies, 50) / 1000, "p95_ms": pct(latencies, 95) / 1000,
                      "p99_ms": pct(latencies, 99) / 1000, "errors": 0, "acked": 0, "socket_errors": 0}))


def pct(values, p):
    if not values:
        return 0
    return values[max(0, math.ceil(p / 100 * len(values)) - 1)]


# ------------------------------------------------------------------------------------------------ table


def table(args):
    runs = [json.loads(line) for line in open(args.results) if line.strip()]
    noop = {r["c"]: r["rps"] for r in runs if r["line"] == "authenticated no-op"}
    pg = {r["c"]: r["rps"] for r in runs if r["line"] == "pgbench durable insert"}
    header = ("| line | c | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU | RSS MB | ÷ no-op | ÷ min(no-op, pgbench) |")
    print(header)
    print("|" + "---|" * 11)
    errors = 0
    for r in runs:
        ceiling = min(x for x in (noop.get(r["c"]), pg.get(r["c"])) if x) if (noop.get(r["c"]) or pg.get(r["c"])) else None
        rps = r["rps"] if not r.get("bounded") and r["count"] else None
        ratio_noop = f"{r['rps'] / noop[r['c']]:.2f}" if rps and noop.get(r["c"]) else "–"
        ratio_min = f"{r['rps'] / ceiling:.2f}" if rps and ceiling else "–"
        errs = r["errors"] + r.get("socket_errors", 0)
        errors += errs
        rate = f"{r['rps']:,.0f}" if not r.get("bounded") else f"{r['count']} in all"
        if r.get("note"):
            rate = f"– ({r['note']})"
        cpu = f"{r['cpu']:.2f} cores" if r.get("cpu") is not None else "–"
        rss = f"{r['rss']:.0f}" if r.get("rss") else "–"
        print(f"| {r['line']} | {r['c']} | {rate} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {errs} "
              f"| {cpu} | {rss} | {ratio_noop} | {ratio_min} |")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["prepare", "answers", "pgbench", "table"])
    parser.add_argument("--kc-base", help="Keycloak's base URL (without /realms/...)")
    parser.add_argument("--secret", default="owlet-ci-secret", help="the owlet client's secret")
    parser.add_argument("--psql", help="the psql command for the app's database")
    parser.add_argument("--pgbench", default="pgbench")
    parser.add_argument("--learners", type=int, default=64)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--out", help="the benchmark's work directory")
    parser.add_argument("--results", help="JSON lines of the runs (table)")
    args = parser.parse_args()
    if args.command == "table":
        sys.exit(1 if table(args) else 0)
    {"prepare": prepare, "answers": answers, "pgbench": pgbench}[args.command](args)


if __name__ == "__main__":
    main()
