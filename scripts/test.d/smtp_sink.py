"""A real SMTP server for the notification tests (aiosmtpd): every message received is parsed with
Python's own e-mail package (an implementation independent of Praxis's) and written to FOLDER as
JSON: envelope recipients, decoded subject, Message-ID, decoded body, whether TLS protected it and
who logged in. Every MAIL command is also written down (FOLDER/*.mail), TLS or not.

    python smtp_sink.py PORT FOLDER [--starttls CERT KEY | --tls CERT KEY]
                        [--login USER PASSWORD [--mechanisms PLAIN LOGIN]]

--starttls offers STARTTLS and refuses mail before it; --tls speaks TLS from the first byte (port
465's way); --login offers AUTH (only over TLS) and requires it.
"""
import argparse
import email
import email.header
import email.policy
import json
import logging
import os
import ssl
import threading
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def is_tls(server):
    return server.transport.get_extra_info("ssl_object") is not None


class Sink:
    def __init__(self, folder):
        self.folder = folder

    def write(self, record, suffix):
        path = os.path.join(self.folder, f"{time.time_ns()}{suffix}")
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.write({"from": address, "tls": is_tls(server)}, ".mail")
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.write(
            {
                "to": envelope.rcpt_tos,
                "from": envelope.mail_from,
                "subject": str(message["Subject"]),
                "messageId": str(message["Message-ID"]),
                "body": message.get_body().get_content(),
                "tls": is_tls(server),
                "auth": session.auth_data,
            },
            ".json",
        )
        return "250 OK"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=f"{mechanism} {user}" if ok else None)

    return check


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--login", nargs=2, metavar=("USER", "PASSWORD"))
    parser.add_argument("--mechanisms", nargs="+", default=["PLAIN", "LOGIN"])
    arguments = parser.parse_args()
    # quiet: the refusals the tests provoke (a wrong password, an untrusted certificate) would print
    # aiosmtpd's tracebacks and its own deprecation warnings
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    os.makedirs(arguments.folder, exist_ok=True)

    options = {}
    certificate = arguments.starttls or arguments.tls
    if certificate:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*certificate)
        if arguments.starttls:
            options.update(tls_context=context, require_starttls=True)
        else:
            # aiosmtpd counts only STARTTLS as TLS for AUTH; here every byte is TLS already
            options.update(ssl_context=context, auth_require_tls=False)
    if arguments.login:
        excluded = [m for m in ("PLAIN", "LOGIN") if m not in arguments.mechanisms]
        options.update(
            authenticator=authenticator(*arguments.login),
            auth_required=True,
            auth_exclude_mechanism=excluded,
        )
    controller = Controller(Sink(arguments.folder), hostname="127.0.0.1", port=arguments.port, **options)
    controller.start()
    open(os.path.join(arguments.folder, "ready"), "w").close()
    threading.Event().wait()


if __name__ == "__main__":
    main()
