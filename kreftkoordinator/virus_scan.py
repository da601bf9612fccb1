"""Scanning an uploaded file with a ClamAV daemon (clamd) before it is stored, when CLAMAV_ADDRESS
is set: `host:port` or `unix:/path/to/clamd.ctl`. The file is sent with clamd's INSTREAM command
(length-prefixed chunks, then a zero length), so the daemon needs no access to our disk. A daemon
that does not answer is an error, not a pass: a file nobody could scan is not stored.
"""

import socket
import struct
from collections.abc import Iterable

from django.conf import settings

CHUNK = 64 * 1024
TIMEOUT = 60  # seconds; clamd's own limit for one stream is 120


class Unavailable(Exception):
    """The daemon is configured but could not scan the file."""


def configured() -> bool:
    return bool(settings.CLAMAV_ADDRESS)


def _connect(address: str) -> socket.socket:
    if address.startswith("unix:"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(TIMEOUT)
        sock.connect(address.removeprefix("unix:"))
        return sock
    host, _, port = address.rpartition(":")
    return socket.create_connection((host.strip("[]"), int(port)), timeout=TIMEOUT)


def found(chunks: Iterable[bytes]) -> str | None:
    """The name of what the daemon found in the file, or None when it is clean."""
    try:
        with _connect(settings.CLAMAV_ADDRESS) as sock:
            sock.sendall(b"zINSTREAM\0")
            for chunk in chunks:
                for start in range(0, len(chunk), CHUNK):
                    part = chunk[start : start + CHUNK]
                    sock.sendall(struct.pack("!L", len(part)) + part)
            sock.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                data = sock.recv(4096)
                if not data:
                    break
                reply += data
    except (OSError, ValueError) as error:
        raise Unavailable(str(error)) from error
    answer = reply.rstrip(b"\0").decode("utf-8", "replace")
    # "stream: OK", "stream: Eicar-Signature FOUND", or "INSTREAM size limit exceeded. ERROR"
    if answer.endswith(" OK"):
        return None
    if answer.endswith(" FOUND"):
        return answer.removeprefix("stream: ").removesuffix(" FOUND")
    raise Unavailable(answer or "no answer")
