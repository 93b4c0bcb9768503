"""A real HTTP receiver for the webhook tests: verifies X-Praxis-Signature with Python's hmac (an
implementation independent of Praxis's) against the secret in FOLDER/secret, refuses a timestamp
more than five minutes off, and writes every call to FOLDER as JSON (delivery id, verified, body).
While FOLDER/down exists it answers 503 without recording a delivery.

    python webhook_receiver.py PORT FOLDER
"""
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FOLDER = sys.argv[2]


def verified(header, body):
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    with open(os.path.join(FOLDER, "secret"), encoding="utf-8") as file:
        secret = file.read().strip()
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", "")) and abs(time.time() - timestamp) <= 300


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if os.path.exists(os.path.join(FOLDER, "down")):
            self.send_response(503)
            self.end_headers()
            return
        ok = verified(self.headers.get("X-Praxis-Signature", ""), body)
        record = {
            "delivery": self.headers.get("X-Praxis-Delivery"),
            "verified": ok,
            "body": json.loads(body or b"null"),
        }
        path = os.path.join(FOLDER, f"{time.time_ns()}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        self.send_response(200 if ok else 401)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    os.makedirs(FOLDER, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver)
    open(os.path.join(FOLDER, "ready"), "w").close()
    server.serve_forever()
