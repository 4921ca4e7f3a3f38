"""Envelopes, the signing input, signatures and the message hash (docs/protocol.md §2, §3, §10.2, §10.3)."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import struct
import uuid
from typing import Optional

from . import catalog

SIGNING_PREFIX = b"xianjie/1 signature\n"   # 20 bytes, §10.2


def signing_input(header: bytes, data: bytes) -> bytes:
    """§10.2: prefix, u32be len(header), header, u32be len(data), data — the exact bytes sent."""
    return SIGNING_PREFIX + struct.pack(">I", len(header)) + header + struct.pack(">I", len(data)) + data


def message_hash(header: bytes, data: bytes) -> str:
    """§10.3: lowercase hex SHA-256 of the signing input (the signature is not covered)."""
    return hashlib.sha256(signing_input(header, data)).hexdigest()


def compact(obj) -> bytes:
    """Compact UTF-8 JSON, as the frames carry it (§2)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def now_rfc3339() -> str:
    """UTC with milliseconds, `2026-11-22T02:20:57.123Z` (§3)."""
    t = _dt.datetime.now(_dt.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def build_header(*, source: str, type_: str, id_: Optional[str] = None, recipients=None, topic=None,
                 subject=None, sequence=None, correlationid=None, causationid=None, time=None) -> dict:
    h = {
        "specversion": "1.0",
        "id": id_ or str(uuid.uuid4()),
        "source": source,
        "type": type_,
        "time": time or now_rfc3339(),
        "dataschema": catalog.dataschema(type_),
        "datacontenttype": "application/json",
    }
    if recipients is not None:
        h["recipients"] = list(recipients)
    if topic is not None:
        h["topic"] = topic
    if subject is not None:
        h["subject"] = subject
    if sequence is not None:
        h["sequence"] = sequence
    if correlationid is not None:
        h["correlationid"] = correlationid
    if causationid is not None:
        h["causationid"] = causationid
    return h


def seal(header: dict, data: dict, keys) -> tuple[bytes, bytes, bytes]:
    """The three frames a node sends (§2): header, data, signature over exactly those bytes."""
    hb = compact(header)
    db = compact(data)
    return hb, db, keys.sign(signing_input(hb, db))


def self_test() -> None:
    """The known answer of §10.2."""
    si = signing_input(b'{"id":"m1"}', b'{"x":1}')
    assert si == b'xianjie/1 signature\n\x00\x00\x00\x0b{"id":"m1"}\x00\x00\x00\x07{"x":1}', si
    assert len(si) == 46
    assert message_hash(b'{"id":"m1"}', b'{"x":1}') == "26e07945e2dbe4f4f598d86a8d5700ad4c54129da97d176468f25bdcfcc2f3be"
