"""Loaded by every Python process a hostile case starts (PYTHONPATH): no network at all.

Any attempt to connect or resolve a name is written to $HOSTILE_NETWORK_LOG and refused, so
the test can fail the case even when the attempt happened in a child process.
"""

import os
import socket


def _refuse(*args, **kwargs):
    log = os.environ.get("HOSTILE_NETWORK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}: {args!r:.200}\n")
    raise OSError("network access is not allowed in the hostile corpus")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
