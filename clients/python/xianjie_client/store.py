"""The client's durable state in one SQLite file (docs/protocol.md §4.1, §5; docs/running-a-node.md §8).

- outbox: every document this client sends, committed with its sequence and its exact frames (header,
  data, signature) before it leaves; state 0 unanswered, 1 accepted, 2 rejected (reason, detail).
- receipt: the coordinator's signed receipt per accepted document (exact frames, and the hash it binds to).
- inbox: every addressed document applied, by delivery number, stored in the same transaction that
  moves `lastDelivery` (exactly-once in effect); unique on (source, id).
- application_log: one row per application (the proof that nothing was applied twice).
- broadcast / topic: broadcasts held per topic and the last tseq.
- counter: lastSequence (outbox), lastDelivery (inbox), lastAcceptedSequence (the coordinator's, from
  the last welcome); state: epoch, protocol, welcomes, last refusal without sequence.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from typing import Optional

from . import catalog, envelope

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    sequence   INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    header     BLOB NOT NULL,
    data       BLOB NOT NULL,
    signature  BLOB NOT NULL,
    hash       TEXT NOT NULL,
    createdAt  REAL NOT NULL,
    state      INTEGER NOT NULL DEFAULT 0,
    settledAt  REAL,
    rejection  TEXT,
    reason     TEXT,
    detail     TEXT,
    lastRefusal TEXT
);
CREATE TABLE IF NOT EXISTS receipt (
    sequence   INTEGER PRIMARY KEY,
    messageId  TEXT NOT NULL,
    hash       TEXT,
    status     TEXT NOT NULL,
    acceptedAt TEXT,
    header     BLOB NOT NULL,
    data       BLOB NOT NULL,
    signature  BLOB NOT NULL,
    receivedAt REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS inbox (
    delivery   INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    source     TEXT NOT NULL,
    sequence   INTEGER,
    type       TEXT NOT NULL,
    subject    TEXT,
    time       TEXT,
    header     BLOB NOT NULL,
    data       BLOB NOT NULL,
    signature  BLOB NOT NULL,
    verified   INTEGER NOT NULL DEFAULT 0,
    receivedAt REAL NOT NULL,
    UNIQUE (source, id)
);
CREATE TABLE IF NOT EXISTS application_log (
    source    TEXT NOT NULL,
    id        TEXT NOT NULL,
    sequence  INTEGER,
    delivery  INTEGER NOT NULL,
    appliedAt REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS broadcast (
    topic      TEXT NOT NULL,
    tseq       INTEGER NOT NULL,
    id         TEXT NOT NULL,
    source     TEXT NOT NULL,
    type       TEXT NOT NULL,
    header     BLOB NOT NULL,
    data       BLOB NOT NULL,
    signature  BLOB NOT NULL,
    receivedAt REAL NOT NULL,
    PRIMARY KEY (topic, tseq)
);
CREATE TABLE IF NOT EXISTS topic (
    name         TEXT PRIMARY KEY,
    lastSequence INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS counter (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
    name  TEXT PRIMARY KEY,
    value TEXT
);
INSERT OR IGNORE INTO counter VALUES ('lastSequence', 0), ('lastDelivery', 0), ('lastAcceptedSequence', 0), ('welcomes', 0);
"""

STATE_NAMES = {0: "pending", 1: "accepted", 2: "rejected"}


class StoreError(Exception):
    pass


class DocumentError(Exception):
    """The document handed to `commit` cannot be sent at all (not a coordinator rejection)."""


class Store:
    def __init__(self, path: str, synchronous_full: bool = True, readonly: bool = False):
        self.path = path
        d = os.path.dirname(os.path.abspath(path))
        if not readonly and not os.path.isdir(d):
            raise StoreError(f"cannot open the client's store at {path}: the directory {d} does not exist")
        try:
            if readonly:
                if not os.path.exists(path):
                    raise StoreError(f"no store at {path} yet (the client has never run with this configuration)")
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=10)
            else:
                self.db = sqlite3.connect(path, isolation_level=None, timeout=10)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=" + ("FULL" if synchronous_full else "NORMAL"))
                self.db.executescript(SCHEMA)
            self.db.execute("PRAGMA busy_timeout=10000")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the client's store at {path}: {e}")
        self.db.row_factory = sqlite3.Row

    def close(self):
        self.db.close()

    # -- helpers -----------------------------------------------------------------------------
    def _begin(self):
        self.db.execute("BEGIN IMMEDIATE")

    def counter(self, name: str) -> int:
        r = self.db.execute("SELECT value FROM counter WHERE name = ?", (name,)).fetchone()
        return int(r[0]) if r else 0

    def _set_counter(self, name: str, value: int):
        self.db.execute("INSERT INTO counter(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                        (name, value))

    def get_state(self, name: str) -> Optional[str]:
        r = self.db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return r[0] if r else None

    def set_state(self, name: str, value: Optional[str]):
        self.db.execute("INSERT INTO state(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                        (name, value))

    # -- outbox (§4) ---------------------------------------------------------------------------
    def commit(self, doc: dict, source: str, keys) -> dict:
        """Commit a document to the outbox with the next sequence, signed once, in one transaction.

        `doc`: {id?, type, recipients? | topic?, subject?, data, correlationid?, causationid?}
        (docs/running-a-node.md §4). The same `id` again returns the stored row and sends nothing new.
        """
        if not isinstance(doc, dict):
            raise DocumentError("the document must be a JSON object")
        type_ = doc.get("type")
        if not isinstance(type_, str) or type_ not in catalog.CATALOG:
            raise DocumentError(f'unknown message type "{type_}"')
        if not catalog.is_document_type(type_) or not catalog.is_durable(type_):
            raise DocumentError(f'"{type_}" is a bus control type; only documents can be sent')
        data = doc.get("data")
        if not isinstance(data, dict):
            raise DocumentError('"data" must be a JSON object')
        id_ = doc.get("id")
        if id_ is not None and (not isinstance(id_, str) or not 1 <= len(id_) <= 128):
            raise DocumentError('"id" must be a string of 1 to 128 characters')
        for k in ("subject", "topic", "correlationid", "causationid"):
            if k in doc and not isinstance(doc[k], str):
                raise DocumentError(f'"{k}" must be a string')
        if "recipients" in doc and (not isinstance(doc["recipients"], list)
                                    or not all(isinstance(r, str) for r in doc["recipients"])):
            raise DocumentError('"recipients" must be an array of agency ids')
        self._begin()
        try:
            if id_ is not None:
                r = self.db.execute("SELECT * FROM outbox WHERE id = ?", (id_,)).fetchone()
                if r is not None:
                    self.db.execute("COMMIT")
                    return dict(r)
            seq = self.counter("lastSequence") + 1
            header = envelope.build_header(
                source=source, type_=type_, id_=id_, recipients=doc.get("recipients"), topic=doc.get("topic"),
                subject=doc.get("subject"), sequence=seq, correlationid=doc.get("correlationid"),
                causationid=doc.get("causationid"))
            hb, db, sig = envelope.seal(header, data, keys)
            self.db.execute(
                "INSERT INTO outbox(sequence, id, type, header, data, signature, hash, createdAt, state) VALUES (?,?,?,?,?,?,?,?,0)",
                (seq, header["id"], type_, hb, db, sig, envelope.message_hash(hb, db), time.time()))
            self._set_counter("lastSequence", seq)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return dict(self.db.execute("SELECT * FROM outbox WHERE sequence = ?", (seq,)).fetchone())

    def outbox_row(self, *, id_: Optional[str] = None, sequence: Optional[int] = None) -> Optional[dict]:
        if id_ is not None:
            r = self.db.execute("SELECT * FROM outbox WHERE id = ?", (id_,)).fetchone()
        else:
            r = self.db.execute("SELECT * FROM outbox WHERE sequence = ?", (sequence,)).fetchone()
        return dict(r) if r else None

    def unanswered(self, limit: int = 100000) -> list:
        return [dict(r) for r in self.db.execute(
            "SELECT sequence, id, header, data, signature FROM outbox WHERE state = 0 ORDER BY sequence LIMIT ?", (limit,))]

    def record_receipt(self, entry: dict, frames: tuple) -> Optional[dict]:
        """A receipt entry for one of ours: state 1, keep the receipt. Returns the row, or None if not ours."""
        seq = entry.get("sequence")
        row = self.outbox_row(sequence=seq)
        if row is None or row["id"] != entry.get("messageId"):
            return None
        hb, db, sig = frames
        self._begin()
        try:
            if row["state"] == 0:
                self.db.execute("UPDATE outbox SET state = 1, settledAt = ?, lastRefusal = NULL WHERE sequence = ?",
                                (time.time(), seq))
            self.db.execute(
                "INSERT OR IGNORE INTO receipt(sequence, messageId, hash, status, acceptedAt, header, data, signature, receivedAt) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (seq, entry.get("messageId"), entry.get("hash"), entry.get("status", "accepted"), entry.get("acceptedAt"),
                 hb, db, sig, time.time()))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return row

    def record_rejection(self, body: dict) -> Optional[dict]:
        """A rejection naming a sequence of ours: state 2 with reason and detail (the sequence is consumed)."""
        seq = body.get("sequence")
        row = self.outbox_row(sequence=seq)
        if row is None:
            return None
        if body.get("messageId") is not None and row["id"] != body.get("messageId"):
            return None
        if row["state"] == 0:
            reason, detail = body.get("reason", ""), body.get("detail", "")
            rule = body.get("rule")
            shown = f"{reason}({rule})" if rule else reason
            self.db.execute(
                "UPDATE outbox SET state = 2, settledAt = ?, reason = ?, detail = ?, rejection = ? WHERE sequence = ?",
                (time.time(), reason, detail, json.dumps(body, ensure_ascii=False, sort_keys=True), seq))
        return row

    def record_refusal(self, message_id: Optional[str], body: dict):
        """A rejection without a sequence: nothing consumed; kept for the operator, the document stays pending."""
        text = f'{body.get("reason")}: {body.get("detail")}'
        self.set_state("lastRefusal", text)
        if message_id:
            self.db.execute("UPDATE outbox SET lastRefusal = ? WHERE id = ? AND state = 0", (text, message_id))

    def record_welcome(self, welcome: dict, epoch_changed: bool):
        las = int(welcome.get("lastAcceptedSequence", 0))
        self._begin()
        try:
            self._set_counter("lastAcceptedSequence", las)
            if self.counter("lastSequence") < las:
                # restored from an old backup: the coordinator consumed sequences we no longer hold (§4.3)
                self._set_counter("lastSequence", las)
            self.set_state("epoch", welcome.get("epoch"))
            self.set_state("protocol", welcome.get("protocol") or "xianjie/1")
            self.set_state("welcomedAt", envelope.now_rfc3339())
            if epoch_changed:
                self._set_counter("welcomes", self.counter("welcomes") + 1)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # -- inbox (§5) ----------------------------------------------------------------------------
    def last_delivery(self) -> int:
        return self.counter("lastDelivery")

    def apply_delivery(self, n: int, header: dict, frames: tuple, verified: int) -> Optional[dict]:
        """Store and apply delivery n, moving lastDelivery to n, in one transaction.

        Returns the stored row (as printed by `inbox`) or None if n is not the next delivery or the
        document (source, id) was applied before under another delivery number (not applied twice)."""
        hb, db, sig = frames
        self._begin()
        try:
            last = self.counter("lastDelivery")
            if n != last + 1:
                self.db.execute("COMMIT")
                return None
            dup = self.db.execute("SELECT delivery FROM inbox WHERE source = ? AND id = ?",
                                  (header.get("source"), header.get("id"))).fetchone()
            now = time.time()
            if dup is None:
                self.db.execute(
                    "INSERT INTO inbox(delivery, id, source, sequence, type, subject, time, header, data, signature, verified, receivedAt) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (n, header.get("id"), header.get("source"), header.get("sequence"), header.get("type"),
                     header.get("subject"), header.get("time"), hb, db, sig, verified, now))
                self.db.execute("INSERT INTO application_log(source, id, sequence, delivery, appliedAt) VALUES (?,?,?,?,?)",
                                (header.get("source"), header.get("id"), header.get("sequence"), n, now))
            self._set_counter("lastDelivery", n)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        if dup is not None:
            return None
        return self.inbox(after=n - 1, limit=1)[0]

    def inbox(self, after: int = 0, limit: int = 1000) -> list:
        out = []
        for r in self.db.execute("SELECT * FROM inbox WHERE delivery > ? ORDER BY delivery LIMIT ?", (after, limit)):
            try:
                data = json.loads(bytes(r["data"]))
            except ValueError:
                data = None
            item = {"deliver": r["delivery"], "id": r["id"], "source": r["source"], "type": r["type"],
                    "sequence": r["sequence"], "time": r["time"], "data": data, "verified": r["verified"],
                    "receivedAt": r["receivedAt"]}
            if r["subject"] is not None:
                item["subject"] = r["subject"]
            out.append(item)
        return out

    # -- broadcasts (§6) ------------------------------------------------------------------------
    def topic_last(self, name: str) -> int:
        r = self.db.execute("SELECT lastSequence FROM topic WHERE name = ?", (name,)).fetchone()
        return int(r[0]) if r else 0

    def apply_broadcast(self, topic: str, tseq: int, header: dict, frames: tuple) -> bool:
        hb, db, sig = frames
        self._begin()
        try:
            last = self.topic_last(topic)
            if tseq != last + 1:
                self.db.execute("COMMIT")
                return False
            self.db.execute(
                "INSERT OR IGNORE INTO broadcast(topic, tseq, id, source, type, header, data, signature, receivedAt) VALUES (?,?,?,?,?,?,?,?,?)",
                (topic, tseq, header.get("id"), header.get("source"), header.get("type"), hb, db, sig, time.time()))
            self.db.execute("INSERT INTO topic(name, lastSequence) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET lastSequence = excluded.lastSequence",
                            (topic, tseq))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

    # -- reports ---------------------------------------------------------------------------------
    def status(self, agency: str) -> dict:
        q = lambda sql, *a: self.db.execute(sql, a).fetchone()[0]  # noqa: E731
        return {
            "agency": agency,
            "outboxLastSequence": self.counter("lastSequence"),
            "outboxUnanswered": q("SELECT count(*) FROM outbox WHERE state = 0"),
            "outboxAccepted": q("SELECT count(*) FROM outbox WHERE state = 1"),
            "outboxRejected": q("SELECT count(*) FROM outbox WHERE state = 2"),
            "inboxCount": q("SELECT count(*) FROM inbox"),
            "lastDelivery": self.counter("lastDelivery"),
            "lastAcceptedSequence": self.counter("lastAcceptedSequence"),
            "applications": q("SELECT count(*) FROM application_log"),
            "appliedTwice": q("SELECT count(*) FROM (SELECT 1 FROM application_log GROUP BY source, id HAVING count(*) > 1)"),
            "receipts": q("SELECT count(*) FROM receipt"),
            "broadcasts": q("SELECT count(*) FROM broadcast"),
            "epoch": self.get_state("epoch"),
            "protocol": self.get_state("protocol"),
            "welcomes": self.counter("welcomes"),
            "lastRefusal": self.get_state("lastRefusal"),
        }

    def result(self, row: dict) -> dict:
        """The driver-interface answer for one outbox row: {id, outcome, sequence, reason?, detail?}."""
        out = {"id": row["id"], "sequence": row["sequence"], "outcome": STATE_NAMES[row["state"]]}
        if row["state"] == 2:
            out["reason"] = row["reason"]
            out["detail"] = row["detail"]
            try:
                rule = json.loads(row["rejection"]).get("rule")
                if rule:
                    out["rule"] = rule
            except (TypeError, ValueError):
                pass
        elif row["state"] == 0 and row.get("lastRefusal"):
            out["detail"] = row["lastRefusal"]
        return out
