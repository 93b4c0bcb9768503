"""`scripts/soak [MINUTES]`: two `praxis serve` processes on one database under a mixed load, then
the invariants checked in SQL, each a line (see docs/reliability.md).

Load, every request to one of the two servers in turn: reads (the bookings listing, a line's
timetable), direct bookings on free slots, bursts of 8 simultaneous bookings of one slot, a POST
and its retry with one `Idempotency-Key` through the other server, a login every 30 s (the login
throttle allows 30 an address in 15 minutes), and a planner run of the demo center published
through the other server. Exit status 1 when an answer or an invariant is wrong.
"""

import sys
import threading
import time
import uuid

from harness import Cluster, Server, main, request
import seed

BURST = 8


class Soak:
    def __init__(self, drill, servers, lines, minutes):
        self.drill, self.servers, self.lines = drill, servers, lines
        self.until = time.monotonic() + minutes * 60
        self.lock = threading.Lock()
        self.next_number = 0
        self.answers = {}  # kind → status → count
        self.wrong = []  # (kind, answer) of answers that must not happen
        self.created = []  # ids answered 201
        self.bursts = []  # (title, number of 201)
        self.retries = []  # (title, first id, retried id)

    def number(self):
        with self.lock:
            self.next_number += 1
            return self.next_number

    def server(self, k):
        return self.servers[k % len(self.servers)]

    def note(self, kind, answer, allowed):
        with self.lock:
            by_status = self.answers.setdefault(kind, {})
            by_status[answer.status] = by_status.get(answer.status, 0) + 1
            if answer.status not in allowed:
                self.wrong.append((kind, answer))
            if answer.status == 201:
                self.created.append(answer.json()["id"])

    def going(self):
        return time.monotonic() < self.until and not self.wrong

    def read(self, k):
        while self.going():
            k += 1
            server = self.server(k)
            if k % 2:
                self.note("read listing", self.lines.listing(server), (200,))
            else:
                line = self.lines.lines[k % len(self.lines.lines)]
                path = f"/resources/{line}/timetable?from=2030-01-07T00:00:00Z&to=2030-01-14T00:00:00Z"
                self.note("read timetable", request(server, "GET", path, token=self.lines.token), (200,))

    def book(self):
        while self.going():
            k = self.number()
            self.note("book", self.lines.book(self.server(k), k, title=f"soak book {k}"), (201,))

    def clash(self):
        while self.going():
            k = self.number()
            title = f"soak clash {k}"
            gate = threading.Barrier(BURST)
            results = []

            def one(i):
                gate.wait()
                results.append(self.lines.book(self.server(i), k, title=title))

            threads = [threading.Thread(target=one, args=(i,)) for i in range(BURST)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            for answer in results:
                self.note("clash", answer, (201, 409))
            with self.lock:
                self.bursts.append((title, sum(1 for a in results if a.status == 201)))

    def retry(self):
        while self.going():
            k, key = self.number(), str(uuid.uuid4())
            title = f"soak retry {k}"
            first = self.lines.book(self.server(k), k, title=title, key=key)
            again = self.lines.book(self.server(k + 1), k, title=title, key=key)
            self.note("retry first", first, (201,))
            with self.lock:  # the replay is the same answer: its id is not a second booking
                self.answers.setdefault("retry again", {}).setdefault(again.status, 0)
                self.answers["retry again"][again.status] += 1
                if again.status != 201:
                    self.wrong.append(("retry again", again))
                else:
                    self.retries.append((title, first.json().get("id"), again.json().get("id")))

    def login(self):
        k = 0
        while self.going():
            started = time.monotonic()
            answer = request(self.server(k), "POST", "/login",
                             {"username": "drill.admin", "password": seed.Lines.password})
            self.note("login", answer, (200,))
            k += 1
            # a login every 30 s: the throttle counts 30 attempts an address in 15 minutes
            deadline = min(started + 30, self.until)
            while self.going() and time.monotonic() < deadline:
                time.sleep(0.2)

    def plan(self, center, token):
        queued = request(self.servers[0], "POST", f"/centers/{center}/plans", token=token, body={
            "horizon": {"from": "2026-03-02", "to": "2026-03-15"}, "timeLimitSeconds": 3})
        self.note("plan queue", queued, (202,))
        if queued.status != 202:
            return
        plan = queued.json()["id"]
        while self.going():
            state = request(self.servers[1], "GET", f"/plans/{plan}", token=token)
            status = (state.json() or {}).get("status")
            if status not in ("queued", "running"):
                break
            time.sleep(0.5)
        self.note("plan run", state, (200,))
        published = request(self.servers[1], "POST", f"/plans/{plan}/publish", token=token)
        self.note("plan publish", published, (200,))
        self.plan_id = plan


def invariants(drill, cluster, soak, started_at):
    since = f"'{started_at}'::timestamptz"
    overlaps = cluster.sql(
        "SELECT count(*) FROM booking_resources a JOIN booking_resources b"
        " ON a.resource_id = b.resource_id AND a.booking_id < b.booking_id"
        " JOIN bookings x ON x.id = a.booking_id JOIN bookings y ON y.id = b.booking_id"
        " WHERE x.status = 'confirmed' AND y.status = 'confirmed' AND x.during && y.during"
        " AND a.stations IS NULL AND b.stations IS NULL")
    drill.check(overlaps == "0", f"no two confirmed bookings of a resource booked whole overlap ({overlaps} pairs)")

    seen = set(soak.created)
    values = ",".join(f"('{i}'::uuid)" for i in seen) or "(NULL::uuid)"
    stored = cluster.sql(f"SELECT count(*) FROM bookings b JOIN (VALUES {values}) AS s(id) ON s.id = b.id")
    drill.check(int(stored) == len(seen) == len(soak.created),
                f"every 201 the clients saw is stored exactly once ({len(soak.created)} answers, {stored} stored)")

    titles = cluster.sql(
        f"SELECT count(*) FROM (SELECT title FROM bookings WHERE title LIKE 'soak %' GROUP BY title"
        f" HAVING count(*) > 1) twice")
    drill.check(titles == "0", f"no request the clients sent was stored twice ({titles} titles twice)")
    bursts_ok = all(won == 1 for _, won in soak.bursts)
    clash_stored = int(cluster.sql("SELECT count(*) FROM bookings WHERE title LIKE 'soak clash %'"))
    drill.check(bursts_ok and clash_stored == len(soak.bursts),
                f"{len(soak.bursts)} bursts of {BURST}: one 201 each, the rest 409, and only the 201s stored"
                f" ({clash_stored})")

    unaudited = cluster.sql(
        f"SELECT count(*) FROM bookings b WHERE b.created_at >= {since} AND NOT EXISTS (SELECT 1 FROM audit_log a"
        " WHERE a.entity = 'booking' AND a.action = 'create' AND a.entity_id = upper(b.id::text))")
    made = cluster.sql(f"SELECT count(*) FROM bookings WHERE created_at >= {since}")
    drill.check(unaudited == "0", f"every booking made ({made}, the plan's included) has its audit row ({unaudited} without)")

    same = all(first == again for _, first, again in soak.retries)
    retried = int(cluster.sql("SELECT count(*) FROM bookings WHERE title LIKE 'soak retry %'"))
    drill.check(same and retried == len(soak.retries),
                f"{len(soak.retries)} POSTs retried with one Idempotency-Key through the other server: one booking"
                f" each, the same id answered ({retried} stored)")

    twice = cluster.sql("SELECT count(*) FROM jobs WHERE attempts > 1")
    drill.check(twice == "0", f"no job ran twice ({twice} with more than one attempt)")
    ran = cluster.sql(f"SELECT status || ' ' || attempts FROM plans WHERE id = '{getattr(soak, 'plan_id', '')}'"
                      if hasattr(soak, "plan_id") else "SELECT 'none'")
    drill.check(ran == "published 1", f"the planner run: {ran}")
    drill.wait_for("queues drained: no job due or running",
                   lambda: cluster.sql("SELECT count(*) FROM jobs WHERE status = 'running'"
                                       " OR (status = 'queued' AND run_at <= now())") == "0", 120)
    jobs = cluster.sql("SELECT coalesce(string_agg(kind || ' ' || status || ' ' || n, ', '), 'none') FROM"
                       " (SELECT kind::text, status::text, count(*) AS n FROM jobs GROUP BY 1, 2 ORDER BY 1, 2) j")
    drill.check(True, f"queues drained: no job due or running (jobs: {jobs})")


def run(drill, minutes):
    cluster = Cluster(drill)
    cluster.praxis("migrate")
    center, token = seed.demo(cluster)
    servers = [Server(drill, cluster, name).ready() for name in ("first", "second")]
    lines = seed.Lines(cluster, servers[0], 40)
    started_at = cluster.sql("SELECT now()")
    soak = Soak(drill, servers, lines, minutes)
    drill.say(f"{minutes:g} min of load on 2 servers")
    threads = [threading.Thread(target=soak.read, args=(i,)) for i in range(2)]
    threads += [threading.Thread(target=soak.book) for _ in range(2)]
    threads += [threading.Thread(target=target) for target in (soak.clash, soak.retry, soak.login)]
    threads.append(threading.Thread(target=soak.plan, args=(center, token)))
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - began
    total = sum(sum(by.values()) for by in soak.answers.values())
    for kind, by_status in sorted(soak.answers.items()):
        drill.say(f"{kind}: " + ", ".join(f"{status} × {n}" for status, n in sorted(by_status.items(), key=str)))
    drill.say(f"{total} requests in {seconds:.0f} s ({total / seconds:.1f}/s)")
    wrong = soak.wrong[0] if soak.wrong else None
    drill.check(not wrong, "every answer as expected" + (f"; not: {wrong[0]} {wrong[1]}" if wrong else ""))
    for server in servers:
        drill.check(server.process.poll() is None, f"server {server.name} still up")
    invariants(drill, cluster, soak, started_at)


if __name__ == "__main__":
    sys.exit(main("soak", lambda drill: run(drill, float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)))
