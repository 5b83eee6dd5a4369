#!/usr/bin/env python3
"""git's smart HTTP on loopback, for DraftFlow's tests: `git http-backend` as CGI behind HTTP basic
authentication, which sets REMOTE_USER for the repository's pre-receive hook.

    python3 scripts/git-http-server.py --root DIR --users FILE [--port N] [--log FILE]

DIR holds the bare repositories (GIT_PROJECT_ROOT); FILE has one `user:password` line per user.
Every request needs a valid user and password (a wrong one is answered 401). The server prints
`listening on PORT` once it accepts connections, and runs until it is stopped (SIGTERM).
Python's http.server has no CGI handler in every version any more: the CGI call is done here.
"""
import argparse
import base64
import hmac
import os
import signal
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

# What the client's environment must not hand to git http-backend and the hook.
DROPPED = ("GIT_DIR", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
           "GIT_INDEX_FILE", "GIT_NAMESPACE", "REMOTE_USER", "GL_USERNAME", "GL_USER")


def read_users(path):
    users = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line and ":" in line:
                user, password = line.split(":", 1)
                users[user] = password
    return users


class Handler(BaseHTTPRequestHandler):
    server_version = "DraftFlowTestGit/1"

    def log_message(self, format, *args):
        if self.server.log:
            self.server.log.write("%s %s\n" % (self.address_string(), format % args))
            self.server.log.flush()

    def authenticated_user(self):
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return None
        try:
            user, password = base64.b64decode(header[6:]).decode("utf-8").split(":", 1)
        except Exception:
            return None
        known = self.server.users.get(user)
        if known is None or not hmac.compare_digest(known.encode(), password.encode()):
            return None
        return user

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(body)
                body += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def handle_any(self):
        user = self.authenticated_user()
        if user is None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="DraftFlow test git"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.read_body() if self.command == "POST" else b""
        path, _, query = self.path.partition("?")
        environment = {key: value for key, value in os.environ.items() if key not in DROPPED}
        environment.update({
            "GIT_PROJECT_ROOT": self.server.root, "GIT_HTTP_EXPORT_ALL": "1",
            "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.0", "SERVER_SOFTWARE": self.server_version,
            "REQUEST_METHOD": self.command, "PATH_INFO": unquote(path), "QUERY_STRING": query,
            "REMOTE_USER": user, "REMOTE_ADDR": self.client_address[0], "AUTH_TYPE": "Basic",
            "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(body)),
        })
        for name, value in self.headers.items():
            key = "HTTP_" + name.upper().replace("-", "_")
            if key not in ("HTTP_AUTHORIZATION", "HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH", "HTTP_TRANSFER_ENCODING"):
                environment[key] = value
        process = subprocess.run(["git", "http-backend"], input=body, capture_output=True, env=environment)
        if process.stderr and self.server.log:
            self.server.log.write(process.stderr.decode("utf-8", "replace"))
            self.server.log.flush()
        output = process.stdout
        # The CGI headers end at the first empty line (CRLF or LF).
        ends = [(at, size) for at, size in ((output.find(b"\r\n\r\n"), 4), (output.find(b"\n\n"), 2)) if at >= 0]
        split, separator = min(ends) if ends else (-1, 0)
        if split < 0:
            self.send_error(502, "git http-backend gave no headers")
            return
        status, headers = 200, []
        for line in output[:split].decode("latin-1").replace("\r\n", "\n").split("\n"):
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.strip().split(" ")[0])
            elif name:
                headers.append((name, value.strip()))
        content = output[split + separator:]
        self.send_response(status)
        for name, value in headers:
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = handle_any
    do_POST = handle_any


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--users", required=True)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log")
    parser.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM) ...")
    parser.add_argument("--tls-key", help="... and this key (PEM)")
    arguments = parser.parse_args()
    # A parent may start us with signals blocked (a test runner's thread): SIGTERM must stop us.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    server = ThreadingHTTPServer((arguments.bind, arguments.port), Handler)
    server.daemon_threads = True
    server.root = os.path.abspath(arguments.root)
    server.users = read_users(arguments.users)
    server.log = open(arguments.log, "a", encoding="utf-8") if arguments.log else None
    if arguments.tls_cert:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(arguments.tls_cert, arguments.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
