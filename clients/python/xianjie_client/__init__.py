"""Xianjie reference client in Python: a bus node written from docs/protocol.md alone.

Modules:
    catalog   the message types, their schemas and classes (protocol.md §3)
    keys      key files from `xianjie keygen` (protocol.md §10.1)
    envelope  headers, the signing input, signatures and the message hash (§2, §3, §10.2, §10.3)
    store     the durable outbox, inbox, receipts and counters (sqlite3; §4, §5)
    client    the DEALER connection: hello/welcome, resend, answers, deliveries, acks, heartbeats (§4, §5)
    config    the node configuration file (the same shape as xianjie-node's)
"""

__version__ = "0.1.0"
SOFTWARE_VERSION = "xianjie-client-python/" + __version__
PROTOCOLS = ["xianjie/1", "xianjie/2"]
