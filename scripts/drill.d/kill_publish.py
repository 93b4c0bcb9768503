"""kill-publish: kill -9 a `praxis serve` while it publishes a plan.

A psql session holds `request_bookings` in SHARE mode, so the publish (one transaction) writes its
first bookings and then waits to link them to their sessions; the server is killed there. Asserts:
the plan is published whole or not at all (no booking of it, the plan still `succeeded`, no
`publish` audit row), then a second `praxis serve` publishes it and every booking of it is there.
"""

import threading

from harness import Cluster, Server, request
import seed

SUMMARY = "kill -9 a server mid-publish: the plan is published whole or not at all; a second publish succeeds"


def run(drill):
    cluster = Cluster(drill)
    cluster.praxis("migrate")
    _, token = seed.demo(cluster)
    out = cluster.praxis("plan", "--demo", "--from", "2026-03-02", "--to", "2026-03-15", "--seconds", "2", "--quiet")
    plan = out.split()[1].rstrip(":")
    drill.check("succeeded" in out.splitlines()[0], f"a plan of the demo center ran ({out.splitlines()[0]})")
    diff = "(SELECT jsonb_array_length(result->'diff'->'added') + jsonb_array_length(result->'diff'->'moved') FROM plans WHERE id = '%s')" % plan
    writes = int(cluster.sql(f"SELECT {diff}"))
    drill.check(writes > 1, f"publishing it writes {writes} bookings")

    def published_state():
        return cluster.sql(
            f"SELECT (SELECT status FROM plans WHERE id = '{plan}') || ' '"
            f" || (SELECT count(*) FROM request_bookings rb JOIN bookings b ON b.id = rb.booking_id"
            f"      WHERE rb.plan_id = '{plan}' AND b.status = 'confirmed') || ' '"
            f" || (SELECT count(*) FROM audit_log WHERE entity = 'plan' AND action = 'publish'"
            f"      AND entity_id = upper('{plan}'))")

    before = published_state()
    drill.check(before == "succeeded 0 0", f"before: plan status, its bookings, publish audit rows = {before}")
    bookings_before = cluster.sql("SELECT count(*) FROM bookings")

    first, second = Server(drill, cluster, "first").ready(), Server(drill, cluster, "second").ready()
    blocker = cluster.session()
    blocker.run("BEGIN; LOCK TABLE request_bookings IN SHARE MODE;")
    answers = []
    publishing = threading.Thread(
        target=lambda: answers.append(request(first, "POST", f"/plans/{plan}/publish", token=token)))
    publishing.start()
    backend = drill.wait_for(
        "the publish waits on request_bookings",
        lambda: cluster.sql(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%request_bookings%'"),
        60)
    wrote = cluster.sql(
        f"SELECT count(*) FROM pg_locks WHERE pid = {backend} AND granted AND mode = 'RowExclusiveLock'"
        " AND relation = 'bookings'::regclass")
    drill.check(wrote == "1", f"the publish (backend {backend}) has written bookings and waits to link them")

    first.kill9()
    publishing.join(timeout=30)
    drill.check(answers and answers[0].status is None, f"kill -9 server first mid-publish: the client got {answers[0]}")
    blocker.run("ROLLBACK;")
    blocker.close()
    drill.wait_for(
        "the killed server's transaction ends",
        lambda: cluster.sql(f"SELECT count(*) FROM pg_stat_activity WHERE pid = {backend}") == "0", 30)
    after = published_state()
    drill.check(after == "succeeded 0 0", f"after the kill: nothing of the publish stayed ({after})")
    drill.check(cluster.sql("SELECT count(*) FROM bookings") == bookings_before,
                f"the bookings are the {bookings_before} there were before")

    answer = request(second, "POST", f"/plans/{plan}/publish", token=token)
    drill.check(answer.status == 200 and answer.json().get("status") == "published",
                f"publish through server second: {answer.status}")
    done = published_state()
    drill.check(done == f"published {writes} 1", f"the plan is published whole: {done}")
    again = request(second, "POST", f"/plans/{plan}/publish", token=token)
    drill.check(again.status == 409 and again.problem, f"publishing it again: {again.status} problem+json")
