"""What the drills book on: the demo center, or a bare center of equipment lines (as scripts/bench-booking)."""

import base64
import datetime
import os

from harness import DrillFailed, request

DEMO_CENTER = "潍坊智能制造产教融合实践中心"


def token_for(cluster, user):
    """A fresh API token acting for `user` (one day)."""
    return cluster.praxis("token", "create", user, "--name", "drill", "--days", "1").splitlines()[0].strip()


def demo(cluster):
    """Loads the demo center (`praxis seed --demo`); returns (its id, an admin's API token)."""
    password = base64.urlsafe_b64encode(os.urandom(18)).decode()
    cluster.praxis("seed", "--demo", env={"PRAXIS_DEMO_PASSWORD": password})
    center = cluster.sql(f"SELECT id FROM centers WHERE name = '{DEMO_CENTER}'")
    return center, token_for(cluster, "demo.admin")


class Lines:
    """A center with `count` equipment lines, an enterprise to book for, and an admin's token.
    Booking number k takes line k mod count in the 30-minute slot k div count after 2030-01-07 08:00
    (the center's zone), so no two bookings of a drill clash."""

    base = datetime.datetime(2030, 1, 7, tzinfo=datetime.timezone.utc)
    password = "drill passphrase of enough length"

    def __init__(self, cluster, server, count):
        operator = cluster.sql(
            "INSERT INTO organizations (name, kind) VALUES ('Drill operator', 'center_operator') RETURNING id")
        self.customer = cluster.sql(
            "INSERT INTO organizations (name, kind) VALUES ('Drill enterprise', 'large_enterprise') RETURNING id")
        cluster.praxis("user", "add", "drill.admin", "--organization", operator, "--role", "admin",
                       stdin=self.password + "\n")
        self.token = token_for(cluster, "drill.admin")
        self.center = self.create(server, "/centers", {"name": "Drill center", "operatorId": operator})
        self.lines = [
            self.create(server, f"/centers/{self.center}/resources",
                        {"kind": "equipment_line", "name": f"drill line {i}", "seats": 1})
            for i in range(count)
        ]

    def create(self, server, path, body):
        answer = request(server, "POST", path, body, token=self.token)
        if answer.status != 201:
            raise DrillFailed(f"seeding POST {path}: {answer}")
        return answer.json()["id"]

    def booking(self, k):
        """The body of booking number k."""
        line = self.lines[k % len(self.lines)]
        start = self.base + datetime.timedelta(minutes=30 * (k // len(self.lines)))
        end = start + datetime.timedelta(minutes=30)
        iso = "%Y-%m-%dT%H:%M:%SZ"
        return {"organizationId": self.customer, "category": "employee_upskilling", "title": f"drill {k}",
                "start": start.strftime(iso), "end": end.strftime(iso), "resources": [{"resourceId": line}]}

    def book(self, server, k, timeout=30, title=None, key=None):
        """POSTs booking number k (with `title` instead of its own, and an `Idempotency-Key` when given)."""
        body = dict(self.booking(k), **({"title": title} if title else {}))
        return request(server, "POST", f"/centers/{self.center}/bookings", body, token=self.token, timeout=timeout,
                       headers={"Idempotency-Key": key} if key else None)

    def listing(self, server, timeout=30):
        return request(server, "GET", f"/centers/{self.center}/bookings?from=2030-01-07T00:00:00Z"
                       "&to=2030-01-14T00:00:00Z&limit=50", token=self.token, timeout=timeout)
