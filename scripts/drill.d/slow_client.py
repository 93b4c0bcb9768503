"""slow-client: requests trickled byte by byte to a server with a pool of 2 database connections.

`praxis serve --request-timeout 3 --max-connections 2`; six clients send a booking's head and then
its body a byte every 0.2 s, one sends its request line a byte every 0.2 s. Asserts: meanwhile
other clients book and read at once and no database connection of the server sits in a
transaction (the trickled requests hold none); each trickled connection is closed by the server
3 s (the timeout) after its head, give or take a second; none of their bookings is stored.
"""

import json
import socket
import threading
import time

from harness import Cluster, Server
import seed

SUMMARY = "bodies trickled byte by byte are cut off by the request timeout, holding no database connection"
TIMEOUT = 3
SLOW = 6


class Trickler(threading.Thread):
    """One slow client: sends `sent` at once, then `trickled` a byte at a time, until the server closes."""

    def __init__(self, port, sent, trickled):
        super().__init__()
        self.port, self.sent, self.trickled = port, sent, trickled
        self.answer, self.closed_after = b"", None

    def run(self):
        with socket.create_connection(("127.0.0.1", self.port)) as connection:
            connection.settimeout(0.2)  # the pace: a byte per 0.2 s unless the server speaks first
            connection.sendall(self.sent)
            started = time.monotonic()
            for i in range(len(self.trickled)):
                try:
                    connection.send(self.trickled[i:i + 1])
                    data = connection.recv(4096)
                except socket.timeout:
                    continue
                except OSError:
                    break
                if not data:
                    break
                self.answer += data
            self.closed_after = time.monotonic() - started


def run(drill):
    cluster = Cluster(drill)
    cluster.praxis("migrate")
    server = Server(drill, cluster, "only", ["--request-timeout", str(TIMEOUT), "--max-connections", "2"]).ready()
    lines = seed.Lines(cluster, server, 20)
    booked_before = int(cluster.sql("SELECT count(*) FROM bookings"))

    slow = []
    for k in range(SLOW):
        body = json.dumps(lines.booking(1000 + k)).encode()
        head = (f"POST /centers/{lines.center}/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {lines.token}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        slow.append(Trickler(server.port, head, body))
    request_line = f"GET /centers/{lines.center}/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    slow.append(Trickler(server.port, b"", request_line))
    for client in slow:
        client.start()
    drill.wait_for("the trickled requests reached the server", lambda: all(c.is_alive() for c in slow), 5)

    quick = [lines.book(server, k, timeout=TIMEOUT) for k in range(4)] + [lines.listing(server, timeout=TIMEOUT)]
    alive = sum(1 for client in slow if client.is_alive())
    drill.check(alive == len(slow), f"{alive} trickling clients still sending while others are served")
    drill.check([a.status for a in quick] == [201, 201, 201, 201, 200],
                "meanwhile 4 bookings answer 201 and a listing 200, through a pool of 2: "
                + ", ".join(f"{a.status} in {a.seconds:.2f} s" for a in quick))
    held = cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = 'drill' AND state LIKE 'idle in transaction%'")
    drill.check(held == "0", f"no database connection sits in a transaction ({held})")

    for client in slow:
        client.join(timeout=TIMEOUT + 10)
    for number, client in enumerate(slow, 1):
        what = "request line" if number == len(slow) else "body"
        after = client.closed_after
        drill.check(after is not None and TIMEOUT - 0.5 <= after <= TIMEOUT + 1.5 and not client.answer,
                    f"trickled {what} {number}: closed by the server after {after:.1f} s, no answer")
    stored = int(cluster.sql("SELECT count(*) FROM bookings")) - booked_before
    drill.check(stored == 4, f"none of the trickled bookings is stored ({stored} bookings: the 4 quick ones)")
    drill.check(server.logged("Request not received whole in time"), "the server logged the cut-off")
