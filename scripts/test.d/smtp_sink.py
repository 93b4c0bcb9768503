"""A real SMTP server for the notification tests (aiosmtpd): every message received is parsed with
Python's own e-mail package (an implementation independent of Praxis's) and written to FOLDER as
JSON: envelope recipients, decoded subject, Message-ID, decoded body.

    python smtp_sink.py PORT FOLDER
"""
import email
import email.header
import email.policy
import json
import os
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        record = {
            "to": envelope.rcpt_tos,
            "from": envelope.mail_from,
            "subject": str(message["Subject"]),
            "messageId": str(message["Message-ID"]),
            "body": message.get_body().get_content(),
        }
        path = os.path.join(self.folder, f"{time.time_ns()}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    open(os.path.join(folder, "ready"), "w").close()
    threading.Event().wait()


if __name__ == "__main__":
    main()
