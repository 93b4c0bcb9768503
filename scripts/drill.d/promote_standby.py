"""promote-standby: kill -9 the primary under a booking load, promote its hot standby, recover.

A durable primary and a streaming standby of it with synchronous commits (`scripts/pg-local standby
--sync`: a commit returns only once the standby has applied it). One `praxis serve` whose primary
URL names both servers with `target_session_attrs=read-write` (libpq connects to whichever takes
writes) and whose `--read-database-url` is the standby; two clients book free slots and one reads,
without pause. The primary's processes get kill -9; then `pg_ctl promote` on the standby. The server
is not restarted: its pool finds the promoted standby by itself. Asserts: readyz 503 problem+json
while no primary answers, then 200; every answer 200, 201 or 503 (problem+json), none slower than
the statement timeout and a margin; bookings 201 again after the promotion; every booking answered
201, before the kill and after, is on the promoted database.
"""

import os
import signal
import subprocess
import time

from harness import Cluster, Server, request
from restart_db import Load, MARGIN, STATEMENT_TIMEOUT
import seed

SUMMARY = "kill -9 the primary under load, promote the standby: 503 meanwhile, then 200, no 201 lost"


class Standby:
    """A hot standby of `cluster` (scripts/pg-local standby … --sync), its psql environment in `env`."""

    def __init__(self, drill, cluster):
        self.dir = os.path.join(drill.work, "standby")
        command = ["scripts/pg-local", "standby", cluster.dir, self.dir, "--sync"]
        exports = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        self.env = dict(cluster.env)
        for word in exports.replace("export ", "").split():
            key, value = word.split("=", 1)
            self.env[key] = value
        drill.undo.append(lambda: subprocess.run(["scripts/pg-local", "stop", self.dir], check=True))

    def sql(self, query):
        """Runs `query` on the standby's database `drill` with psql; returns its output, stripped."""
        return Cluster.sql(self, query)

    def promote(self):
        subprocess.run(["scripts/pg-local", "promote", self.dir], check=True)


def kill_cluster(cluster):
    """kill -9 the cluster's postmaster and every process it started, as a machine dying would."""
    with open(os.path.join(cluster.dir, "data", "postmaster.pid")) as pid_file:
        postmaster = int(pid_file.readline())
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(postmaster)], capture_output=True, text=True)
    os.kill(postmaster, signal.SIGKILL)
    for pid in children.stdout.split():
        try:
            os.kill(int(pid), signal.SIGKILL)
        except ProcessLookupError:
            pass
    return postmaster


def readiness(server):
    answer = request(server, "GET", "/readyz", timeout=STATEMENT_TIMEOUT + MARGIN)
    return answer, (answer.json() or {}).get("standby")


def run(drill):
    cluster = Cluster(drill, fast=False)
    cluster.praxis("migrate")
    standby = Standby(drill, cluster)
    primary_port, standby_port = cluster.env["PGPORT"], standby.env["PGPORT"]
    drill.check(standby.sql("SELECT pg_is_in_recovery()") == "t", f"standby on port {standby_port} replays the primary")
    state = cluster.sql("SELECT sync_state FROM pg_stat_replication", database="postgres")
    drill.check(state == "sync", f"the primary's commits wait for it: sync_state {state}")

    both = f"host=127.0.0.1,127.0.0.1 port={primary_port},{standby_port} user=postgres dbname=drill"
    server = Server(drill, cluster, "only", [
        "--database-url", both + " target_session_attrs=read-write",
        "--read-database-url", f"host=127.0.0.1 port={standby_port} user=postgres dbname=drill",
        "--statement-timeout", str(STATEMENT_TIMEOUT), "--max-connections", "4",
    ]).ready()
    answer, what = readiness(server)
    drill.check(answer.status == 200 and what == "streaming", f"readyz: {answer.status}, standby {what}")
    lines = seed.Lines(cluster, server, 50)

    booked = lines.book(server, 10_000)
    marker = booked.headers.get("praxis-read-after")
    drill.check(booked.status == 201 and marker, f"a booking answers 201 with its read-after marker {marker}")
    shown = request(server, "GET", f"/bookings/{booked.json()['id']}", token=lines.token,
                    headers={"Praxis-Read-After": marker})
    drill.check(shown.status == 200, f"the booking read right after it: {shown.status}")
    readers = standby.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'praxis reads'")
    drill.check(int(readers) > 0, f"reads are served by the standby (connections of 'praxis reads' there: {readers})")

    load = Load(server, lines, bookers=2, readers=1)
    drill.undo.append(load.stop)
    drill.wait_for("steady load: 20 bookings answered 201", lambda: load.count(201, "book") >= 20, 60)
    killed = time.monotonic()
    postmaster = kill_cluster(cluster)
    drill.say(f"killed the primary (postmaster {postmaster} and its processes, kill -9) "
              f"after {load.count(201, 'book')} bookings")
    down = drill.wait_for("readyz answers 503 while no primary answers",
                          lambda: (lambda r: r if r[0].status == 503 else None)(readiness(server)), 30)[0]
    drill.check(down.problem, f"readyz: 503 problem+json after {time.monotonic() - killed:.1f} s")
    drill.wait_for("10 answers of 503 while no primary answers", lambda: load.count(503, since=killed) >= 10, 30)
    drill.check(request(server, "GET", "/readyz").status == 503, "readyz still 503 before the promotion")

    promoted = time.monotonic()
    standby.promote()
    drill.check(standby.sql("SELECT pg_is_in_recovery()") == "f", "the standby is promoted (pg_ctl promote)")
    drill.wait_for("readyz answers 200 again", lambda: readiness(server)[0].status == 200, 60)
    answer, what = readiness(server)
    drill.check(answer.status == 200, f"readyz 200 {time.monotonic() - promoted:.1f} s after the promotion, "
                f"the server not restarted (read database: {what})")
    drill.wait_for("bookings answer 201 again", lambda: load.count(201, "book", since=promoted) >= 10, 60)
    load.stop()

    answers = load.check_outage(drill)
    before = [answer.json()["id"] for started, kind, answer in load.answers
              if answer.status == 201 and kind == "book" and started < killed]
    ids = [answer.json()["id"] for _, kind, answer in load.answers if answer.status == 201 and kind == "book"]
    ids.append(booked.json()["id"])
    values = ",".join(f"('{i}'::uuid)" for i in ids)
    stored = standby.sql(f"SELECT count(*) FROM bookings b JOIN (VALUES {values}) AS seen(id) ON seen.id = b.id")
    drill.check(int(stored) == len(ids), f"all {len(ids)} bookings answered 201 ({len(before) + 1} before the kill) "
                f"are on the promoted database ({stored})")
