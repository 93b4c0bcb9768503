"""pgbouncer: Praxis through PgBouncer (Debian's, 1.18) in transaction mode.

PgBouncer keeps 4 server connections to PostgreSQL; `praxis serve` opens 12 to PgBouncer with
`PRAXIS_DATABASE_POOLER=transaction` (nothing prepared on the server, no startup `options`); the
PgBouncer database entry gives the sessions `timezone=UTC datestyle=ISO` and, in its
`connect_query`, the statement timeout. Asserts: without PRAXIS_DATABASE_POOLER the server is not
ready (PgBouncer refuses the startup parameter `options`); with it, bookings of free slots from 8
clients all 201 and stored once; bursts of 8 simultaneous bookings of one slot give one 201 and the
rest 409; PostgreSQL sees at most 4 connections of the server meanwhile; a planner run queued through
the job queue (SKIP LOCKED, leases, advisory transaction locks) finishes and publishes; no job ran
twice and the queue drains; nothing is left prepared on the server.
"""

import os
import shutil
import subprocess
import threading

from harness import Cluster, Server, free_port, request
import seed

SUMMARY = "through PgBouncer in transaction mode: bookings, clashes (one 201, the rest 409) and the job queue hold"
POOL = 4
STATEMENT_TIMEOUT_MS = 30000


def as_postgres():
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Bouncer:
    """A PgBouncer in transaction mode in front of the cluster's database `drill`, on a port of its own."""

    def __init__(self, drill, cluster):
        binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        if not os.path.exists(binary):  # Debian's package, as scripts/pg-local installs PostgreSQL's
            sudo = [] if os.geteuid() == 0 else ["sudo"]
            subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
            subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "pgbouncer"],
                           check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), stdout=subprocess.DEVNULL)
        self.dir = os.path.join(drill.work, "pgbouncer")
        os.makedirs(self.dir)
        with open(os.path.join(self.dir, "users.txt"), "w") as users:
            users.write('"postgres" ""\n')
        self.process = None
        drill.undo.append(self.stop)
        for _ in range(5):  # a port free when probed can be taken before PgBouncer binds it: then another
            self.port = free_port()
            self.start(binary, cluster)
            drill.wait_for("PgBouncer answers or exits", lambda: self.process.poll() is not None or self.ready(), 30)
            if self.process.poll() is None:
                return
        drill.check(False, "PgBouncer started (it exited at once on five ports; see pgbouncer.log)")

    def start(self, binary, cluster):
        """Writes the settings for `self.port` and starts PgBouncer on them."""
        settings = (f"host=127.0.0.1 port={cluster.env['PGPORT']} dbname=drill user=postgres datestyle=ISO timezone=UTC"
                    f" connect_query='SET statement_timeout = {STATEMENT_TIMEOUT_MS}; SET client_min_messages = warning'")
        with open(os.path.join(self.dir, "pgbouncer.ini"), "w") as ini:
            ini.write(f"[databases]\ndrill = {settings}\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\n"
                      f"listen_port = {self.port}\nunix_socket_dir =\nauth_type = trust\n"
                      f"auth_file = {self.dir}/users.txt\npool_mode = transaction\ndefault_pool_size = {POOL}\n"
                      f"max_client_conn = 200\nlogfile = {self.dir}/pgbouncer.log\n"
                      f"pidfile = {self.dir}/pgbouncer.pid\nadmin_users = postgres\n")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            for name in os.listdir(self.dir):
                shutil.chown(os.path.join(self.dir, name), "postgres", "postgres")
        self.process = subprocess.Popen([*as_postgres(), binary, os.path.join(self.dir, "pgbouncer.ini")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.env = dict(cluster.env, PGPORT=str(self.port))

    def ready(self):
        done = subprocess.run(["psql", "-XAtq", "-c", "SELECT 1"], env=self.env, capture_output=True, text=True)
        return done.returncode == 0

    def sql(self, query):
        return Cluster.sql(self, query)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def burst(server, lines, k, size=8):
    """`size` simultaneous bookings of slot k: their statuses."""
    statuses = []
    gate = threading.Barrier(size)

    def one(i):
        gate.wait()
        statuses.append(lines.book(server, k, title=f"clash {k}.{i}").status)
    threads = [threading.Thread(target=one, args=(i,)) for i in range(size)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def run(drill):
    cluster = Cluster(drill)
    cluster.praxis("migrate")
    center, token = seed.demo(cluster)
    bouncer = Bouncer(drill, cluster)
    through = f"host=127.0.0.1 port={bouncer.port} dbname=drill user=postgres"
    timeout = bouncer.sql("SHOW statement_timeout")
    drill.check(timeout == "30s", f"PgBouncer {bouncer.port}, transaction mode, {POOL} server connections; "
                f"its sessions' statement_timeout {timeout}, TimeZone {bouncer.sql('SHOW TimeZone')}")

    plain = Server(drill, cluster, "plain", ["--database-url", through]).listening()
    answer = drill.wait_for("the plain server answers readyz",
                            lambda: (lambda r: r if r.status is not None else None)(request(plain, "GET", "/readyz")), 60)
    plain.stop()
    refused = plain.logged("unsupported startup parameter: options")
    drill.check(answer.status == 503 and refused,
                f"without PRAXIS_DATABASE_POOLER: readyz {answer.status}, PgBouncer refused the startup parameter "
                f"`options` ({'logged' if refused else 'not logged'})")

    server = Server(drill, cluster, "pooled", ["--database-url", through, "--max-connections", "12"],
                    env={"PRAXIS_DATABASE_POOLER": "transaction"}).ready()
    drill.check(True, "with PRAXIS_DATABASE_POOLER=transaction: readyz 200")
    lines = seed.Lines(cluster, server, 40)

    peak = [0]
    sampling = threading.Event()

    def sample():
        while not sampling.is_set():
            # the drill's own checks (psql, straight to PostgreSQL) run meanwhile: not PgBouncer's
            n = int(cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = 'drill' "
                                "AND backend_type = 'client backend' AND application_name <> 'psql'"))
            peak[0] = max(peak[0], n)
            sampling.wait(0.05)
    sampler = threading.Thread(target=sample)
    sampler.start()
    drill.undo.append(sampling.set)

    answers = []

    def book(client):
        for i in range(40):
            answers.append(lines.book(server, client * 40 + i))
    clients = [threading.Thread(target=book, args=(c,)) for c in range(8)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    statuses = sorted({answer.status for answer in answers})
    drill.check(statuses == [201], f"8 clients booked 320 free slots: {statuses}"
                + ("" if statuses == [201] else f"; e.g. {next(a for a in answers if a.status != 201)}"))
    ids = [answer.json()["id"] for answer in answers]
    values = ",".join(f"('{i}'::uuid)" for i in ids)
    stored = cluster.sql(f"SELECT count(*) FROM bookings b JOIN (VALUES {values}) AS seen(id) ON seen.id = b.id")
    drill.check(int(stored) == len(set(ids)) == 320, f"each stored once ({stored})")

    bursts = [burst(server, lines, 1000 + k) for k in range(20)]
    good = sum(1 for statuses in bursts if sorted(statuses) == [201] + [409] * 7)
    drill.check(good == 20, f"20 bursts of 8 simultaneous bookings of one slot: one 201 and seven 409 in {good}")
    stored = cluster.sql("SELECT count(*) FROM bookings WHERE title LIKE 'clash %'")
    drill.check(stored == "20", f"one booking stored per burst ({stored})")
    sampling.set()
    sampler.join()
    drill.check(peak[0] <= POOL, f"PostgreSQL saw at most {peak[0]} connections of the server's 12 (PgBouncer's {POOL})")

    queued = request(server, "POST", f"/centers/{center}/plans", token=token, body={
        "horizon": {"from": "2026-03-02", "to": "2026-03-15"}, "timeLimitSeconds": 3})
    drill.check(queued.status == 202, f"a plan of the demo center queued on the job queue: {queued.status}")
    plan = queued.json()["id"]
    status = drill.wait_for("the planner run ends", lambda: (lambda s: s if s in ("succeeded", "failed") else None)(
        cluster.sql(f"SELECT status FROM plans WHERE id = '{plan}'")), 120)
    drill.check(status == "succeeded", f"the worker ran it: {status}")
    published = request(server, "POST", f"/plans/{plan}/publish", token=token)
    drill.check(published.status == 200, f"published (advisory transaction lock per center): {published.status}")
    again = request(server, "POST", f"/plans/{plan}/publish", token=token)
    drill.check(again.status == 409, f"publishing it again: {again.status}")

    def drained():
        return cluster.sql("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running') AND run_at <= now()") == "0"
    drill.wait_for("the job queue drains", drained, 120)
    twice = cluster.sql("SELECT count(*) FROM jobs WHERE attempts > 1")
    kinds = cluster.sql("SELECT string_agg(kind || ' ' || status || ' ' || n, ', ' ORDER BY kind, status) FROM "
                        "(SELECT kind, status, count(*) AS n FROM jobs GROUP BY kind, status) AS j")
    drill.check(twice == "0", f"no job ran twice; queue drained ({kinds})")
    prepared = bouncer.sql("SELECT count(*) FROM pg_prepared_statements")
    drill.check(prepared == "0", "nothing prepared on the server sessions")
