"""restart-db: stop and start PostgreSQL under a steady load of bookings and reads.

A durable cluster (fsync on); `praxis serve --statement-timeout 5 --max-connections 4`; two clients
booking free slots and two reading the listing, without pause. Asserts: while the database is down
every answer is 503 problem+json and none takes longer than the statement timeout and a margin;
never a 500, never a lost connection; afterwards the pool recovers by itself (readyz 200, bookings
201 again) and every booking a client saw answered 201 is in the database.
"""

import itertools
import threading
import time

from harness import Cluster, Server, request
import seed

SUMMARY = "restart PostgreSQL under load: 503 problem+json meanwhile, then recovery, no 201 lost"
STATEMENT_TIMEOUT = 5
MARGIN = 5


class Load:
    """Clients booking and reading until stopped; every answer kept with when it was asked."""

    def __init__(self, server, lines, bookers=2, readers=2):
        self.server, self.lines = server, lines
        self.numbers = itertools.count()
        self.answers = []  # (started, kind, response)
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.book) for _ in range(bookers)]
        self.threads += [threading.Thread(target=self.read) for _ in range(readers)]
        for thread in self.threads:
            thread.start()

    def book(self):
        while not self.stopping.is_set():
            started = time.monotonic()
            self.answers.append((started, "book", self.lines.book(self.server, next(self.numbers), timeout=60)))

    def read(self):
        while not self.stopping.is_set():
            started = time.monotonic()
            self.answers.append((started, "read", self.lines.listing(self.server, timeout=60)))

    def count(self, status, kind=None, since=0.0):
        return sum(1 for started, k, answer in self.answers
                   if answer.status == status and (kind is None or k == kind) and started >= since)

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=120)

    def check_outage(self, drill):
        """Checks the answers of a load through an outage: only 200, 201 or 503 (as problem+json),
        none slower than the statement timeout and a margin; returns the answers."""
        answers = [answer for _, _, answer in self.answers]
        tally = {}
        for answer in answers:
            tally[answer.status] = tally.get(answer.status, 0) + 1
        drill.say("answers: " + ", ".join(f"{status}: {n}" for status, n in sorted(tally.items(), key=str)))
        odd = [answer for answer in answers if answer.status not in (200, 201, 503)]
        drill.check(not odd, "every answer was 200, 201 or 503" + (f"; not: {odd[0]}" if odd else ""))
        drill.check(all(answer.problem for answer in answers if answer.status == 503), "every 503 is problem+json")
        slowest = max(answer.seconds for answer in answers)
        drill.check(slowest < STATEMENT_TIMEOUT + MARGIN,
                    f"slowest answer {slowest:.2f} s (statement timeout {STATEMENT_TIMEOUT} s + {MARGIN} s)")
        return answers


def run(drill):
    cluster = Cluster(drill, fast=False)
    cluster.praxis("migrate")
    server = Server(drill, cluster, "only",
                    ["--statement-timeout", str(STATEMENT_TIMEOUT), "--max-connections", "4"]).ready()
    lines = seed.Lines(cluster, server, 50)
    port = cluster.env["PGPORT"]

    load = Load(server, lines)
    drill.undo.append(load.stop)
    drill.wait_for("steady load: 20 bookings answered 201", lambda: load.count(201, "book") >= 20, 60)
    stopped = time.monotonic()
    cluster.stop()
    drill.say(f"PostgreSQL stopped under load (after {load.count(201, 'book')} bookings)")
    ready = drill.wait_for("readyz answers 503 while the database is down",
                           lambda: (lambda r: r if r.status == 503 else None)(request(server, "GET", "/readyz")), 30)
    drill.check(ready.problem, "readyz: 503 problem+json")
    drill.wait_for("20 answers while the database is down", lambda: load.count(503, since=stopped) >= 20, 30)
    down = load.count(503, since=stopped)
    cluster.start()
    restarted = time.monotonic()
    drill.check(cluster.env["PGPORT"] == port, f"PostgreSQL started again on port {port}")
    drill.wait_for("readyz answers 200 again", lambda: request(server, "GET", "/readyz").status == 200, 60)
    drill.wait_for("bookings answer 201 again", lambda: load.count(201, "book", since=restarted) >= 10, 60)
    drill.say(f"recovered {time.monotonic() - restarted:.1f} s after the start; {down} answers of 503 while down")
    load.stop()

    answers = load.check_outage(drill)
    drill.check(all(isinstance(answer.json(), dict) for answer in answers if answer.status == 200),
                "every 200 is a JSON listing")
    ids = [answer.json()["id"] for answer in answers if answer.status == 201]
    values = ",".join(f"('{i}'::uuid)" for i in ids)
    stored = cluster.sql(f"SELECT count(*) FROM bookings b JOIN (VALUES {values}) AS seen(id) ON seen.id = b.id")
    drill.check(int(stored) == len(ids), f"all {len(ids)} bookings answered 201 are stored ({stored})")
