"""What every drill uses: a throwaway cluster, `praxis` commands and servers, an HTTP client, checks.

Every check prints one line (`drill NAME: ok   …` or `drill NAME: FAIL …`); a failed check ends the
drill with exit status 1. Waiting is always for a condition, polled, with a deadline.
"""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

PRAXIS = os.environ.get("PRAXIS_BIN", ".build/debug/praxis")


class DrillFailed(Exception):
    """A drill's assertion did not hold (`printed` when its line is out already) or it could not go on."""

    def __init__(self, text, printed=False):
        super().__init__(text)
        self.printed = printed


class Drill:
    """One run of a drill: its folder, its output lines, and what to undo at the end."""

    def __init__(self, name):
        self.name = name
        self.work = tempfile.mkdtemp(prefix=f"praxis-drill-{name}.")
        os.chmod(self.work, 0o755)  # the postgres user reaches the cluster's folder inside
        self.undo = []

    def say(self, text):
        print(f"drill {self.name}: {text}", flush=True)

    def check(self, ok, text):
        print(f"drill {self.name}: {'ok  ' if ok else 'FAIL'} {text}", flush=True)
        if not ok:
            raise DrillFailed(text, printed=True)

    def wait_for(self, what, condition, seconds):
        """Polls `condition` until it returns something truthy; fails after `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                self.check(False, f"{what} (not within {seconds:g} s)")
            time.sleep(0.05)

    def finish(self):
        for step in reversed(self.undo):
            try:
                step()
            except Exception as error:  # cleaning up must go on
                print(f"drill {self.name}: cleanup: {error}", flush=True)
        if os.environ.get("DRILL_KEEP") is None:
            shutil.rmtree(self.work, ignore_errors=True)
        else:
            self.say(f"kept {self.work}")


def main(name, body):
    """Runs `body(drill)` as the drill `name`, says whether it passed, cleans up.
    Returns the exit status: 0 passed, 1 a check failed."""
    drill = Drill(name)
    started = time.monotonic()
    try:
        body(drill)
        drill.say(f"passed in {time.monotonic() - started:.0f} s")
        return 0
    except DrillFailed as failure:
        if not failure.printed:
            drill.say(f"FAIL {failure}")
        drill.say(f"failed after {time.monotonic() - started:.0f} s; its folder: {drill.work} (DRILL_KEEP=1 keeps it)")
        return 1
    finally:
        drill.finish()


class Cluster:
    """A private PostgreSQL cluster (scripts/pg-local) with a database `drill`."""

    def __init__(self, drill, fast=True):
        self.drill = drill
        self.dir = os.path.join(drill.work, "pg")
        self.fast = fast
        self.env = dict(os.environ)
        self.start()
        drill.undo.append(self.stop)
        self.sql("CREATE DATABASE drill", database="postgres")
        self.env["PGDATABASE"] = "drill"

    def start(self):
        command = ["scripts/pg-local", "start", self.dir] + (["--fast"] if self.fast else [])
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise DrillFailed(f"{' '.join(command)}: {done.stderr.strip()}")
        for word in done.stdout.replace("export ", "").split():
            key, value = word.split("=", 1)
            self.env[key] = value

    def stop(self):
        subprocess.run(["scripts/pg-local", "stop", self.dir], check=True)

    def sql(self, query, database=None):
        """Runs `query` with psql; returns its unaligned output, stripped."""
        env = dict(self.env, PGDATABASE=database or self.env.get("PGDATABASE", "drill"))
        done = subprocess.run(  # on standard input: a query may name thousands of ids
            ["psql", "-XAtq", "-v", "ON_ERROR_STOP=1"], env=env, input=query, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise DrillFailed(f"psql: {done.stderr.strip()}")
        return done.stdout.strip()

    def session(self):
        """An open psql session, to hold a transaction (and its locks) while the drill goes on."""
        return Session(self.env)

    def praxis(self, *arguments, stdin=None, env=None):
        """Runs a `praxis` command on the cluster; returns its standard output."""
        done = subprocess.run(
            [PRAXIS, *arguments], env=dict(self.env, **(env or {})), input=stdin, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise DrillFailed(f"praxis {' '.join(arguments)}: {done.stderr.strip()}")
        return done.stdout


class Session:
    """psql reading commands from a pipe; `run` waits for a marker line, so a command is known done."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            ["psql", "-XAtq", "-v", "ON_ERROR_STOP=1"], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True,
        )

    def run(self, commands):
        self.process.stdin.write(f"{commands}\nSELECT 'drill-done';\n")
        self.process.stdin.flush()
        lines = []
        for line in self.process.stdout:
            if line.strip() == "drill-done":
                return lines
            lines.append(line.strip())
        raise DrillFailed(f"psql session ended: {' '.join(lines)}")

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


def free_port():
    """A port nothing listens on when probed; a server started on it retries with another when its bind
    fails (the port can be taken meanwhile)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `praxis serve` process on a port the system picks (`--port 0`), its output in the drill's folder;
    `port` is known once `listening` (or `ready`) has read the port file the server writes when it listens."""

    def __init__(self, drill, cluster, name, arguments=(), env=None):
        self.drill = drill
        self.name = name
        self.port = None
        self.log = os.path.join(drill.work, f"serve-{name}.log")
        self.port_file = os.path.join(drill.work, f"serve-{name}.port")
        environment = dict(cluster.env, PRAXIS_TOKEN_REQUESTS_PER_MINUTE="100000000", **(env or {}))
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [PRAXIS, "serve", "--host", "127.0.0.1", "--port", "0", "--port-file", self.port_file,
                 "--log-level", "notice", *arguments],
                env=environment, stdout=log, stderr=subprocess.STDOUT,
            )
        drill.undo.append(self.stop)
        self.pid = self.process.pid

    def listening(self, seconds=60):
        """Waits for the port file; then `port` is known (the server may still answer 503 to readyz)."""
        def written():
            self.exited()
            try:
                with open(self.port_file) as port:  # written whole: renamed into place
                    self.port = int(port.read())
                return True
            except FileNotFoundError:
                return False
        if self.port is None:
            self.drill.wait_for(f"server {self.name} listening", written, seconds)
        return self

    def ready(self, seconds=60):
        """Waits until readyz answers 200."""
        self.listening(seconds)

        def up():
            self.exited()
            return request(self, "GET", "/readyz", timeout=2).status == 200
        self.drill.wait_for(f"server {self.name} ready", up, seconds)
        return self

    def exited(self):
        """Fails the drill when the server has exited."""
        if self.process.poll() is not None:
            raise DrillFailed(f"praxis serve {self.name} exited; see {self.log}")

    def kill9(self):
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def logged(self, text):
        with open(self.log, errors="replace") as log:
            return text in log.read()


class Response:
    def __init__(self, status, headers, body, seconds, error=None):
        self.status, self.headers, self.body, self.seconds, self.error = status, headers, body, seconds, error

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @property
    def problem(self):
        """Whether the answer is problem+json with a status member equal to the HTTP status."""
        document = self.json()
        return (
            self.headers.get("content-type", "").startswith("application/problem+json")
            and isinstance(document, dict) and document.get("status") == self.status
        )

    def __str__(self):
        if self.status is None:
            return f"no answer ({self.error}) after {self.seconds:.1f} s"
        return f"{self.status} after {self.seconds:.2f} s: {self.body[:200]}"


def request(server, method, path, body=None, token=None, timeout=30, headers=None):
    """One HTTP request; a refused, reset or timed-out connection gives status None."""
    headers = dict(headers or {}, Accept="application/json")
    if token:
        headers["Authorization"] = f"Bearer {token}"
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.request(method, path, body=payload, headers=headers)
        answer = connection.getresponse()
        text = answer.read().decode("utf-8", "replace")
        headers = {key.lower(): value for key, value in answer.getheaders()}
        return Response(answer.status, headers, text, time.monotonic() - started)
    except (OSError, http.client.HTTPException) as error:
        return Response(None, {}, "", time.monotonic() - started, error=repr(error))
    finally:
        connection.close()
