"""kill-delivery: kill -9 the `praxis serve` that is in the middle of a webhook call.

A real HTTP receiver (started here, on a thread of the drill) verifies each call's signature with
Python's hmac and keeps an accepted log keyed by the delivery id, as the receiving docs ask: a
repeated id is answered 200 and not accepted again. It holds its answer to the first call until the
drill releases it, so the process that claimed that delivery is known to be mid-send when it dies.

Two servers share the queue; three notices are written. Asserts: the held delivery's job is running
under one server when its call arrives, and the other server leaves it alone while it delivers the
others; after the holder's kill, once its lease has run out (not earlier), the other server sends
the held delivery again with the same id; the receiver saw that id
twice on the wire and every other id once (at least once on the wire), and its accepted log holds
every delivery of the subscription exactly once (exactly once per id); every delivery is recorded
`delivered`, the held one's job `done` after 2 attempts.
"""

import hashlib
import hmac
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from harness import Cluster, Server, request
import seed

SUMMARY = "kill -9 the server mid-webhook-call: another sends it after the lease, accepted once per delivery id"
LEASE_SECONDS = 15
NOTICES = 3


class Receiver:
    """An HTTP receiver of signed webhook calls that holds its first answer until released."""

    def __init__(self):
        self.secret = None
        self.calls = []  # (delivery id, verified, monotonic time) of every call, in order
        self.accepted = []  # delivery ids, each once
        self.lock = threading.Lock()
        self.held = threading.Event()
        self.release = threading.Event()
        self.changed = threading.Condition(self.lock)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                delivery = self.headers.get("X-Praxis-Delivery")
                ok = receiver.verified(self.headers.get("X-Praxis-Signature", ""), body)
                with receiver.lock:
                    first = not receiver.calls
                    receiver.calls.append((delivery, ok, time.time()))
                    if ok and delivery not in receiver.accepted:
                        receiver.accepted.append(delivery)
                    receiver.changed.notify_all()
                if first:
                    receiver.held.set()
                    receiver.release.wait(120)  # until the drill has killed the sender
                try:
                    self.send_response(200 if ok else 401)
                    self.end_headers()
                except OSError:
                    pass  # the sender is dead: nobody reads this answer

            def log_message(self, *args):
                pass

        class Quiet(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # the held call's sender is dead: its connection's end is expected

        self.server = Quiet(("127.0.0.1", 0), Handler)  # a port the system picks
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def verified(self, header, body):
        try:
            parts = dict(item.split("=", 1) for item in header.split(","))
            stamp = int(parts["t"])
        except (ValueError, KeyError):
            return False
        expected = hmac.new(self.secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, parts.get("v1", "")) and abs(time.time() - stamp) <= 300

    def wait_until(self, condition, seconds):
        """Waits (on the receiver's own condition, no polling) until `condition()` holds; returns it."""
        with self.changed:
            return self.changed.wait_for(condition, seconds)

    def stop(self):
        self.release.set()
        self.server.shutdown()


def run(drill):
    receiver = Receiver()
    drill.undo.append(receiver.stop)
    cluster = Cluster(drill)
    cluster.praxis("migrate")
    lease = ["--delivery-lease", str(LEASE_SECONDS)]
    # both up before the first notice, so the receiver holds a call for seconds only: well inside
    # the sender's 15 s timeout whatever the machine's load
    servers = [Server(drill, cluster, "first", lease).ready(), Server(drill, cluster, "second", lease).ready()]
    lines = seed.Lines(cluster, servers[0], 1)
    hook = request(servers[0], "POST", f"/organizations/{lines.customer}/webhooks", token=lines.token,
                   body={"url": receiver.url, "events": ["request.submitted"]})
    drill.check(hook.status == 201, f"the enterprise subscribes the receiver to request.submitted: {hook.status}")
    receiver.secret, subscription = hook.json()["secret"], hook.json()["subscription"]["id"]
    for k in range(NOTICES):
        asked = request(servers[0], "POST", f"/centers/{lines.center}/requests", token=lines.token, body={
            "organizationId": lines.customer, "category": "pilot_production", "title": f"drill pilot run {k}",
            "details": {"resourceId": lines.lines[0], "days": 1, "earliestStart": "2030-03-04",
                        "latestStart": "2030-03-29"}, "submit": True})
        drill.check(asked.status == 201, f"pilot run {k} submitted: {asked.status}")

    drill.check(receiver.held.wait(60), "a call arrived; the receiver holds its answer")
    held = receiver.calls[0][0]
    job = job_of(cluster, held)
    holders = [server for server in servers if f"-{server.pid}-" in job[1]]
    drill.check(job[0] == "running" and len(holders) == 1,
                f"its delivery {held} is claimed by one server: {job[0]} {job[1]}")
    holder, other = holders[0], next(server for server in servers if server is not holders[0])
    drill.check(receiver.wait_until(lambda: len(receiver.accepted) == NOTICES, 60),
                f"server {other.name} delivered the {NOTICES - 1} others meanwhile")
    job = job_of(cluster, held)
    drill.check(job[0] == "running" and f"-{holder.pid}-" in job[1], "and left the held one alone")
    holder.kill9()
    lease_end = cluster.sql(f"SELECT lease_until FROM jobs WHERE kind = 'webhook' AND payload->>'delivery' = '{held}'")
    receiver.release.set()
    drill.say(f"killed server {holder.name} (kill -9) mid-call; its lease ends {lease_end}")

    drill.check(receiver.wait_until(lambda: [c[0] for c in receiver.calls].count(held) == 2, LEASE_SECONDS + 60),
                f"server {other.name} sent the held delivery again, with its id")
    recorded = drill.wait_for("the delivery recorded delivered", lambda: cluster.sql(
        f"SELECT status FROM deliveries WHERE id = '{held}'") == "delivered", 30)
    job = job_of(cluster, held)
    drill.check(job[0] == "done" and f"-{other.pid}-" in job[1] and job[2] == "2",
                f"its job: done by server {other.name} after 2 attempts ({' '.join(job)})")
    taken = cluster.sql(f"SELECT started_at >= '{lease_end}'::timestamptz FROM jobs"
                        f" WHERE kind = 'webhook' AND payload->>'delivery' = '{held}'")
    drill.check(recorded and taken == "t", f"taken over only after server {holder.name}'s lease ran out")

    ids = [call[0] for call in receiver.calls]
    drill.check(all(call[1] for call in receiver.calls), f"every one of the {len(ids)} calls was signed right")
    drill.check(sorted(ids.count(i) for i in set(ids)) == [1] * (NOTICES - 1) + [2],
                "on the wire: the held id twice, every other id once (at least once)")
    stored = cluster.sql(f"SELECT id || ' ' || status FROM deliveries WHERE subscription_id = '{subscription}'")
    stored = dict(line.split() for line in stored.splitlines())
    drill.check(sorted(receiver.accepted) == sorted(stored) and len(set(receiver.accepted)) == NOTICES,
                f"the receiver's accepted log holds each of the {NOTICES} deliveries exactly once (by id)")
    drill.check(set(stored.values()) == {"delivered"}, "every delivery recorded delivered")
    queued = cluster.sql("SELECT count(*) FROM jobs WHERE kind = 'webhook' AND status <> 'done'")
    drill.check(queued == "0", f"no webhook job left undone ({queued})")
    drill.say(f"{len(ids)} calls on the wire, {len(receiver.accepted)} deliveries accepted")


def job_of(cluster, delivery):
    """The webhook job of a delivery: [status, worker, attempts]."""
    return cluster.sql(
        f"SELECT status || ' ' || coalesce(worker, '-') || ' ' || attempts FROM jobs"
        f" WHERE kind = 'webhook' AND payload->>'delivery' = '{delivery}'").split()
