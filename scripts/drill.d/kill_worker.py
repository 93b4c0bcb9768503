"""kill-worker: kill -9 the `praxis serve` whose worker runs a plan.

Asserts: while the first server's worker holds the run, a second server does not take it; after the
kill, once the lease (30 s) has run out, the second server's worker takes the run over and finishes
it: status `succeeded` with one result, `attempts` 2, its job `done`.
"""

from harness import Cluster, Server, request
import seed

SUMMARY = "kill -9 the server running a plan: another takes it after the lease and finishes it"
LEASE_SECONDS = 30
TIME_LIMIT_SECONDS = 5


def run(drill):
    cluster = Cluster(drill)
    cluster.praxis("migrate")
    center, token = seed.demo(cluster)
    first = Server(drill, cluster, "first").ready()
    queued = request(first, "POST", f"/centers/{center}/plans", token=token, body={
        "horizon": {"from": "2026-03-02", "to": "2026-03-15"}, "timeLimitSeconds": TIME_LIMIT_SECONDS})
    drill.check(queued.status == 202, f"a plan of the demo center queued: {queued.status}")
    plan = queued.json()["id"]

    def run_state():
        return cluster.sql(
            f"SELECT status || ' ' || coalesce(worker, '-') || ' ' || attempts || ' ' || (progress IS NOT NULL)"
            f" FROM plans WHERE id = '{plan}'").split()

    state = drill.wait_for(
        "server first's worker runs the plan and has written progress",
        lambda: (lambda s: s if s[0] == "running" and s[3] == "true" else None)(run_state()), 60)
    drill.check(f"-{first.pid}-" in state[1], f"server first (pid {first.pid}) runs it as worker {state[1]}")

    second = Server(drill, cluster, "second").ready()
    state = run_state()
    drill.check(state[0] == "running" and f"-{first.pid}-" in state[1],
                "server second started and leaves the held run alone")
    lease_end = cluster.sql(f"SELECT lease_until FROM plans WHERE id = '{plan}'")
    first.kill9()
    drill.say(f"killed server first (kill -9) mid-run; its lease ends {lease_end}")

    state = drill.wait_for(
        "the run is settled",
        lambda: (lambda s: s if s[0] not in ("running", "queued") else None)(run_state()),
        LEASE_SECONDS + TIME_LIMIT_SECONDS + 60)
    drill.check(state[0] == "succeeded", f"the run ended {state[0]}")
    drill.check(f"-{second.pid}-" in state[1], f"server second (pid {second.pid}) finished it as worker {state[1]}")
    drill.check(state[2] == "2", f"attempts: {state[2]}")
    taken = cluster.sql(f"SELECT started_at >= '{lease_end}'::timestamptz FROM plans WHERE id = '{plan}'")
    drill.check(taken == "t", "taken over only after the first worker's lease ran out")
    job = cluster.sql(
        f"SELECT count(*) || ' ' || string_agg(status::text || '/' || attempts, ',') FROM jobs"
        f" WHERE kind = 'plan' AND dedup_key = lower('{plan}')")
    drill.check(job == "1 done/2", f"its job: one, done after 2 attempts ({job})")
    placed = cluster.sql(f"SELECT jsonb_array_length(result->'assignments') FROM plans WHERE id = '{plan}'")
    answer = request(second, "GET", f"/plans/{plan}", token=token)
    shown = len((answer.json() or {}).get("result", {}).get("assignments", []))
    drill.check(answer.status == 200 and shown == int(placed) > 0,
                f"one result, read through server second: {shown} sessions placed")
