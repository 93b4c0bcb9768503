"""disk-full: the file system under the bookings table fills up.

As root, a 4 MB tmpfs is mounted in the drill's folder and the `bookings` table (with its TOAST
table) moved into a tablespace on it; a file fills what is left. Asserts: a booking that needs a new
page is refused with 503 problem+json (SQLSTATE 53100) and nothing of it is stored; reads and
readyz still answer 200; once the file is removed, bookings answer 201 again. WAL stays on the
cluster's own disk (a full WAL disk stops PostgreSQL itself, which restart-db covers).
Without root (mount refused), the drill says so and fails.
"""

import os
import subprocess

from harness import Cluster, DrillFailed, Server, request
import seed

SUMMARY = "the bookings' disk full: writes 503, reads served, recovery once space returns (needs root)"


def mount_tiny(drill):
    tiny = os.path.join(drill.work, "tiny")
    os.mkdir(tiny)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", tiny],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        raise DrillFailed(f"cannot mount a small file system here ({mounted.stderr.strip()}); run as root")
    drill.undo.append(lambda: subprocess.run(["umount", tiny], check=True))
    space = os.path.join(tiny, "tablespace")
    os.mkdir(space)
    subprocess.run(["chown", "postgres:postgres", space], check=True)
    return tiny, space


def fill(path):
    """Writes zeros to `path` until the file system refuses; returns the bytes written."""
    written = 0
    block = bytes(64 * 1024)
    with open(path, "wb", buffering=0) as filler:
        try:
            while True:
                written += filler.write(block)
        except OSError:
            pass
        try:  # the last partial block
            while True:
                written += filler.write(bytes(512))
        except OSError:
            return written


def run(drill):
    tiny, space = mount_tiny(drill)  # unmounted last, after the cluster stopped
    cluster = Cluster(drill)
    drill.check(True, f"a 4 MB tmpfs mounted at {tiny}")
    cluster.praxis("migrate")
    server = Server(drill, cluster, "only").ready()
    lines = seed.Lines(cluster, server, 20)
    cluster.sql(f"CREATE TABLESPACE tiny LOCATION '{space}'")
    cluster.sql("ALTER TABLE bookings SET TABLESPACE tiny")
    drill.check(cluster.sql("SELECT tablespace FROM pg_tables WHERE tablename = 'bookings'") == "tiny",
                "the bookings table lives on it")

    number = 0
    for number in range(5):
        answer = lines.book(server, number)
        drill.check(answer.status == 201, f"booking {number} before the disk is full: {answer.status}")
    filler = os.path.join(tiny, "filler")
    drill.say(f"filled the file system with {fill(filler) // 1024} kB")

    created, refused = 5, None
    for number in range(5, 400):
        answer = lines.book(server, number)
        if answer.status != 201:
            refused = answer
            break
        created += 1
    drill.check(refused is not None, f"a booking was refused once the page under way filled ({created - 5} more fitted)")
    drill.check(refused.status == 503 and refused.problem, f"refused with 503 problem+json: {refused}")
    with open(os.path.join(cluster.dir, "server.log"), errors="replace") as log:
        said = [line.strip() for line in log if "No space left on device" in line]
    drill.check(bool(said), f"PostgreSQL said: {said[0] if said else 'nothing of the disk'}")
    drill.check(cluster.sql("SELECT count(*) FROM bookings") == str(created),
                f"the refused booking is not stored ({created} bookings)")
    drill.check(cluster.sql("SELECT count(*) FROM audit_log WHERE entity = 'booking' AND action = 'create'") == str(created),
                "nor its audit row")
    listing = lines.listing(server)
    drill.check(listing.status == 200, f"reads still served: listing {listing.status}")
    ready = request(server, "GET", "/readyz")
    drill.check(ready.status == 200, f"readyz {ready.status}")

    os.remove(filler)
    answer = lines.book(server, number)
    drill.check(answer.status == 201, f"space returned: the refused booking now answers {answer.status}")
    cluster.sql("ALTER TABLE bookings SET TABLESPACE pg_default")  # the tmpfs can then go
