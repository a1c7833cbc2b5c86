"""A fake unlock agent that records what it receives (run by the tests as any user).

``python3 fake_agent.py SOCKET LOG`` binds SOCKET (mode 0777, so anyone may connect),
writes ``ready`` to LOG, then for each connection appends ``conn <bytes received>`` to LOG
and answers as a real agent would, with made-up output. Only the standard library is
used: a second local user runs it with the system Python. It ends by itself after a minute.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import sys
import time


def main() -> None:
    path, log = sys.argv[1], sys.argv[2]
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    os.chmod(path, 0o777)
    server.listen(8)
    server.settimeout(1.0)
    with open(log, "a") as out:
        out.write("ready\n")
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            conn, _ = server.accept()
        except TimeoutError:
            continue
        received = 0
        conn.settimeout(2.0)
        try:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                received += len(chunk)
                answer = json.dumps({"status": 0, "stdout": "FAKE ENTRY\n", "stderr": ""})
                data = answer.encode()
                conn.sendall(struct.pack(">I", len(data)) + data)
        except OSError:
            pass
        conn.close()
        with open(log, "a") as out:
            out.write(f"conn {received}\n")


if __name__ == "__main__":
    main()
