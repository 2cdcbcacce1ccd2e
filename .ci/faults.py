#!/usr/bin/env python3
"""Fault tests and the soak load for the packaged Owlet app (Python 3 standard library only).

.ci/run's packaged stage (and .ci/soak) start the topology and call one subcommand at a time:

  outage        several learners answer drill cards and quiz questions the way a browser form does (GET the
                question page, POST its form with a bearer token); PostgreSQL is stopped (immediate) and started
                again meanwhile. Checks: the readiness probe says not ready while the database is down and ready
                again without help; every answer acknowledged (the POST's 303 to its feedback page) is stored
                exactly once and nothing else is stored; every request refused meanwhile got Owlet's own 503 page.
  resume-start  a learner starts a quiz and answers some of its questions; what they saw is kept in --state
  resume-check  (after the app was restarted) the learner comes back: same attempt, answers kept, same question
  soak          learners answer, browse pages and download certificate PDFs for --seconds; prints request and
                error counts (the memory figures are .ci/soak's)
  smoke         one bearer call to /api/v1/me (OWLET_CI_DRY)

Every figure is printed. Random choices come from --seed (printed). Exit status 1 when a check fails.
"""

import argparse
import html.parser
import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

DEMO_LEARNERS = ["ana@acme.example", "carl@acme.example", "gina@globex.example", "gus@globex.example",
                 "cora@coalition.example", "ivan@individual.example"]
RESUME_LEARNER = "newbie@initech.example"
DRILLS = [("ivory-horn-casque", "look-closely"), ("live-animals", "look-closely")]
QUIZZES = [("ivory-horn-casque", "law-and-materials"), ("live-animals", "listing-practice")]
RESUME_QUIZ = ("ivory-horn-casque", "triage-practice")
TOKEN_REFRESH_SECONDS = 120  # the realm's access tokens live 300 s


def log(message):
    print(f"[faults] {message}", flush=True)


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


# ------------------------------------------------------------------------------------------------ HTTP


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Reply:
    """One HTTP exchange: status (0 when the connection failed), headers, body text."""

    def __init__(self, status, headers, body, error=None):
        self.status, self.headers, self.body, self.error = status, headers, body, error

    @property
    def location(self):
        return self.headers.get("Location", "") if self.headers else ""

    def is_owlet_error_page(self, status):
        """Owlet's own error page (the layout, the status's title), not a stack trace or a container default."""
        return (self.status == status and "text/html" in (self.headers.get("Content-Type", "") if self.headers else "")
                and '<main' in self.body and 'class="error' in self.body
                and not re.search(r"Exception|\bat [a-z]+\.[a-z]+\.|stack ?trace", self.body))

    def describe(self):
        if self.status == 0:
            return f"no answer ({self.error})"
        return f"{self.status} {self.headers.get('Content-Type', '')} {self.body[:120]!r}"


def request(method, url, token=None, form=None, timeout=30, accept="text/html"):
    data = None
    headers = {"Accept": accept, "Accept-Language": "en"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if form is not None:
        data = urllib.parse.urlencode(form, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with OPENER.open(req, timeout=timeout) as resp:
            return Reply(resp.status, resp.headers, resp.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as e:
        return Reply(e.code, e.headers, e.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError) as e:
        return Reply(0, None, "", error=str(getattr(e, "reason", e)))


def get_bytes(url, token, timeout=60):
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    try:
        with OPENER.open(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, OSError) as e:
        return 0, str(e).encode()


class Tokens:
    """Access tokens of the realm's demo users (password grant of the confidential client), renewed before expiry."""

    def __init__(self, oidc_url, secret):
        self.endpoint = oidc_url.rstrip("/") + "/protocol/openid-connect/token"
        self.secret = secret
        self.cache = {}
        self.lock = threading.Lock()

    def get(self, user):
        with self.lock:
            token, at = self.cache.get(user, (None, 0))
            if token and time.monotonic() - at < TOKEN_REFRESH_SECONDS:
                return token
        form = {"grant_type": "password", "client_id": "owlet", "client_secret": self.secret, "username": user,
                "password": "owlet", "scope": "openid"}
        for _ in range(5):
            reply = request("POST", self.endpoint, form=form)
            if reply.status == 200:
                token = json.loads(reply.body)["access_token"]
                with self.lock:
                    self.cache[user] = (token, time.monotonic())
                return token
            time.sleep(1)
        raise CheckFailed(f"no token for {user}: {reply.describe()}")


# ------------------------------------------------------------------------------------------------ forms


class Forms(html.parser.HTMLParser):
    """The forms of a page: action, and the inputs a browser would send (name, type, value), by form."""

    def __init__(self, text):
        super().__init__()
        self.forms, self.current = [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = {"action": a.get("action", ""), "method": a.get("method", "get").lower(), "inputs": []}
            self.forms.append(self.current)
        elif tag == "input" and self.current is not None and "disabled" not in a and a.get("name"):
            self.current["inputs"].append((a["name"], a.get("type", "text"), a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None

    def question(self):
        """The question form (the one carrying the rendered question's key), or None."""
        return next((f for f in self.forms if any(n == "key" for n, _, _ in f["inputs"])), None)

    def posting_to(self, suffix):
        return next((f for f in self.forms if f["method"] == "post" and f["action"].endswith(suffix)), None)


def fill(form, rng):
    """The fields a learner sends: every hidden field as rendered, and one choice in each group of choices."""
    fields, choices = [], {}
    for name, kind, value in form["inputs"]:
        if kind == "hidden":
            fields.append((name, value))
        elif kind in ("radio", "checkbox"):
            choices.setdefault(name, []).append(value)
    for name, values in sorted(choices.items()):
        if name == "phrase" and rng.random() < 0.5:
            continue  # marking phrases is optional in a triage
        fields.append((name, rng.choice(values)))
    return fields


def key_of(fields):
    return next(v for n, v in fields if n == "key")


# ------------------------------------------------------------------------------------------------ learners


class Stats:
    """What all learners saw, shared between threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {}  # rendered question key -> answer id from the 303's Location
        self.ack_conflicts = []  # a key acknowledged with two different answer ids
        self.requests = 0
        self.by_status = {}
        self.refused = []  # (sent, done, what, Reply) of every refused request (status 0 or >= 400), monotonic times
        self.pdfs = 0

    def count(self, what, reply, sent=None):
        done = time.monotonic()
        with self.lock:
            self.requests += 1
            self.by_status[reply.status] = self.by_status.get(reply.status, 0) + 1
            if reply.status == 0 or reply.status >= 400:
                self.refused.append((done if sent is None else sent, done, what, reply))

    def acknowledge(self, key, answer_id):
        with self.lock:
            before = self.acknowledged.setdefault(key, answer_id)
            if before != answer_id:
                self.ack_conflicts.append((key, before, answer_id))


class Learner(threading.Thread):
    """One learner answering, the way the browser form does: GET the question page, POST its form, follow to the
    feedback. A refused or unanswered POST is sent again, unchanged (the same rendered question's key), until it is
    acknowledged: the answer then counts once, whatever happened to the tries before."""

    def __init__(self, name, base, tokens, stats, stop, seed, mode, course, module, extras=False):
        super().__init__(name=name, daemon=True)
        self.user, self.base, self.tokens, self.stats, self.stop = name, base, tokens, stats, stop
        self.rng, self.mode, self.course, self.module, self.extras = random.Random(seed), mode, course, module, extras
        self.failure = None
        self.answers = 0

    def call(self, what, method, path, form=None):
        token = self.tokens.get(self.user)
        sent = time.monotonic()
        reply = request(method, self.base + path, token=token, form=form)
        self.stats.count(what, reply, sent)
        return reply

    def until_ok(self, what, method, path, form=None, ok=(200, 303), give_up=90):
        """Tries until the app answers with one of ok (a learner reloading), for at most give_up seconds."""
        deadline = time.monotonic() + give_up
        while True:
            reply = self.call(what, method, path, form)
            if reply.status in ok:
                return reply
            if 400 <= reply.status < 500 and reply.status not in (401, 408, 429):
                raise CheckFailed(f"{self.user}: {what} {method} {path} refused: {reply.describe()}")
            if time.monotonic() > deadline:
                raise CheckFailed(f"{self.user}: {what} {method} {path} never succeeded: {reply.describe()}")
            time.sleep(0.3 + self.rng.random() * 0.4)

    def run(self):
        try:
            self.until_ok("enrol", "POST", f"/learn/{self.course}/enrol")
            while not self.stop.is_set():
                self.drill_card() if self.mode == "drill" else self.quiz_question()
                if self.extras and self.answers % 5 == 0:
                    self.browse()
        except CheckFailed as e:
            self.failure = str(e)
        except Exception as e:  # a bug in this script must not pass for a green run
            self.failure = f"{type(e).__name__}: {e}"

    def answer(self, page_path, answer_path_re):
        page = self.until_ok("question page", "GET", page_path, ok=(200,))
        form = Forms(page.body).question()
        check(form is not None, f"{self.user}: no question form on {page_path}")
        fields = fill(form, self.rng)
        reply = self.until_ok("answer", "POST", form["action"], form=fields, ok=(303,))
        match = re.search(answer_path_re, reply.location)
        key = key_of(fields)
        if match:
            self.stats.acknowledge(key, int(match.group(1)))
        self.answers += 1
        self.call("feedback", "GET", urllib.parse.urlparse(reply.location).path)  # best effort, like a browser
        return match is not None

    def drill_card(self):
        check(self.answer(f"/learn/{self.course}/drills/{self.module}?practice=true", r"/feedback/(\d+)"),
              f"{self.user}: a drill answer did not redirect to its feedback")

    def quiz_question(self):
        start = self.until_ok("quiz start", "POST", f"/learn/{self.course}/modules/{self.module}/start", ok=(303,))
        attempt_path = urllib.parse.urlparse(start.location).path
        while not self.stop.is_set():
            page = self.until_ok("attempt page", "GET", attempt_path, ok=(200,))
            forms = Forms(page.body)
            if forms.question() is None:
                submit = forms.posting_to("/submit")
                check(submit is not None, f"{self.user}: attempt page with neither a question nor submit")
                self.until_ok("quiz submit", "POST", submit["action"], form=fill(submit, self.rng), ok=(303,))
                return
            check(self.answer(attempt_path, r"/feedback/(\d+)"), f"{self.user}: a quiz answer did not redirect to feedback")

    def browse(self):
        for path in ("/home", "/learn", f"/learn/{self.course}", "/home/progress", "/me/certificates"):
            self.call("page " + path, "GET", path)


def start_learners(args, tokens, stats, stop, users, extras=False):
    learners = []
    for i, user in enumerate(users):
        mode = "drill" if i % 2 == 0 else "quiz"
        course, module = (DRILLS if mode == "drill" else QUIZZES)[(i // 2) % 2]
        seed = args.seed * 100 + i
        log(f"learner {user}: {mode} {course}/{module}, seed {seed}")
        learner = Learner(user, args.url, tokens, stats, stop, seed, mode, course, module, extras)
        learner.start()
        learners.append(learner)
    return learners


def busy(learners, answers, give_up):
    """Waits until every learner has acknowledged `answers` more answers (a slow machine needs longer than a fast one)."""
    targets = {lr.user: lr.answers + answers for lr in learners}
    deadline = time.monotonic() + give_up
    while time.monotonic() < deadline:
        failed = [f"{lr.user}: {lr.failure}" for lr in learners if lr.failure]
        check(not failed, "learners failed:\n  " + "\n  ".join(failed))
        if all(lr.answers >= targets[lr.user] for lr in learners):
            return
        time.sleep(0.2)
    raise CheckFailed(f"learners did not answer {answers} questions each in {give_up} s: "
                      f"{ {lr.user: lr.answers for lr in learners} }")


def join(learners, give_up=120):
    deadline = time.monotonic() + give_up
    for learner in learners:
        learner.join(max(1, deadline - time.monotonic()))
    hanging = [lr.user for lr in learners if lr.is_alive()]
    check(not hanging, f"learners still busy after {give_up} s: {hanging}")
    failures = [f"{lr.user}: {lr.failure}" for lr in learners if lr.failure]
    check(not failures, "learners failed:\n  " + "\n  ".join(failures))


# ------------------------------------------------------------------------------------------------ database, probes


def psql(args, sql):
    out = subprocess.run(args.psql.split() + ["-At", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True,
                         timeout=60)
    if out.returncode != 0:
        raise CheckFailed(f"psql failed: {out.stderr.strip()}")
    return out.stdout.strip()


def shell(command):
    done = subprocess.run(command, shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise CheckFailed(f"{command} failed: {done.stdout}{done.stderr}")


class Readiness(threading.Thread):
    """Polls the readiness probe every 200 ms and keeps (time, ready) pairs."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.samples, self.stop = url, [], threading.Event()

    def run(self):
        while not self.stop.is_set():
            reply = request("GET", self.url, timeout=5)
            self.samples.append((time.monotonic(), reply.status == 200 and '"UP"' in reply.body, reply.status))
            self.stop.wait(0.2)

    def ready_now(self):
        return bool(self.samples) and self.samples[-1][1]

    def wait(self, ready, give_up):
        deadline = time.monotonic() + give_up
        while time.monotonic() < deadline:
            if self.samples and self.samples[-1][1] == ready:
                return self.samples[-1][0]
            time.sleep(0.05)
        return None


# ------------------------------------------------------------------------------------------------ subcommands


def outage(args):
    tokens, stats, stop = Tokens(args.oidc_url, args.oidc_secret), Stats(), threading.Event()
    before = int(psql(args, "select coalesce(max(id), 0) from answer"))
    probe = Readiness(args.ready_url)
    probe.start()
    check(probe.wait(True, 30) is not None, "the app is not ready before the test")
    learners = start_learners(args, tokens, stats, stop, DEMO_LEARNERS)
    t0 = time.monotonic()
    busy(learners, 3, give_up=240)
    time.sleep(args.warmup)
    answered_before = len(stats.acknowledged)
    log(f"warm-up: {answered_before} answers acknowledged in {time.monotonic() - t0:.1f} s")

    log(f"stopping PostgreSQL ({answered_before} answers acknowledged so far)")
    t_stop = time.monotonic()
    shell(args.pg_stop)
    t_down = probe.wait(False, 30)
    check(t_down is not None, "readiness still says ready 30 s after PostgreSQL stopped")
    log(f"not ready {t_down - t_stop:.1f} s after the stop")
    time.sleep(args.down)
    ready_while_down = [s for s in probe.samples if s[0] > t_down and s[1]]
    check(not ready_while_down, f"readiness said ready {len(ready_while_down)} times while PostgreSQL was down")

    log("starting PostgreSQL again")
    t_start = time.monotonic()
    shell(args.pg_start)
    t_up = probe.wait(True, 60)
    check(t_up is not None, "the app did not become ready within 60 s of PostgreSQL's start")
    down_seconds = t_start - t_stop
    log(f"PostgreSQL down {down_seconds:.1f} s; ready again {t_up - t_start:.1f} s after its start")
    acknowledged_at_recovery = len(stats.acknowledged)
    busy(learners, 2, give_up=240)
    time.sleep(args.after)
    log(f"after recovery: {len(stats.acknowledged) - acknowledged_at_recovery} more answers acknowledged")
    stop.set()
    join(learners)
    probe.stop.set()

    # what the learners were told during the outage, and how
    refused = stats.refused
    honest = [r for _, _, _, r in refused if r.is_owlet_error_page(503) and r.headers.get("Retry-After")]
    dishonest = [(what, r) for _, _, what, r in refused if not (r.is_owlet_error_page(503) and r.headers.get("Retry-After"))]
    # refused although it was neither in flight while PostgreSQL was down nor sent before the probe said ready again
    # (the probe is polled every 200 ms)
    outside = [(what, r) for sent, done, what, r in refused if done < t_stop or sent > t_up + 0.5]
    log(f"requests {stats.requests}, by status {dict(sorted(stats.by_status.items()))}")
    log(f"refused during the outage: {len(refused)} (Owlet's 503 page with Retry-After: {len(honest)}, other: {len(dishonest)}); "
        f"by request: {dict(sorted(Counter(what for _, _, what, _ in refused).items()))}")
    for what, r in dishonest[:5]:
        log(f"  not Owlet's 503 page: {what}: {r.describe()}")
    check(not dishonest, f"{len(dishonest)} refusals were not Owlet's 503 page")
    check(not outside, f"{len(outside)} refusals outside the outage, e.g. {outside[0][0]}: {outside[0][1].describe()}"
          if outside else "")

    # every acknowledged answer stored exactly once, and nothing stored that was not acknowledged
    acknowledged = stats.acknowledged
    keys = ",".join("'" + k.replace("'", "''") + "'" for k in acknowledged)
    stored = int(psql(args, f"select count(*) from answer where id > {before}"))
    stored_acknowledged = psql(args, f"select a.id, q.question_key from answer a join rendered_question q on q.id = a.question_id "
                                     f"where q.question_key in ({keys})") if acknowledged else ""
    rows = [line.split("|") for line in stored_acknowledged.splitlines() if line]
    by_key = {}
    for answer_id, key in rows:
        by_key.setdefault(key, []).append(int(answer_id))
    duplicates = sum(len(ids) - 1 for ids in by_key.values()) + len(stats.ack_conflicts)
    missing = [k for k in acknowledged if k not in by_key]
    wrong_id = [k for k, ids in by_key.items() if acknowledged[k] not in ids]
    log(f"answers acknowledged {len(acknowledged)}, stored {stored}, duplicates {duplicates}")
    check(not missing, f"{len(missing)} acknowledged answers are not stored, e.g. key {missing[:1]}")
    check(not wrong_id, f"{len(wrong_id)} acknowledged answer ids differ from the stored ones")
    check(duplicates == 0, f"{duplicates} duplicate answers")
    check(stored == len(acknowledged), f"{stored} answers stored but {len(acknowledged)} acknowledged")
    log("database outage: ok")


def resume_start(args):
    tokens = Tokens(args.oidc_url, args.oidc_secret)
    token = tokens.get(RESUME_LEARNER)
    rng = random.Random(args.seed)
    log(f"resume: {RESUME_LEARNER} starts quiz {RESUME_QUIZ[0]}/{RESUME_QUIZ[1]}, seed {args.seed}")
    course, quiz = RESUME_QUIZ
    check(request("POST", f"{args.url}/learn/{course}/enrol", token).status == 303, "enrolment refused")
    start = request("POST", f"{args.url}/learn/{course}/modules/{quiz}/start", token)
    check(start.status == 303 and "/learn/attempts/" in start.location, f"quiz start: {start.describe()}")
    attempt = urllib.parse.urlparse(start.location).path
    answered = {}
    for _ in range(args.resume_answers):
        page = request("GET", args.url + attempt, token)
        form = Forms(page.body).question()
        check(page.status == 200 and form is not None, f"question page: {page.describe()}")
        fields = fill(form, rng)
        reply = request("POST", args.url + form["action"], token, form=fields)
        match = re.search(r"/feedback/(\d+)", reply.location)
        check(reply.status == 303 and match, f"answer: {reply.describe()}")
        answered[key_of(fields)] = int(match.group(1))
    page = request("GET", args.url + attempt, token)
    form = Forms(page.body).question()
    check(page.status == 200 and form is not None, f"next question: {page.describe()}")
    nxt = dict((n, v) for n, v, in [(n, v) for n, k, v in form["inputs"] if k == "hidden"])
    state = {"attempt": attempt, "answered": answered, "next_key": nxt["key"], "next_item": nxt["item"]}
    with open(args.state, "w", encoding="utf-8") as f:
        json.dump(state, f)
    log(f"resume: {len(answered)} answers in {attempt}, next item {nxt['item']}; the app is restarted now")


def resume_check(args):
    with open(args.state, encoding="utf-8") as f:
        state = json.load(f)
    token = Tokens(args.oidc_url, args.oidc_secret).get(RESUME_LEARNER)
    course, quiz = RESUME_QUIZ
    home = request("GET", f"{args.url}/home", token)
    check(home.status == 200 and state["attempt"] in home.body, f"/home does not offer to continue {state['attempt']}")
    again = request("POST", f"{args.url}/learn/{course}/modules/{quiz}/start", token)
    check(again.status == 303 and urllib.parse.urlparse(again.location).path == state["attempt"],
          f"starting the quiz again did not resume {state['attempt']}: {again.describe()}")
    page = request("GET", args.url + state["attempt"], token)
    form = Forms(page.body).question()
    check(page.status == 200 and form is not None, f"attempt page after the restart: {page.describe()}")
    hidden = {n: v for n, k, v in form["inputs"] if k == "hidden"}
    check(hidden["item"] == state["next_item"] and hidden["key"] == state["next_key"],
          f"after the restart the quiz shows item {hidden['item']} (key {hidden['key']}), before it showed "
          f"{state['next_item']} (key {state['next_key']})")
    attempt_id = state["attempt"].rsplit("/", 1)[1]
    stored = psql(args, f"select a.id from answer a where a.attempt_id = {int(attempt_id)} order by a.id")
    stored_ids = sorted(int(x) for x in stored.split())
    check(stored_ids == sorted(state["answered"].values()),
          f"answers of the attempt after the restart {stored_ids}, before {sorted(state['answered'].values())}")
    log(f"resume: attempt {attempt_id}, {len(stored_ids)} answers kept, same next question ({hidden['item']})")
    log("resume after restart: ok")


def soak(args):
    tokens, stats, stop = Tokens(args.oidc_url, args.oidc_secret), Stats(), threading.Event()
    before = int(psql(args, "select coalesce(max(id), 0) from answer"))
    learners = start_learners(args, tokens, stats, stop, DEMO_LEARNERS[:args.learners], extras=True)
    certificates = threading.Thread(target=certificate_downloads, args=(args, tokens, stats, stop), daemon=True)
    certificates.start()
    time.sleep(args.seconds)
    stop.set()
    join(learners)
    certificates.join(60)
    stored = int(psql(args, f"select count(*) from answer where id > {before}"))
    errors = [r for _, _, _, r in stats.refused]
    log(f"soak load: {stats.requests} requests, {len(errors)} errors, by status {dict(sorted(stats.by_status.items()))}, "
        f"certificate PDFs {stats.pdfs}")
    log(f"answers acknowledged {len(stats.acknowledged)}, stored {stored}")
    for _, _, what, r in stats.refused[:5]:
        log(f"  error: {what}: {r.describe()}")
    with open(args.state, "w", encoding="utf-8") as f:
        json.dump({"requests": stats.requests, "errors": len(errors), "acknowledged": len(stats.acknowledged),
                   "stored": stored, "pdfs": stats.pdfs}, f)
    check(stored == len(stats.acknowledged), f"{stored} answers stored but {len(stats.acknowledged)} acknowledged")


def certificate_downloads(args, tokens, stats, stop):
    """A certified learner downloads their certificate PDF every two seconds."""
    user = "ivan@individual.example"
    certificate = certify(args, tokens, user)
    while not stop.wait(2):
        status, body = get_bytes(f"{args.url}/me/certificates/{certificate}/certificate.pdf", tokens.get(user))
        ok = status == 200 and body.startswith(b"%PDF")
        stats.count("certificate pdf", Reply(200 if ok else status, {}, "" if ok else body[:200].decode("latin-1")))
        with stats.lock:
            stats.pdfs += ok


def certify(args, tokens, user):
    """A certificate for the user, written straight into the database: passing the final through its forms would need
    the answer keys. Its attempt is a quiz attempt the user opens for it. Returns the certificate's id."""
    token = tokens.get(user)
    check(request("POST", f"{args.url}/learn/live-animals/enrol", token).status == 303, f"{user}: enrolment refused")
    start = request("POST", f"{args.url}/learn/live-animals/modules/listing-practice/start", token)
    check(start.status == 303, f"{user}: quiz start: {start.describe()}")
    attempt = int(start.location.rstrip("/").rsplit("/", 1)[1])
    rng = random.Random(args.seed)
    code = "SQAK" + "".join(rng.choice("ABCDEFGHJKMNPQRSTVWXYZ23456789") for _ in range(12))
    certificate = psql(args, f"""
        insert into certificate (code, code_hash, member_id, person_key, holder_name, company_id, company_name, course_id,
            course_version, content_hash, course_title, language, score, attempt_id, issued_on, expires_on,
            renewal_opens_on, issued_at, status_index)
        select '{code}', encode(sha256(convert_to('{code}', 'UTF8')), 'hex'), m.id, m.person_key, 'Ivan Soak', null, null,
            a.course_id, a.course_version, a.content_hash, 'Live animals sold as pets', 'en', 0.9, a.id, current_date,
            current_date + 730, current_date + 640, now(), 900000 + a.id
        from attempt a join member m on m.id = a.member_id where a.id = {attempt}
        returning id""").splitlines()[0]
    log(f"soak: certificate {certificate} (code {code}) for {user}, on attempt {attempt}")
    return int(certificate)


def smoke(args):
    token = Tokens(args.oidc_url, args.oidc_secret).get("ana@acme.example")
    reply = request("GET", f"{args.url}/api/v1/me", token, accept="application/json")
    check(reply.status == 200 and "ana@acme.example" in reply.body, f"/api/v1/me: {reply.describe()}")
    log(f"/api/v1/me with ana's bearer token: {reply.status}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["outage", "resume-start", "resume-check", "soak", "smoke"])
    parser.add_argument("--url", required=True, help="the app, e.g. http://127.0.0.1:PORT")
    parser.add_argument("--ready-url", required=True, help="its readiness probe")
    parser.add_argument("--oidc-url", required=True, help="the Keycloak realm URL")
    parser.add_argument("--oidc-secret", required=True)
    parser.add_argument("--psql", required=True, help="psql command line reaching the app's database")
    parser.add_argument("--pg-stop", required=True, help="shell command stopping PostgreSQL")
    parser.add_argument("--pg-start", required=True, help="shell command starting it again")
    parser.add_argument("--state", required=True, help="file handed from one subcommand to the next")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--warmup", type=float, default=3,
                        help="seconds of load before PostgreSQL stops, once every learner has 3 answers acknowledged")
    parser.add_argument("--down", type=float, default=10, help="seconds PostgreSQL stays down after not-ready")
    parser.add_argument("--after", type=float, default=3,
                        help="seconds of load after the app is ready again and every learner has 2 more answers acknowledged")
    parser.add_argument("--resume-answers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60, help="soak: seconds of load")
    parser.add_argument("--learners", type=int, default=4, help="soak: concurrent learners")
    args = parser.parse_args()
    log(f"{args.command}: seed {args.seed}")
    commands = {"outage": outage, "resume-start": resume_start, "resume-check": resume_check, "soak": soak, "smoke": smoke}
    try:
        commands[args.command](args)
    except CheckFailed as e:
        log(f"FAILED: {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
