"""The connection to the coordinator (docs/protocol.md §1, §2, §4, §5, §6, §10).

One DEALER socket, CURVE client, ZMQ_ROUTING_ID = the agency id. Single-threaded: call `step()` in a loop.

Sending (§4): documents are committed to the store's outbox first (Store.commit); once welcomed the
client sends every unanswered outbox entry in sequence order with its stored frames (same sequence, same
signature), keeps at most `credits` unanswered, resends them all after `retransmitTimeoutMs` without an
answer (doubling up to 30 s), and settles them on a receipt (state 1) or a rejection with a sequence
(state 2). A rejection without a sequence leaves the entry pending. An unasked welcome means "resend
from lastAcceptedSequence + 1".

Receiving (§5): `{"deliver": n}` — applied and stored with lastDelivery = n in one transaction when
n = last + 1, then acknowledged cumulatively (one ack per batch); n ≤ last is acknowledged with the
last applied; n > last + 1 is ignored (the coordinator redelivers).

Presence (§4.5): a heartbeat every heartbeatIntervalMs; the coordinator's answer carries its epoch, a new
epoch means it restarted: say hello again. A hello unanswered for 2 s is repeated.

Broadcasts (§6): subscriptions are announced in the hello; broadcasts arriving over the DEALER with
`{"topic", "tseq"}` are applied in order; a gap, or a topic head beyond ours, triggers a replayRequest.

Trust (§10.4): every xianjie.bus.* message from `coordinator` must verify with the coordinator's signing
key or it is ignored. Delivered documents are checked against the coordinator's key (its own documents)
or the sender's key from trustedKeysDirectory: verified 1 valid, 0 not checked, -1 invalid.
"""
from __future__ import annotations

import json
import sys
import time
import uuid
from typing import Callable, Optional

import zmq

from . import PROTOCOLS, SOFTWARE_VERSION, envelope
from .keys import load_public, load_secret, load_trusted_directory
from .store import Store

MAX_BACKOFF = 30.0
HELLO_RETRY = 2.0


class Log:
    def __init__(self, agency: str, level: str = "info", stream=sys.stderr):
        self.agency = agency
        self.levels = ["debug", "info", "warning", "error"]
        self.min = self.levels.index(level) if level in self.levels else 1
        self.stream = stream

    def __call__(self, level: str, msg: str, **meta):
        if self.levels.index(level) < self.min:
            return
        kv = " ".join(f"xianjie.{k}={v}" for k, v in meta.items())
        self.stream.write(f"{envelope.now_rfc3339()} {level} xianjie.client: xianjie.agency={self.agency} {kv} {msg}\n")
        self.stream.flush()


class Client:
    def __init__(self, cfg, store: Store, log: Optional[Log] = None,
                 on_applied: Optional[Callable[[dict], None]] = None):
        self.cfg = cfg
        self.store = store
        self.log = log or Log(cfg.agency)
        self.on_applied = on_applied
        self.keys = load_secret(cfg.keys_path, expected_agency=cfg.agency)
        self.coord = load_public(cfg.coordinator_keys_path)
        self.trusted = load_trusted_directory(cfg.trusted_keys_directory)
        self.ctx = zmq.Context.instance()
        self.sock = None
        # protocol state
        self.epoch: Optional[str] = None
        self.welcomed = False
        self.protocol = "xianjie/1"
        self.credits = 1024
        self.hello_sent_at = 0.0
        self.hello_id: Optional[str] = None
        self.last_heartbeat = 0.0
        self.last_heard = 0.0
        self.silent_logged = False
        self.hb = cfg.heartbeat_interval_ms / 1000.0
        self.rto = cfg.retransmit_timeout_ms / 1000.0
        self.backoff = self.rto
        self.in_flight: dict[int, float] = {}       # sequence -> time first sent in this round
        self.last_send_or_answer = 0.0
        self.last_outbox_check = 0.0
        self.known_last_sequence = 0
        self.pending_ack: Optional[int] = None
        self.replay_asked: dict[str, float] = {}

    # -- connection ------------------------------------------------------------------------------
    def connect(self):
        s = self.ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.ROUTING_ID, self.cfg.agency.encode("utf-8"))
        s.setsockopt(zmq.CURVE_SERVERKEY, self.coord.curve_public)
        s.setsockopt(zmq.CURVE_PUBLICKEY, self.keys.curve_public)
        s.setsockopt(zmq.CURVE_SECRETKEY, self.keys.curve_secret)
        s.setsockopt(zmq.LINGER, 500)
        s.setsockopt(zmq.IMMEDIATE, 1)            # do not queue into a connection that is not up
        s.setsockopt(zmq.RECONNECT_IVL, 100)
        s.setsockopt(zmq.RECONNECT_IVL_MAX, 1000)
        s.setsockopt(zmq.HEARTBEAT_IVL, max(100, self.cfg.heartbeat_interval_ms))
        s.setsockopt(zmq.HEARTBEAT_TIMEOUT, max(300, 3 * self.cfg.heartbeat_interval_ms))
        s.setsockopt(zmq.SNDHWM, 100000)
        s.connect(self.cfg.coordinator)
        self.sock = s
        self.known_last_sequence = self.store.counter("lastSequence")
        self.log("info", "client starting", coordinator=self.cfg.coordinator)
        self.send_hello()

    def close(self, goodbye: bool = True):
        if self.sock is None:
            return
        try:
            if self.pending_ack is not None:
                self._send_ack()
            if goodbye and self.welcomed and self.protocol != "xianjie/1":
                self._send_transient("xianjie.bus.goodbye", {"reason": "stopping"})
        finally:
            self.sock.close(linger=500)
            self.sock = None
            self.log("info", "client stopped")

    # -- sending ------------------------------------------------------------------------------
    def _send_frames(self, frames) -> bool:
        try:
            self.sock.send_multipart(list(frames), flags=zmq.NOBLOCK)
            return True
        except zmq.Again:
            return False

    def _send_transient(self, type_: str, data: dict, id_: Optional[str] = None, **hdr) -> Optional[str]:
        header = envelope.build_header(source=self.cfg.agency, type_=type_, id_=id_, **hdr)
        frames = envelope.seal(header, data, self.keys)
        return header["id"] if self._send_frames(frames) else None

    def send_hello(self):
        subs = [{"topic": t, "lastSequence": self.store.topic_last(t)} for t in self.cfg.subscriptions]
        body = {"nodeKind": self.cfg.kind, "softwareVersion": SOFTWARE_VERSION, "protocols": PROTOCOLS,
                "lastDelivery": self.store.last_delivery(), "subscriptions": subs}
        self.hello_id = str(uuid.uuid4())
        sent = self._send_transient("xianjie.bus.hello", body, id_=self.hello_id)
        # not connected yet (ZMQ_IMMEDIATE): try again in 50 ms, else wait HELLO_RETRY for the welcome
        self.hello_sent_at = time.monotonic() - (HELLO_RETRY - 0.05 if sent is None else 0)
        self.welcomed = False

    def _send_heartbeat(self):
        self._send_transient("xianjie.bus.heartbeat", {})
        self.last_heartbeat = time.monotonic()

    def _send_ack(self):
        if self.pending_ack is None:
            return
        self._send_transient("xianjie.bus.ack", {"through": self.pending_ack})
        self.pending_ack = None

    def pump_outbox(self, resend_all: bool = False):
        """Send unanswered outbox entries: new ones (up to credits), or all of them again on a resend."""
        if not self.welcomed:
            return
        rows = self.store.unanswered(limit=self.credits)
        now = time.monotonic()
        if not self.in_flight:
            self.last_send_or_answer = now
        sent = 0
        for r in rows:
            seq = r["sequence"]
            if seq in self.in_flight and not resend_all:
                continue
            if len(self.in_flight) >= self.credits and seq not in self.in_flight:
                break
            if self._send_frames((bytes(r["header"]), bytes(r["data"]), bytes(r["signature"]))):
                if seq not in self.in_flight:
                    self.in_flight[seq] = now
                sent += 1
            else:
                break
        if sent:
            self.log("debug", "sent outbox entries", count=sent)
        self.known_last_sequence = self.store.counter("lastSequence")

    # -- the loop -----------------------------------------------------------------------------
    def step(self, timeout: float = 0.05):
        """Wait up to `timeout` s for messages, handle them, then run the timers."""
        if self.sock.poll(int(timeout * 1000), zmq.POLLIN):
            batch = 0
            while batch < 2000:
                try:
                    frames = self.sock.recv_multipart(flags=zmq.NOBLOCK)
                except zmq.Again:
                    break
                batch += 1
                self._handle(frames)
            self._send_ack()
        self._timers()

    def _timers(self):
        now = time.monotonic()
        if not self.welcomed and now - self.hello_sent_at >= HELLO_RETRY:
            self.send_hello()
        if now - self.last_heartbeat >= self.hb:
            self._send_heartbeat()
        if self.last_heard and now - self.last_heard > 3 * self.hb and not self.silent_logged:
            self.log("warning", "coordinator silent")
            self.silent_logged = True
        if self.welcomed and now - self.last_outbox_check >= 0.1:
            self.last_outbox_check = now
            if self.store.counter("lastSequence") != self.known_last_sequence or \
                    (len(self.in_flight) < self.credits and self._has_unsent()):
                self.pump_outbox()
        if self.welcomed and self.in_flight and now - self.last_send_or_answer >= self.backoff:
            self.log("info", "resending unanswered messages", count=len(self.in_flight), **{"from": min(self.in_flight)})
            self.pump_outbox(resend_all=True)
            self.last_send_or_answer = now
            self.backoff = min(self.backoff * 2, MAX_BACKOFF)

    def _has_unsent(self) -> bool:
        rows = self.store.unanswered(limit=len(self.in_flight) + 1)
        return any(r["sequence"] not in self.in_flight for r in rows)

    def _answered(self):
        self.last_send_or_answer = time.monotonic()
        self.backoff = self.rto

    # -- incoming ------------------------------------------------------------------------------
    def _handle(self, frames):
        self.last_heard = time.monotonic()
        if self.silent_logged:
            self.log("info", "coordinator heard again")
            self.silent_logged = False
        if len(frames) != 4:
            self.log("warning", "ignoring a malformed message from the coordinator", frames=len(frames))
            return
        meta_b, hb, db, sig = frames
        try:
            meta = json.loads(meta_b) if meta_b else {}
            header = json.loads(hb)
        except ValueError:
            self.log("warning", "ignoring a malformed message from the coordinator")
            return
        if "deliver" in meta:
            self._on_delivery(int(meta["deliver"]), header, (hb, db, sig))
            return
        if "topic" in meta and "tseq" in meta:
            self._on_broadcast(meta["topic"], int(meta["tseq"]), header, (hb, db, sig))
            return
        type_ = header.get("type", "")
        if header.get("source") == "coordinator" and type_.startswith("xianjie.bus."):
            if not self.coord.verify(sig, envelope.signing_input(hb, db)):
                self.log("error", "ignoring a control message that is not signed by the coordinator", type=type_)
                return
            try:
                body = json.loads(db)
            except ValueError:
                self.log("warning", "ignoring a malformed message from the coordinator")
                return
            handler = {
                "xianjie.bus.welcome": self._on_welcome,
                "xianjie.bus.heartbeat": self._on_heartbeat,
                "xianjie.bus.receipt": lambda h, b: self._on_receipt(h, b, (hb, db, sig)),
                "xianjie.bus.rejection": self._on_rejection,
            }.get(type_)
            if handler:
                handler(header, body)
            else:
                self.log("debug", "control message", type=type_)
            return
        if type_ == "xianjie.bus.ping":
            # a diagnostic request from another node: answer with a pong (§7)
            self._send_transient("xianjie.bus.pong", {"receivedAt": envelope.now_rfc3339()},
                                 recipients=[header.get("source")], correlationid=header.get("id"))
            return
        self.log("debug", "transient message", type=type_, source=header.get("source"))

    def _on_welcome(self, header, body):
        new_epoch = body.get("epoch")
        changed = new_epoch != self.epoch
        asked = not self.welcomed
        self.epoch = new_epoch
        self.protocol = body.get("protocol") or "xianjie/1"
        self.credits = max(1, int(body.get("credits", 1024)))
        self.store.record_welcome(body, epoch_changed=changed)
        self.welcomed = True
        self.in_flight.clear()
        self._answered()
        unanswered = len(self.store.unanswered())
        self.log("info", "welcomed by the coordinator" if asked else "unasked welcome: resending from lastAcceptedSequence + 1",
                 epoch=new_epoch, protocol=self.protocol, **{"outbox.unanswered": unanswered,
                                                              "lastAcceptedSequence": body.get("lastAcceptedSequence")})
        self.pump_outbox()
        self._check_topic_heads(body.get("topicHeads") or {})

    def _on_heartbeat(self, header, body):
        ep = body.get("epoch")
        if ep is not None and self.epoch is not None and ep != self.epoch:
            self.log("info", "the coordinator's epoch changed: saying hello again", epoch=ep)
            self.send_hello()
            return
        self._check_topic_heads(body.get("topicHeads") or {})

    def _on_receipt(self, header, body, frames):
        for e in body.get("entries", []):
            row = self.store.record_receipt(e, frames)
            if row is None:
                continue
            self.in_flight.pop(e.get("sequence"), None)
            if e.get("hash") and e["hash"] != row["hash"]:
                self.log("error", "the receipt's hash is not the hash of the stored document", sequence=e.get("sequence"))
        self._answered()
        self.pump_outbox()

    def _on_rejection(self, header, body):
        mid = body.get("messageId")
        if body.get("sequence") is not None:
            row = self.store.record_rejection(body)
            if row is not None:
                self.in_flight.pop(body["sequence"], None)
                self._answered()
                self.log("warning", "the coordinator rejected a message", **{"message.id": mid,
                         "rejection": body.get("reason"), "detail": json.dumps(body.get("detail"), ensure_ascii=False)})
                self.pump_outbox()
                return
        # not consumed: sourceMismatch / forbidden (not active); transient refusals (hello, requests)
        self.store.record_refusal(mid, body)
        self.log("warning", "the coordinator refused a message (not consumed)", **{"message.id": mid,
                 "rejection": body.get("reason"), "detail": json.dumps(body.get("detail"), ensure_ascii=False)})
        if mid is not None and mid == self.hello_id and body.get("reason") == "protocolViolation":
            self.log("error", "the coordinator refused the hello", detail=body.get("detail"))

    def _verify_delivered(self, header, frames) -> int:
        hb, db, sig = frames
        src = header.get("source")
        key = self.coord if src == "coordinator" else self.trusted.get(src)
        if key is None:
            return 0
        ok = key.verify(sig, envelope.signing_input(hb, db))
        if not ok:
            self.log("error", "a delivered document's signature does not verify", source=src, id=header.get("id"))
        return 1 if ok else -1

    def _on_delivery(self, n: int, header, frames):
        last = self.store.last_delivery()
        if n <= last:
            self.pending_ack = last           # a redelivery: acknowledge what is applied
            return
        if n > last + 1:
            return                            # a gap: the coordinator redelivers
        verified = self._verify_delivered(header, frames)
        row = self.store.apply_delivery(n, header, frames, verified)
        self.pending_ack = self.store.last_delivery()
        if row is not None and self.on_applied:
            self.on_applied(row)

    def _on_broadcast(self, topic, tseq, header, frames):
        if topic not in self.cfg.subscriptions:
            return
        last = self.store.topic_last(topic)
        if tseq <= last:
            return
        if tseq > last + 1:
            self._ask_replay(topic, last + 1, tseq)
            return
        self.store.apply_broadcast(topic, tseq, header, frames)

    def _check_topic_heads(self, heads: dict):
        for t in self.cfg.subscriptions:
            head = int(heads.get(t, 0) or 0)
            last = self.store.topic_last(t)
            if head > last:
                self._ask_replay(t, last + 1, head)

    def _ask_replay(self, topic, frm, to):
        now = time.monotonic()
        if now - self.replay_asked.get(topic, 0) < 1.0:
            return
        self.replay_asked[topic] = now
        self._send_transient("xianjie.bus.replayRequest", {"topic": topic, "fromSequence": frm, "toSequence": to})
