"""Command line: python3 -m xianjie_client --config NODE.json <command> …

Commands (the conformance suite's driver interface, conformance/README.md):
  send FILE [--no-wait] [--timeout S]   commit a document (or an array) to the outbox, send, wait for the answer;
                                        one JSON line per document: {"id", "outcome", "sequence", "reason"?, "detail"?}
  receive [--count N] [--timeout S]     connect, take deliveries, apply and ack; one JSON line per newly applied document
  run                                   send, receive, ack and heartbeat until SIGTERM / SIGINT
  inbox [--after P] [--limit N]         the stored documents, one JSON line each
  status                                outbox and inbox counters, one JSON object
  selftest                              the known answer of docs/protocol.md §10.2

Exit status: 0 done (whatever the coordinator answered); 2 the client failed (configuration, keys, store,
an unusable document, another process of this client holds the connection).
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import signal
import sys
import time

from . import config as config_mod
from . import envelope
from .keys import KeyError_, load_secret
from .store import DocumentError, Store, StoreError


class Fail(Exception):
    pass


def out(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")
    sys.stdout.flush()


class Lock:
    """One process at a time holds the connection of an agency id (a second one would take the
    routing id over, docs/adding-an-agency.md §5). The lock is released when the process ends, even by SIGKILL."""

    def __init__(self, store_path: str):
        self.path = store_path + ".lock"
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)

    def try_acquire(self) -> bool:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.ftruncate(self.fd, 0)
            os.write(self.fd, str(os.getpid()).encode())
            return True
        except BlockingIOError:
            return False

    def held_by_other(self) -> bool:
        if self.try_acquire():
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            return False
        return True


class Stopper:
    def __init__(self):
        self.stop = False
        signal.signal(signal.SIGTERM, self._set)
        signal.signal(signal.SIGINT, self._set)
        # A parent may have started us with these signals blocked (the mask is inherited across exec).
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

    def _set(self, *_):
        self.stop = True


def hold_connection(cfg):
    """Takes the agency's one connection (the lock on its store), or fails naming who holds it."""
    lock = Lock(cfg.store_path)
    if not lock.try_acquire():
        raise Fail(f"another process of this client holds the connection of {cfg.agency} (lock {lock.path})")
    return lock


def open_all(args, need_keys=True):
    cfg = config_mod.load(args.config)
    store = Store(cfg.store_path, cfg.synchronous_full)
    return cfg, store


def make_client(cfg, store, args, on_applied=None):
    from .client import Client, Log
    return Client(cfg, store, Log(cfg.agency, args.log_level), on_applied=on_applied)


def cmd_send(args):
    cfg, store = open_all(args)
    try:
        with open(args.file, "rb") as f:
            doc = json.loads(f.read())
    except (OSError, ValueError) as e:
        raise Fail(f"cannot read the document {args.file}: {e}")
    docs = doc if isinstance(doc, list) else [doc]
    if not docs:
        raise Fail("send needs at least one document")
    keys = load_secret(cfg.keys_path, expected_agency=cfg.agency)
    rows = []
    for i, d in enumerate(docs, 1):
        try:
            rows.append(store.commit(d, cfg.agency, keys))
        except DocumentError as e:
            raise Fail(f"document #{i}: {e}")
    seqs = [r["sequence"] for r in rows]

    def settled():
        return [store.outbox_row(sequence=s) for s in seqs]

    if not args.no_wait and any(r["state"] == 0 for r in settled()):
        deadline = time.monotonic() + args.timeout
        lock = Lock(cfg.store_path)
        stopper = Stopper()
        if lock.try_acquire():
            client = make_client(cfg, store, args)
            client.connect()
            try:
                while time.monotonic() < deadline and not stopper.stop:
                    client.step(0.05)
                    if all(r["state"] != 0 for r in settled()):
                        break
            finally:
                client.close()
        else:
            # `run` holds the connection: the outbox is the hand-off, it sends the new rows
            while time.monotonic() < deadline and not stopper.stop:
                if all(r["state"] != 0 for r in settled()):
                    break
                time.sleep(0.05)
    for r in settled():
        res = store.result(r)
        if res["outcome"] == "pending" and args.no_wait:
            res["outcome"] = "committed"
        out(res)
    return 0


def cmd_receive(args):
    cfg, store = open_all(args)
    hold_connection(cfg)
    got = [0]

    def applied(row):
        out(row)
        got[0] += 1

    stopper = Stopper()
    client = make_client(cfg, store, args, on_applied=applied)
    client.connect()
    deadline = time.monotonic() + args.timeout
    try:
        while time.monotonic() < deadline and not stopper.stop:
            client.step(0.05)
            if args.count is not None and got[0] >= args.count:
                break
    finally:
        client.close()
    return 0


def cmd_run(args):
    cfg, store = open_all(args)
    hold_connection(cfg)
    stopper = Stopper()
    client = make_client(cfg, store, args, on_applied=out)
    client.connect()
    try:
        while not stopper.stop:
            client.step(0.05)
    finally:
        client.close()
    return 0


def cmd_inbox(args):
    cfg = config_mod.load(args.config)
    store = Store(cfg.store_path, readonly=True) if os.path.exists(cfg.store_path) else None
    if store is None:
        return 0
    for row in store.inbox(after=args.after, limit=args.limit):
        out(row)
    return 0


def cmd_status(args):
    cfg = config_mod.load(args.config)
    if not os.path.exists(cfg.store_path):
        st = Store(cfg.store_path, cfg.synchronous_full)    # creates an empty store
    else:
        st = Store(cfg.store_path, readonly=True)
    s = st.status(cfg.agency)
    s["connected"] = Lock(cfg.store_path).held_by_other()
    out(s)
    return 0


def cmd_selftest(args):
    envelope.self_test()
    out({"ok": True, "knownAnswer": "26e07945e2dbe4f4f598d86a8d5700ad4c54129da97d176468f25bdcfcc2f3be"})
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m xianjie_client",
                                description="Xianjie reference client (docs/protocol.md)")
    p.add_argument("--config", "-c", help="the node configuration file (the shape of deploy/examples/node-*.json)")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("send", help="commit a document to the outbox, send it, print the outcome")
    s.add_argument("file")
    s.add_argument("--no-wait", action="store_true", help="commit only; the running client or the next start sends it")
    s.add_argument("--timeout", type=float, default=10.0)
    s.set_defaults(func=cmd_send)
    r = sub.add_parser("receive", help="take deliveries, apply and ack them, print the new ones")
    r.add_argument("--count", type=int)
    r.add_argument("--timeout", type=float, default=10.0)
    r.set_defaults(func=cmd_receive)
    sub.add_parser("run", help="long-running: send, receive, heartbeat until SIGTERM/SIGINT").set_defaults(func=cmd_run)
    i = sub.add_parser("inbox", help="print stored documents")
    i.add_argument("--after", type=int, default=0)
    i.add_argument("--limit", type=int, default=100000)
    i.set_defaults(func=cmd_inbox)
    sub.add_parser("status", help="outbox/inbox counters").set_defaults(func=cmd_status)
    sub.add_parser("selftest", help="check the signing input against protocol.md §10.2").set_defaults(func=cmd_selftest)
    args = p.parse_args(argv)
    if args.command != "selftest" and not args.config:
        p.error("--config is required")
    try:
        return args.func(args)
    except (Fail, config_mod.ConfigError, KeyError_, StoreError) as e:
        sys.stderr.write(f"xianjie_client: {e}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
