#!/usr/bin/env python3
"""The rehearsal of the production topology (.ci/run's packaged stage, after the fault tests): an end-to-end scenario
through nginx in front of two replicas of the packaged app (Python 3 standard library, plus PyYAML for the course's
answer keys; the HTTP plumbing and the bearer-token learners are .ci/faults.py's).

  1. ana@acme.example signs in the way a browser does, through nginx: Owlet's redirect, Keycloak's two-step login
     (user name, then password: Organizations are on), the callback; the cookies are kept. Her session is a row of
     oidc_session (the cookie holds only its id): checked with psql.
  2. She enrols in a real course, reads its lessons, passes its practice quiz and its final with the answer keys of
     courses/<course>/items. nginx balances every request over the two replicas (round robin, no stickiness); the
     X-Owlet-Upstream header that the rehearsal's nginx adds says which replica answered: her answers must be
     acknowledged by both replicas with the same session cookie.
  3. Meanwhile two learners with bearer tokens answer drill cards and quiz questions through nginx; in the middle of
     the final one replica is killed (--stop-replica, SIGKILL). nginx sends the rest to the other replica; every
     answer acknowledged (a 303 to its feedback page) must be stored, and nothing else (psql).
  4. Her certificate's signed credential names a verification URL that starts with the public (nginx) URL; carl, a
     company admin of acme, sees her completion in /api/v1/companies/acme/completion; cora, a coalition admin, gets
     an export /api/v1/reports/trained that counts it.
  5. A burst of /verify/<code> through nginx ends in nginx's own 429 (limit_req).

Prints every figure and one summary line; exit status 1 when a check fails. Random choices come from --seed (printed).
"""

import argparse
import base64
import glob
import hashlib
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

sys.dont_write_bytecode = True  # no .ci/__pycache__ in the clone
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faults  # noqa: E402  (.ci/faults.py: the same plumbing as the fault tests)
from faults import CheckFailed, Forms, Reply, Stats, Tokens, check  # noqa: E402

LEARNER = "ana@acme.example"
COMPANY_ADMIN = "carl@acme.example"
COALITION_ADMIN = "cora@coalition.example"
COMPANY = "acme"
BACKGROUND = [("gina@globex.example", "drill", "live-animals", "look-closely"),
              ("gus@globex.example", "quiz", "ivory-horn-casque", "law-and-materials")]
PASSWORD = "owlet"
RETRY_STATUSES = (0, 502, 503, 504)


def log(message):
    print(f"[rehearsal] {message}", flush=True)


# ------------------------------------------------------------------------------------------------ a browser


class Browser:
    """Cookies per host:port (Secure ones too: everything runs on loopback http here, where browsers treat
    127.0.0.1 as a secure context), no automatic redirects, Origin on every POST as a browser sends it."""

    def __init__(self, public_url):
        self.public = public_url.rstrip("/")
        self.jar = {}

    def cookies(self, url):
        return self.jar.setdefault(urllib.parse.urlsplit(url).netloc, {})

    def send(self, method, url, form=None, accept="text/html", timeout=60):
        if url.startswith("/"):
            url = self.public + url
        headers = {"Accept": accept, "Accept-Language": "en", "User-Agent": "owlet-rehearsal"}
        jar = self.cookies(url)
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            parts = urllib.parse.urlsplit(url)
            headers["Origin"] = f"{parts.scheme}://{parts.netloc}"
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with faults.OPENER.open(req, timeout=timeout) as resp:
                reply = Reply(resp.status, resp.headers, resp.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as e:
            reply = Reply(e.code, e.headers, e.read().decode("utf-8", "replace"))
        except (urllib.error.URLError, OSError) as e:
            return Reply(0, None, "", error=str(getattr(e, "reason", e)))
        for header in reply.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            attributes = rest.lower()
            if value == "" or "max-age=0" in attributes or re.search(r"expires=[^;]*19[0-9][0-9]", attributes):
                jar.pop(name.strip(), None)
            else:
                jar[name.strip()] = value
        return reply

    def until(self, what, method, url, form=None, ok=(200,), give_up=90):
        """Sends again (unchanged) while nginx or the app answer that nobody can serve it right now."""
        deadline = time.monotonic() + give_up
        while True:
            reply = self.send(method, url, form)
            if reply.status in ok:
                return reply
            if reply.status not in RETRY_STATUSES or time.monotonic() > deadline:
                raise CheckFailed(f"{what}: {method} {url}: {reply.describe()}")
            log(f"  {what}: {reply.status or reply.error}, sent again")
            time.sleep(0.5)


def upstream(reply):
    """The replica that answered ($upstream_addr lists every one nginx tried, the one that answered last)."""
    return reply.headers.get("X-Owlet-Upstream", "?").split(",")[-1].strip() if reply.headers else "?"


def sign_in(browser, user, oidc_url):
    start = browser.send("GET", "/login?return=%2Fhome")
    check(start.status in (302, 303) and start.location.startswith(oidc_url),
          f"/login did not send the browser to Keycloak: {start.describe()} {start.location}")
    redirect_uri = urllib.parse.parse_qs(urllib.parse.urlsplit(start.location).query).get("redirect_uri", [""])[0]
    log(f"sign-in: Owlet (via nginx) sends the browser to Keycloak with redirect_uri {redirect_uri}")
    check(redirect_uri.startswith(browser.public + "/"), f"redirect_uri {redirect_uri} is not under {browser.public}")
    page = browser.send("GET", start.location)
    steps = 0
    while page.status == 200 and steps < 3:
        form = next((f for f in Forms(page.body).forms if "login-actions" in f["action"]), None)
        check(form is not None, f"no Keycloak login form at step {steps + 1}: {page.body[:300]!r}")
        fields = {name: value for name, _, value in form["inputs"]}
        if "username" in fields:
            fields["username"] = user
        if "password" in fields:
            fields["password"] = PASSWORD
        page = browser.send("POST", form["action"], form=fields)
        steps += 1
    check(page.status in (302, 303) and page.location.startswith(browser.public),
          f"Keycloak did not send {user} back to Owlet after {steps} steps: {page.describe()}")
    log(f"sign-in: Keycloak's login took {steps} forms (user name, password)")
    reply, location = None, page.location
    for _ in range(4):  # the callback, then Owlet's own redirects to the page asked for
        reply = browser.until("after sign-in", "GET", location, ok=(200, 302, 303))
        if reply.status == 200:
            break
        location = reply.location if reply.location.startswith("http") else browser.public + reply.location
    check(reply.status == 200 and "/logout" in reply.body, f"{user} does not look signed in on {location}: {reply.describe()}")
    log(f"sign-in: {user} is signed in on {location}")
    return reply


# ------------------------------------------------------------------------------------------------ the course


def answer_keys(courses, course):
    keys = {}
    for path in sorted(glob.glob(os.path.join(courses, course, "items", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            for item in yaml.safe_load(f)["items"]:
                keys[item["id"]] = item
    return keys


def right_fields(form, item):
    """The hidden fields as rendered plus the right answer from the item's key (like RightAnswers in the tests)."""
    fields = [(n, v) for n, kind, v in form["inputs"] if kind == "hidden"]
    kind = item["type"]
    if kind == "true-false":
        fields.append(("truth", "true" if item["answer"] else "false"))
    elif kind == "hotspot":
        fields.append(("region", item["correct"][0]))
    elif kind == "listing-triage":
        decisions = [v for n, _, v in form["inputs"] if n == "decision"]
        decision = next((d for d in decisions if d.lower() == item["decision"].lower()), None)
        check(decision is not None, f"item {item['id']}: no decision {item['decision']} among {decisions}")
        fields.append(("decision", decision))
        fields.extend(("phrase", p) for p in item.get("redFlags", []))
    else:
        correct = item["correct"]
        fields.extend(("option", o) for o in ([correct] if isinstance(correct, str) else correct))
    return fields


class Scenario:
    def __init__(self, args):
        self.args = args
        self.browser = Browser(args.url)
        self.keys = answer_keys(args.courses, args.course)
        with open(os.path.join(args.courses, args.course, "course.yaml"), encoding="utf-8") as f:
            self.modules = yaml.safe_load(f)["modules"]
        self.acknowledged = {}  # rendered question's key -> the replica (upstream) that acknowledged the answer
        self.by_upstream = {}
        self.killed_at = None
        self.after_stop = {}  # replica -> answers it acknowledged after replica 1 was stopped

    def post_form(self, page_path, suffix, what):
        page = self.browser.until(what + " page", "GET", page_path)
        form = Forms(page.body).posting_to(suffix)
        check(form is not None, f"no form posting to ...{suffix} on {page_path}")
        fields = [(n, v) for n, kind, v in form["inputs"] if kind == "hidden"]
        return self.browser.until(what, "POST", form["action"], form=fields, ok=(303,))

    def enrol_and_read(self):
        course = self.args.course
        self.post_form("/learn", f"/learn/{course}/enrol", "enrol")
        lessons = [m["id"] for m in self.modules if m["kind"] == "lesson"]
        for lesson in lessons:
            self.post_form(f"/learn/{course}/lessons/{lesson}", f"/lessons/{lesson}/read", f"lesson {lesson} read")
        log(f"{LEARNER}: enrolled in {course}, {len(lessons)} lessons read")

    def assessment(self, module, on_answer=None):
        """Starts (or resumes) the quiz or final, answers every question right, submits; returns the attempt path."""
        course = self.args.course
        start = self.post_form(f"/learn/{course}", f"/modules/{module}/start", f"start {module}")
        attempt = urllib.parse.urlsplit(start.location).path
        check("/learn/attempts/" in attempt, f"start {module} went to {start.location}")
        answered = 0
        while True:
            page = self.browser.until("attempt page", "GET", attempt)
            forms = Forms(page.body)
            form = forms.question()
            if form is None:
                submit = forms.posting_to("/submit")
                check(submit is not None, f"{attempt}: neither a question nor a submit form")
                done = self.browser.until(f"submit {module}", "POST", submit["action"],
                                          form=[(n, v) for n, kind, v in submit["inputs"] if kind == "hidden"], ok=(303,))
                log(f"{LEARNER}: {module} submitted after {answered} answers -> {done.location}")
                return attempt, done
            self.answer(attempt, form)
            answered += 1
            if on_answer:
                on_answer(answered)

    def answer(self, page_path, form):
        """Sends the right answer to the question form; keeps the answer id and the replica that acknowledged it."""
        hidden = {n: v for n, kind, v in form["inputs"] if kind == "hidden"}
        item = self.keys.get(hidden.get("item"))
        check(item is not None, f"{page_path}: item {hidden.get('item')} not in courses/{self.args.course}/items")
        reply = self.browser.until("answer", "POST", form["action"], form=right_fields(form, item), ok=(303,))
        # drills and quizzes show the feedback of the answer; a final goes on to its next question
        check("/feedback/" in reply.location or reply.location.rstrip("/").endswith(urllib.parse.urlsplit(page_path).path)
              or "/learn/attempts/" in reply.location, f"answer to {item['id']} went to {reply.location}")
        served = upstream(reply)
        self.acknowledged[hidden["key"]] = served
        self.by_upstream[served] = self.by_upstream.get(served, 0) + 1
        if self.killed_at is not None:
            self.after_stop[served] = self.after_stop.get(served, 0) + 1
        if "/feedback/" in reply.location:
            self.browser.send("GET", urllib.parse.urlsplit(reply.location).path)  # the feedback, like a browser

    def drills(self):
        """Goes once through every drill deck (the final's gate): the due and new cards, answered right, until none is left."""
        course = self.args.course
        for drill in [m["id"] for m in self.modules if m["kind"] == "drill"]:
            cards = 0
            for _ in range(300):
                page = self.browser.until("drill card", "GET", f"/learn/{course}/drills/{drill}")
                form = Forms(page.body).question()
                if form is None:
                    break
                self.answer(f"/learn/{course}/drills/{drill}", form)
                cards += 1
            log(f"{LEARNER}: drill {drill}: {cards} cards answered")


def psql(args, sql):
    return faults.psql(args, sql)


def kill_replica(args, scenario):
    log(f"stopping replica 1 in the middle of the final: {args.stop_replica}")
    scenario.killed_at = time.monotonic()
    faults.shell(args.stop_replica)


def post_json(url, token, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json",
                                          "Accept": "application/json", "Accept-Language": "en"})
    try:
        with faults.OPENER.open(req, timeout=60) as resp:
            return Reply(resp.status, resp.headers, resp.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as e:
        return Reply(e.code, e.headers, e.read().decode("utf-8", "replace"))


def run(args):
    t0 = time.monotonic()
    log(f"seed {args.seed}; public URL {args.url}; replicas {args.replica_urls}")
    scenario = Scenario(args)
    browser = scenario.browser
    tokens = Tokens(args.oidc_url, args.oidc_secret)

    # 0. the coalition admin registers the learner's company (its Keycloak organization) in the fresh database
    company = post_json(f"{args.url}/api/v1/companies", tokens.get(COALITION_ADMIN),
                        {"slug": COMPANY, "name": "Acme Marketplace", "region": "EUROPE", "country": "NL",
                         "organization": COMPANY, "domains": ["acme.example"], "joinedOn": time.strftime("%Y-%m-%d")})
    check(company.status == 201, f"{COALITION_ADMIN} could not register {COMPANY}: {company.describe()}")
    log(f"{COALITION_ADMIN} registered company {COMPANY} (organization {COMPANY}) through nginx")

    # 1. sign in through nginx; the session is a database row
    sessions_before = int(psql(args, "select count(*) from oidc_session"))
    sign_in(browser, LEARNER, args.oidc_url)
    jar = browser.cookies(args.url)
    session_cookie = next((k for k in jar if k.startswith("q_session")), None)
    check(session_cookie is not None, f"no q_session cookie after the sign-in: {sorted(jar)}")
    session_value = jar[session_cookie]  # the same value is sent to both replicas for the whole scenario
    id_hash = hashlib.sha256(urllib.parse.unquote(session_value).encode()).hexdigest()
    rows = int(psql(args, f"select count(*) from oidc_session where id_hash = '{id_hash}'"))
    sessions_after = int(psql(args, "select count(*) from oidc_session"))
    log(f"session: cookie {session_cookie} ({len(jar[session_cookie])} characters), oidc_session rows "
        f"{sessions_before} -> {sessions_after}, row for this cookie: {rows}")
    check(rows == 1, "the session cookie names no row of oidc_session")
    check(len(jar[session_cookie]) < 200, "the session cookie is long enough to hold tokens: sessions are not in the database")

    # 2. the course, with background learners through nginx
    before = int(psql(args, "select coalesce(max(id), 0) from answer"))
    scenario.enrol_and_read()
    scenario.drills()
    for quiz in [m["id"] for m in scenario.modules if m["kind"] == "quiz"]:
        scenario.assessment(quiz)
    practice_upstreams = dict(scenario.by_upstream)
    log(f"drill and quiz answers by replica (before the stop): {practice_upstreams}")

    stats, stop = Stats(), threading.Event()
    learners = []
    for i, (user, mode, course, module) in enumerate(BACKGROUND):
        seed = args.seed * 100 + i
        log(f"background learner {user}: {mode} {course}/{module} through nginx, seed {seed}")
        learner = faults.Learner(user, args.url, tokens, stats, stop, seed, mode, course, module)
        learner.start()
        learners.append(learner)
    faults.busy(learners, 2, give_up=240)

    def maybe_kill(answered):
        if answered == args.kill_after:
            kill_replica(args, scenario)
    attempt, _ = scenario.assessment("final", on_answer=maybe_kill)
    check(scenario.killed_at is not None, f"the final had fewer than {args.kill_after} questions: no replica was stopped")
    faults.busy(learners, 2, give_up=240)  # the background learners answer on after the stop too
    stop.set()
    faults.join(learners)

    attempt_id = int(attempt.rsplit("/", 1)[1])
    passed = psql(args, f"select 'submitted ' || (submitted_at is not null) || ', score ' || score from attempt "
                        f"where id = {attempt_id}")
    log(f"final attempt {attempt_id}: {passed}")
    certificate = ""
    for _ in range(20):  # issued when the pass is observed
        certificate = psql(args, f"select c.code from certificate c join member m on m.id = c.member_id "
                                 f"where m.email = '{LEARNER}' and c.course_id = '{args.course}'")
        if certificate:
            break
        time.sleep(0.5)
    check(certificate != "", f"{LEARNER} holds no certificate for {args.course} after the final ({passed})")
    code = certificate.splitlines()[0]

    # every answer acknowledged is stored, nothing else
    # answers are matched by the key of the question the server rendered (a final's answer is acknowledged by the
    # redirect to its next question, which names no answer id)
    stored_rows = psql(args, f"select q.question_key, a.id from answer a join rendered_question q on q.id = a.question_id "
                             f"where a.id > {before}")
    stored_pairs = [line.split("|") for line in stored_rows.splitlines() if line]
    stored = {}
    for key, answer_id in stored_pairs:
        stored.setdefault(key, []).append(int(answer_id))
    background_acked = stats.acknowledged  # key -> answer id from the feedback address
    acked = set(scenario.acknowledged) | set(background_acked)
    missing = acked - set(stored)
    extra = set(stored) - acked
    duplicates = sum(len(ids) - 1 for ids in stored.values())
    wrong_id = [k for k, answer_id in background_acked.items() if k in stored and answer_id not in stored[k]]
    log(f"answers of {LEARNER} by replica: {scenario.by_upstream}; background learners: {len(background_acked)} answers, "
        f"requests {stats.requests}, by status {dict(sorted(stats.by_status.items()))}")
    stored_count = len(stored_pairs)
    log(f"replica stopped: acknowledged {len(acked)} stored {stored_count} (missing {len(missing)}, not acknowledged "
        f"{len(extra)}, duplicates {duplicates + len(stats.ack_conflicts)}, other answer id {len(wrong_id)})")
    check(not missing, f"{len(missing)} acknowledged answers are not stored, e.g. question keys {sorted(missing)[:3]}")
    check(not extra, f"{len(extra)} answers stored but never acknowledged, e.g. question keys {sorted(extra)[:3]}")
    check(duplicates == 0 and not stats.ack_conflicts, f"{duplicates + len(stats.ack_conflicts)} duplicate answers")
    check(not wrong_id, f"{len(wrong_id)} acknowledged answer ids differ from the stored ones")
    stopped = urllib.parse.urlsplit(args.replica_urls.split()[0]).netloc if args.replica_urls else None
    log(f"answers of {LEARNER} acknowledged after replica 1 ({stopped}) was stopped, by replica: {scenario.after_stop}")
    check(scenario.after_stop and stopped not in scenario.after_stop,
          f"after the stop of {stopped} the answers were acknowledged by {scenario.after_stop}")
    check(jar.get(session_cookie) == session_value, "the session cookie changed during the scenario")
    replicas = {u for u in scenario.by_upstream if u != "?"}
    both = {urllib.parse.urlsplit(u).netloc for u in args.replica_urls.split()}
    check(len(both) == 2 and both <= set(practice_upstreams),
          f"before the stop, {LEARNER}'s answers (one session cookie) were acknowledged by {practice_upstreams}, not by "
          f"both replicas {sorted(both)}: nginx did not balance")

    # 3. the certificate names the public URL
    credential = faults.request("GET", f"{args.url}/api/v1/certificates/{code}/credential", accept="application/vc+jwt")
    check(credential.status == 200, f"the certificate's credential: {credential.describe()}")
    payload = credential.body.split(".")[1] if credential.body.count(".") == 2 else None
    text = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode() if payload else credential.body
    urls = sorted(set(re.findall(r"https?://[^\"\s]*/verify/[A-Za-z0-9-]+", text)))
    log(f"certificate {code}: verification URLs in its signed credential: {urls}")
    check(urls and all(u.startswith(args.url + "/verify/") for u in urls),
          f"the credential's verification URLs {urls} do not start with {args.url}")
    mine = browser.until("my certificates", "GET", "/me/certificates")
    links = sorted(set(re.findall(r'href="([^"]*/verify/[^"]*)"', mine.body)))
    log(f"{LEARNER}'s /me/certificates links to {links}")
    check(f"{args.url}/verify/{code}" in links, f"/me/certificates does not link to {args.url}/verify/{code}: {links}")

    # 4. the company admin and the coalition admin
    completion = faults.request("GET", f"{args.url}/api/v1/companies/{COMPANY}/completion", tokens.get(COMPANY_ADMIN),
                                accept="application/json")
    check(completion.status == 200, f"{COMPANY_ADMIN}: completion: {completion.describe()}")
    states = [(m.get("email"), c["status"]) for m in json.loads(completion.body)["members"] for c in m["courses"]
              if c["course"] == args.course]
    admin_sees = sum(1 for _, status in states if status in ("completed", "certified"))
    log(f"{COMPANY_ADMIN} (company admin) sees in {args.course}: {states}")
    check(admin_sees == 1 and any(e == LEARNER and s in ("completed", "certified") for e, s in states),
          f"{COMPANY_ADMIN} does not see {LEARNER}'s completion: {states}")
    year = time.strftime("%Y")  # the report's default period is the last full calendar year
    export = faults.request("GET", f"{args.url}/api/v1/reports/trained?period={year}&format=json",
                            tokens.get(COALITION_ADMIN), accept="application/json")
    check(export.status == 200, f"{COALITION_ADMIN}: trained export: {export.describe()}")
    totals = json.loads(export.body)["totals"]
    log(f"{COALITION_ADMIN} (coalition admin): /api/v1/reports/trained?period={year} totals {totals}")
    export_counts = totals["elearning"]
    check(export_counts == 1, f"the export counts {export_counts} trained, expected 1")

    # 5. nginx's rate limit on /verify
    statuses = []
    for _ in range(args.burst):
        reply = browser.send("GET", f"/verify/{code}")
        statuses.append(reply.status if reply.status != 429 or "nginx" not in reply.body else "429-nginx")
    first_limited = next((i + 1 for i, s in enumerate(statuses) if s == "429-nginx"), None)
    log(f"/verify burst of {args.burst} through nginx: {dict((str(s), statuses.count(s)) for s in statuses)}, "
        f"first nginx 429 at request {first_limited}")
    check(statuses[0] == 200, f"/verify/{code} answered {statuses[0]} before the burst")
    check(first_limited is not None, "nginx never answered 429 to the /verify burst")

    log(f"rehearsal: {LEARNER} passed on {len(replicas)} replicas (answers by replica {scenario.by_upstream}), "
        f"certificate URL {urls[0]}, admin sees {admin_sees}, export counts {export_counts}, replica stopped: "
        f"acknowledged {len(acked)} stored {stored_count}, /verify 429 from request {first_limited}, "
        f"{time.monotonic() - t0:.0f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the public URL: nginx in front of the replicas")
    parser.add_argument("--replica-urls", default="", help="the replicas' own URLs (printed only)")
    parser.add_argument("--oidc-url", required=True, help="the Keycloak realm URL")
    parser.add_argument("--oidc-secret", required=True)
    parser.add_argument("--psql", required=True, help="psql command line reaching the replicas' database")
    parser.add_argument("--stop-replica", required=True, help="shell command stopping one replica")
    parser.add_argument("--courses", required=True, help="the courses/ folder (answer keys)")
    parser.add_argument("--course", default="live-animals")
    parser.add_argument("--kill-after", type=int, default=6, help="answers of the final before a replica is stopped")
    parser.add_argument("--burst", type=int, default=25, help="requests of the /verify burst")
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    try:
        run(args)
    except CheckFailed as e:
        log(f"FAILED: {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
