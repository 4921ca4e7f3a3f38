#!/usr/bin/env python3
"""Xianjie client conformance suite.

Starts a real xianjie-coordinator and a real Swift peer (xianjie-node as hutubi.procuratorate), registers
the client under test as an agency of a new kind (default `audit`), and drives the client through the
driver interface of conformance/README.md (`send`, `receive`, `run`, `inbox`, `status`, each with
`--config NODE.json`). Every case prints PASS or FAIL with a reason; the exit status is 1 if any failed.

    python3 conformance/run.py --bin-dir .build/debug --client "python3 -m xianjie_client" --client-cwd clients/python

Only the standard library and pyzmq are needed (pyzmq to talk to the peer's control socket).
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BUILTIN_KINDS = {"congress", "procuratorate", "agency", "station", "coordinator", "operator", "federation"}
PEER = "hutubi.procuratorate"
OPERATOR = "operator.conformance"
REGION = "呼图壁县"


class CaseFailed(Exception):
    pass


def check(cond, reason):
    if not cond:
        raise CaseFailed(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(pred, timeout, interval=0.1):
    """Poll pred() until it returns a truthy value or the time is up; returns the last value."""
    deadline = time.monotonic() + timeout
    while True:
        v = pred()
        if v or time.monotonic() >= deadline:
            return v
        time.sleep(interval)


class Processes:
    """Every process the suite starts, each in its own session; all are stopped on exit, even on failure."""

    def __init__(self):
        self.procs = []
        atexit.register(self.stop_all)

    def start(self, argv, log_path, cwd=None, env=None, stdout=None):
        log = open(log_path, "ab")
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout if stdout is not None else log, stderr=log,
                             start_new_session=True)
        p._log = log  # noqa: SLF001
        self.procs.append(p)
        return p

    @staticmethod
    def send_signal(p, sig):
        try:
            os.killpg(p.pid, sig)       # the process group of a process we started (start_new_session)
        except ProcessLookupError:
            pass

    def stop(self, p, timeout=5.0, sig=signal.SIGTERM):
        if p.poll() is None:
            self.send_signal(p, sig)
            try:
                p.wait(timeout)
            except subprocess.TimeoutExpired:
                self.send_signal(p, signal.SIGKILL)
                p.wait(5)
        return p.returncode

    def kill(self, p):
        self.send_signal(p, signal.SIGKILL)
        p.wait(5)

    def stop_all(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                self.send_signal(p, signal.SIGTERM)
        deadline = time.monotonic() + 3
        for p in self.procs:
            try:
                p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.send_signal(p, signal.SIGKILL)
                try:
                    p.wait(2)
                except subprocess.TimeoutExpired:
                    pass


class Suite:
    def __init__(self, args):
        self.a = args
        self.bin = os.path.abspath(args.bin_dir)
        self.xianjie = os.path.join(self.bin, "xianjie")
        self.kind = args.kind
        self.agency = args.agency or f"hutubi.{args.kind}"
        self.client_argv = shlex.split(args.client)
        self.client_cwd = os.path.abspath(args.client_cwd) if args.client_cwd else None
        if args.workdir:
            self.dir = os.path.abspath(args.workdir)
            if os.path.exists(self.dir):
                shutil.rmtree(self.dir)
            os.makedirs(self.dir)
        else:
            self.dir = tempfile.mkdtemp(prefix="xjconf-")   # short: ipc:// paths must stay under ~100 bytes
        self.procs = Processes()
        self.coordinator = None
        self.peer = None
        self.results = []
        self.counter = 0
        self.peer_sock = None

    # -- helpers ---------------------------------------------------------------------------------
    def path(self, *p):
        return os.path.join(self.dir, *p)

    def log(self, msg):
        if self.a.verbose:
            print(f"  . {msg}", flush=True)

    def run_cli(self, argv, timeout=30, check_rc=True):
        r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        if check_rc and r.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited with {r.returncode}: {r.stderr.strip() or r.stdout.strip()}")
        return r

    def client_cmd(self, *args):
        return self.client_argv + ["--config", self.path("client.json")] + list(args)

    def client(self, *args, timeout=40):
        """Run one client command to completion; returns (returncode, [JSON lines], stderr)."""
        r = subprocess.run(self.client_cmd(*args), cwd=self.client_cwd, capture_output=True, text=True,
                           timeout=timeout, start_new_session=True)
        with open(self.path("client.log"), "a") as f:
            f.write(f"$ {' '.join(args)} -> {r.returncode}\n{r.stderr}")
        lines = []
        for line in r.stdout.splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                lines.append(json.loads(line))
            except ValueError:
                raise CaseFailed(f"`{' '.join(args[:1])}` printed a line that is not JSON: {line[:200]!r}")
        return r.returncode, lines, r.stderr

    def client_bg(self, *args):
        return self.procs.start(self.client_cmd(*args), self.path("client.log"), cwd=self.client_cwd,
                                stdout=subprocess.PIPE)

    def client_status(self):
        rc, lines, err = self.client("status", timeout=15)
        check(rc == 0 and len(lines) == 1 and isinstance(lines[0], dict),
              f"`status` must print one JSON object and exit 0 (exit {rc}, {len(lines)} lines, stderr {err.strip()[-200:]!r})")
        return lines[0]

    def client_inbox(self):
        rc, lines, err = self.client("inbox", timeout=15)
        check(rc == 0, f"`inbox` exited with {rc}: {err.strip()[-300:]}")
        return lines

    def new_id(self, tag):
        self.counter += 1
        return f"conf-{tag}-{self.counter}-{uuid.uuid4().hex[:8]}"

    def clue(self, id_, recipients, **extra):
        data = {"clueId": id_[:60], "channel": "phone", "receivedAt": "2024-12-02T03:30:00Z",
                "place": "呼图壁县", "description": "审计发现专项资金被挪用。", "domain": "stateProperty",
                "confidential": False}
        data.update(extra)
        return {"id": id_, "type": "xianjie.clue", "recipients": recipients, "subject": id_[:60], "data": data}

    def write_doc(self, doc):
        p = self.path("docs", doc["id"] + ".json")
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            json.dump(doc, f, ensure_ascii=False)
        return p

    def client_send(self, doc, *extra, timeout=40):
        rc, lines, err = self.client("send", self.write_doc(doc), *extra, timeout=timeout)
        check(rc == 0, f"`send` exited with {rc}: {err.strip()[-300:]}")
        check(len(lines) == 1, f"`send` must print one JSON line, printed {len(lines)}")
        res = lines[0]
        check(res.get("id") == doc["id"], f"`send` printed id {res.get('id')!r}, expected {doc['id']!r}")
        return res

    # -- the peer (xianjie-node's control socket, docs/running-a-node.md §4) --------------------
    def peer_request(self, req, timeout=20.0):
        import zmq
        if self.peer_sock is None:
            self.peer_sock = zmq.Context.instance().socket(zmq.DEALER)
            self.peer_sock.setsockopt(zmq.LINGER, 0)
            self.peer_sock.connect(self.peer_endpoint)
        self.peer_sock.send(json.dumps(req, ensure_ascii=False).encode())
        if not self.peer_sock.poll(int(timeout * 1000)):
            self.peer_sock.close()
            self.peer_sock = None
            raise CaseFailed(f"the peer node did not answer {req.get('op')} within {timeout} s")
        return json.loads(self.peer_sock.recv())

    def peer_send(self, docs, wait=True):
        r = self.peer_request({"op": "send", "wait": wait, "timeoutMs": 10000, "documents": docs})
        check(r.get("ok"), f"the peer refused the request: {r.get('error')}")
        bad = [x for x in r["results"] if x.get("outcome") != ("accepted" if wait else "committed")]
        check(not bad, f"the peer's documents were not accepted: {bad[:2]}")
        return r["results"]

    def peer_inbox(self):
        out, after = [], 0
        while True:
            r = self.peer_request({"op": "inbox", "after": after, "limit": 1000})
            check(r.get("ok"), f"the peer's inbox failed: {r.get('error')}")
            out += r["received"]
            if len(r["received"]) < 1000:
                return out
            after = r["received"][-1]["position"]

    def peer_has(self, ids):
        got = [x for x in self.peer_inbox() if x.get("source") == self.agency and x.get("id") in ids]
        return got if len(got) >= len(ids) else None

    # -- the bus ---------------------------------------------------------------------------------
    def coordinator_status(self):
        r = self.run_cli([self.xianjie, "status", "--coordinator", self.router, "--json", "--timeout", "3",
                          "--keys", self.path("keys", f"{OPERATOR}.keys.json"),
                          "--coordinator-keys", self.path("keys", "coordinator.public.json")], check_rc=False)
        if r.returncode != 0:
            return None
        try:
            return json.loads(r.stdout)
        except ValueError:
            return None

    def node_entry(self, st):
        for n in (st or {}).get("nodes", []):
            if n.get("agency") == self.agency:
                return n
        return None

    def setup(self):
        os.makedirs(self.path("keys"), exist_ok=True)
        os.makedirs(self.path("trusted"), exist_ok=True)
        for ident in ("coordinator", self.agency, PEER, OPERATOR):
            self.run_cli([self.xianjie, "keygen", "--agency", ident, "--dir", self.path("keys")])
        for ident in (self.agency, PEER):
            shutil.copy(self.path("keys", f"{ident}.public.json"), self.path("trusted"))
        self.port_router, self.port_publish = free_port(), free_port()
        while self.port_publish == self.port_router:
            self.port_publish = free_port()
        self.router = f"tcp://127.0.0.1:{self.port_router}"
        self.publish = f"tcp://127.0.0.1:{self.port_publish}"

        # the access policy: the sample county's, plus the kind under test (docs/adding-an-agency.md §3.1)
        with open(os.path.join(REPO, "deploy", "policy.json")) as f:
            policy = json.load(f)
        if self.kind not in BUILTIN_KINDS:
            policy.setdefault("kinds", {})[self.kind] = "the client under test (conformance suite)"
        policy["rules"] += [
            {"types": ["xianjie.clue"], "senders": {"kinds": [self.kind]}, "recipients": {"kinds": ["procuratorate"]},
             "note": "conformance: the client under test sends clues to the procuratorate"},
            {"types": ["xianjie.clue"], "senders": {"kinds": ["procuratorate"]}, "recipients": {"kinds": [self.kind]},
             "note": "conformance: the procuratorate passes clues to the client under test"},
        ]
        with open(self.path("policy.json"), "w") as f:
            json.dump(policy, f, ensure_ascii=False, indent=1)

        with open(os.path.join(REPO, "deploy", "examples", "coordinator.json")) as f:
            coord = json.load(f)
        coord.update({
            "routerEndpoint": self.router, "publishEndpoint": self.publish,
            "storePath": self.path("coordinator.sqlite"), "keysPath": self.path("keys", "coordinator.keys.json"),
            "policyPath": self.path("policy.json"), "region": REGION, "synchronousFull": False,
        })
        coord.pop("console", None)          # console off
        with open(self.path("coordinator.json"), "w") as f:
            json.dump(coord, f, ensure_ascii=False, indent=1)

        for ident, kind, name in ((self.agency, self.kind, "被测客户端"), (PEER, "procuratorate", "呼图壁县人民检察院"),
                                  (OPERATOR, "operator", "一致性测试")):
            r = self.run_cli([self.xianjie, "agency", "add", "--config", self.path("coordinator.json"),
                              "--public-keys", self.path("keys", f"{ident}.public.json"), "--kind", kind,
                              "--region", REGION, "--name", name], check_rc=False)
            if r.returncode != 0:
                raise RuntimeError(f"cannot register {ident} as kind {kind}: {r.stderr.strip() or r.stdout.strip()}"
                                   + (" (try --kind agency until the registry accepts new kinds)" if kind == self.kind else ""))

        self.peer_endpoint = "ipc://" + self.path("peer.sock")
        peer_cfg = {
            "agency": PEER, "kind": "procuratorate", "coordinator": self.router, "coordinatorPublish": self.publish,
            "storePath": self.path("peer.sqlite"), "synchronousFull": False, "subscriptions": ["notices"],
            "controlEndpoint": self.peer_endpoint, "keysPath": self.path("keys", f"{PEER}.keys.json"),
            "coordinatorKeysPath": self.path("keys", "coordinator.public.json"),
            "trustedKeysDirectory": self.path("trusted"), "heartbeatIntervalMs": 500, "retransmitTimeoutMs": 1000,
        }
        with open(self.path("peer.json"), "w") as f:
            json.dump(peer_cfg, f, indent=1)
        client_cfg = {
            "agency": self.agency, "kind": self.kind, "coordinator": self.router, "coordinatorPublish": self.publish,
            "storePath": self.path("client", "client.sqlite"), "synchronousFull": True, "subscriptions": [],
            "keysPath": self.path("keys", f"{self.agency}.keys.json"),
            "coordinatorKeysPath": self.path("keys", "coordinator.public.json"),
            "trustedKeysDirectory": self.path("trusted"), "heartbeatIntervalMs": 500, "retransmitTimeoutMs": 1000,
        }
        os.makedirs(self.path("client"), exist_ok=True)
        with open(self.path("client.json"), "w") as f:
            json.dump(client_cfg, f, indent=1)

        self.start_coordinator()
        self.peer = self.procs.start([os.path.join(self.bin, "xianjie-node"), "--config", self.path("peer.json")],
                                     self.path("peer.log"))
        ok = wait_for(lambda: "welcomed by the coordinator" in open(self.path("peer.log"), errors="replace").read(), 15)
        if not ok:
            raise RuntimeError(f"the peer node was not welcomed; see {self.path('peer.log')}")

    def start_coordinator(self):
        log = self.path("coordinator.log")
        start = os.path.getsize(log) if os.path.exists(log) else 0
        self.coordinator = self.procs.start([os.path.join(self.bin, "xianjie-coordinator"), "--config",
                                             self.path("coordinator.json")], log)

        def listening():
            with open(log, errors="replace") as f:
                f.seek(start)
                text = f.read()
            for line in text.splitlines():
                if "coordinator listening" in line and "xianjie.epoch=" in line:
                    return line.split("xianjie.epoch=")[1].split()[0]
            if self.coordinator.poll() is not None:
                raise RuntimeError(f"the coordinator exited with {self.coordinator.returncode}: {text.strip()[-500:]}")
            return None
        epoch = wait_for(listening, 15)
        if not epoch:
            raise RuntimeError(f"the coordinator did not start; see {log}")
        wait_for(lambda: "start-up check passed" in open(log, errors="replace").read()[start:], 5)
        self.coordinator_epoch = epoch
        return epoch

    # -- the cases ------------------------------------------------------------------------------
    def case_connects_and_is_present(self):
        """`run` connects (CURVE, hello) and `xianjie status` shows the agency present, with its kind."""
        run = self.client_bg("run")
        try:
            st = wait_for(lambda: (lambda n: n if n and n.get("present") else None)(self.node_entry(self.coordinator_status())), 10, 0.3)
            check(st, f"{self.agency} is not shown present by `xianjie status` within 10 s"
                      f" (status: {self.node_entry(self.coordinator_status())})")
            check(st.get("kind") == self.kind, f"`xianjie status` shows kind {st.get('kind')!r}, expected {self.kind!r}")
            check(run.poll() is None, f"`run` exited early with {run.returncode}")
        finally:
            rc = self.procs.stop(run)
        check(rc == 0, f"`run` must exit 0 on SIGTERM, exited {rc}")
        return f"present, kind {st.get('kind')}, protocol {st.get('protocol')}, version {st.get('softwareVersion')}"

    def case_valid_document_accepted(self):
        """A valid clue is accepted; the peer receives it once, with a signature it verifies; resubmitting
        the same id answers the stored outcome and sends nothing new."""
        doc = self.clue(self.new_id("valid"), [PEER])
        res = self.client_send(doc, "--timeout", "15")
        check(res.get("outcome") == "accepted", f"outcome {res.get('outcome')!r} ({res.get('reason')}: {res.get('detail')})")
        check(isinstance(res.get("sequence"), int) and res["sequence"] >= 1, f"sequence {res.get('sequence')!r}")
        got = wait_for(lambda: self.peer_has({doc["id"]}), 10)
        check(got, "the peer did not receive the accepted document within 10 s")
        check(len(got) == 1, f"the peer received it {len(got)} times")
        check(got[0].get("data") == doc["data"], "the peer's copy of the data differs from what was sent")
        if "verified" in got[0]:
            check(got[0]["verified"] == 1, f"the peer's own signature check says verified={got[0]['verified']}")
        res2 = self.client_send(doc, "--timeout", "15")
        check(res2.get("outcome") == "accepted" and res2.get("sequence") == res["sequence"],
              f"resubmitting the same id must answer accepted with sequence {res['sequence']}: {res2}")
        time.sleep(0.5)
        got = self.peer_has({doc["id"]})
        check(got and len(got) == 1, f"after the resubmission the peer holds it {len(got or [])} times")
        self.valid_id = doc["id"]
        return f"accepted as sequence {res['sequence']}, received once by the peer (verified={got[0].get('verified')})"

    def case_schema_violation_rejected(self):
        doc = self.clue(self.new_id("schema"), [PEER], titel="misspelt field")
        res = self.client_send(doc, "--timeout", "15")
        check(res.get("outcome") == "rejected", f"outcome {res.get('outcome')!r}, expected rejected")
        check(res.get("reason") == "schemaViolation", f"reason {res.get('reason')!r}, expected schemaViolation")
        check(isinstance(res.get("sequence"), int), "a rejected document keeps its sequence (it is consumed)")
        time.sleep(0.3)
        check(not self.peer_has({doc["id"]}), "the peer received a rejected document")
        return f"rejected schemaViolation: {res.get('detail')}"

    def case_forbidden_rejected(self):
        doc = {"id": self.new_id("forbidden"), "type": "xianjie.caseProgress", "recipients": [PEER],
               "subject": "conf-case-1", "data": {"caseId": "conf-case-1", "step": "investigationStarted",
                                                   "at": "2024-12-02T03:30:00Z"}}
        res = self.client_send(doc, "--timeout", "15")
        check(res.get("outcome") == "rejected", f"outcome {res.get('outcome')!r}, expected rejected")
        check(res.get("reason") == "forbidden", f"reason {res.get('reason')!r}, expected forbidden ({res.get('detail')})")
        return f"rejected forbidden: {res.get('detail')}"

    def case_unknown_recipient_rejected(self):
        doc = self.clue(self.new_id("unknownrcpt"), ["hutubi.nobody"])
        res = self.client_send(doc, "--timeout", "15")
        check(res.get("outcome") == "rejected" and res.get("reason") == "unknownRecipient",
              f"expected rejected unknownRecipient, got {res}")
        return f"rejected unknownRecipient: {res.get('detail')}"

    def _peer_ids_in_inbox(self, ids):
        rows = [x for x in self.client_inbox() if x.get("source") == PEER and x.get("id") in ids]
        return rows

    def _check_once_in_order(self, ids, rows, what):
        seen = [r["id"] for r in rows]
        dups = sorted({i for i in seen if seen.count(i) > 1})
        check(not dups, f"{what}: applied more than once: {dups[:3]}")
        missing = [i for i in ids if i not in seen]
        check(not missing, f"{what}: {len(missing)} of {len(ids)} missing, e.g. {missing[:2]}")
        by_deliver = [r["id"] for r in sorted(rows, key=lambda r: r["deliver"])]
        check(by_deliver == ids, f"{what}: not in the order sent (delivery order {by_deliver[:5]}…)")

    def _check_inbox_contiguous(self):
        rows = self.client_inbox()
        dels = [r.get("deliver") for r in rows]
        check(all(isinstance(d, int) for d in dels), "every `inbox` line needs an integer `deliver`")
        check(dels == list(range(dels[0], dels[0] + len(dels))) if dels else True,
              f"`inbox` delivery numbers have gaps or repeats: {dels[:10]}…")
        keys = [(r.get("source"), r.get("id")) for r in rows]
        check(len(keys) == len(set(keys)), "the inbox holds a document twice")

    def case_offline_documents_received_in_order(self):
        """Documents the peer sends while the client is offline all arrive, in order, once."""
        ids = [self.new_id("offline") for _ in range(8)]
        self.peer_send([self.clue(i, [self.agency]) for i in ids])
        printed = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            rc, lines, err = self.client("receive", "--count", str(len(ids)), "--timeout", "6")
            check(rc == 0, f"`receive` exited with {rc}: {err.strip()[-300:]}")
            printed += [ln for ln in lines if ln.get("id") in ids]
            if len({ln["id"] for ln in printed}) >= len(ids):
                break
        pids = [ln["id"] for ln in printed]
        check(len(pids) == len(set(pids)), f"`receive` printed a document twice: {pids}")
        for ln in printed:
            for k in ("deliver", "id", "type", "source", "data"):
                check(k in ln, f"a `receive` line lacks {k!r}: {ln}")
        self._check_once_in_order(ids, self._peer_ids_in_inbox(set(ids)), "inbox")
        self._check_inbox_contiguous()
        return f"{len(ids)} documents received once, in order; printed {len(printed)}"

    def case_sigkill_mid_receive(self):
        """SIGKILL the client after its first applied document; after a restart nothing is lost or doubled."""
        n = 40
        ids = [self.new_id("kill") for _ in range(n)]
        self.peer_send([self.clue(i, [self.agency]) for i in ids])
        p = self.client_bg("receive", "--count", str(n), "--timeout", "20")
        first = p.stdout.readline()       # the first newly applied document
        self.procs.kill(p)
        rest = p.stdout.read()
        p.stdout.close()
        check(first.strip(), "`receive` printed nothing before it was killed")
        before = len(self._peer_ids_in_inbox(set(ids)))
        deadline = time.monotonic() + 25
        while time.monotonic() < deadline:
            have = len(self._peer_ids_in_inbox(set(ids)))
            rc, lines, err = self.client("receive", "--count", str(max(1, n - have)), "--timeout", "5")
            check(rc == 0, f"`receive` after the kill exited with {rc}: {err.strip()[-300:]}")
            if len(self._peer_ids_in_inbox(set(ids))) >= n:
                break
        self._check_once_in_order(ids, self._peer_ids_in_inbox(set(ids)), "after SIGKILL and restart")
        self._check_inbox_contiguous()
        st = self.client_status()
        if "appliedTwice" in st:
            check(st["appliedTwice"] == 0, f"status reports appliedTwice={st['appliedTwice']}")
        return f"killed with {before}/{n} applied ({len(rest.splitlines()) + 1} lines printed); all {n} once, in order after restart"

    def case_no_wait_then_kill(self):
        """Documents committed with --no-wait, then the running client SIGKILLed: sent on the next start and
        accepted exactly once."""
        run = self.client_bg("run")
        time.sleep(0.5)
        docs = [self.clue(self.new_id("nowait"), [PEER]) for _ in range(3)]
        for d in docs:
            res = self.client_send(d, "--no-wait", timeout=15)
            check(res.get("outcome") in ("committed", "accepted"),
                  f"--no-wait must answer committed (or accepted), got {res}")
        self.procs.kill(run)
        # and one committed while nothing runs
        idle = self.clue(self.new_id("nowait-idle"), [PEER])
        res = self.client_send(idle, "--no-wait", timeout=15)
        check(res.get("outcome") == "committed", f"--no-wait with the client stopped must answer committed: {res}")
        docs.append(idle)
        ids = [d["id"] for d in docs]
        run = self.client_bg("run")
        try:
            got = wait_for(lambda: self.peer_has(set(ids)), 15, 0.3)
            check(got, f"the peer did not receive all {len(ids)} committed documents within 15 s "
                       f"(got {len(self.peer_has(set(ids)) or [])})")
            st = wait_for(lambda: (lambda s: s if s.get("outboxUnanswered", 0) == 0 else None)(self.client_status()), 10, 0.3)
        finally:
            rc = self.procs.stop(run)
        check(rc == 0, f"`run` must exit 0 on SIGTERM, exited {rc}")
        got = self.peer_has(set(ids))
        seen = [g["id"] for g in got]
        check(sorted(seen) == sorted(ids), f"the peer received some twice: {seen}")
        by_pos = [g["id"] for g in sorted(got, key=lambda g: g["position"])]
        check(by_pos == ids, f"the peer received them out of order: {by_pos}")
        for d in docs:
            res = self.client_send(d, "--timeout", "10")
            check(res.get("outcome") == "accepted", f"{d['id']} should now be accepted: {res}")
        check(st, "the client still has unanswered outbox entries (status outboxUnanswered)")
        return f"{len(ids)} committed documents accepted once each, in order"

    def case_coordinator_restart(self):
        """SIGTERM the coordinator under a running client, start it again: the client says hello to the new
        epoch and keeps sending and receiving; a document committed during the outage goes out after it."""
        run = self.client_bg("run")
        try:
            check(wait_for(lambda: (self.node_entry(self.coordinator_status()) or {}).get("present"), 10, 0.3),
                  "the running client is not present before the restart")
            a = self.clue(self.new_id("before-restart"), [PEER])
            res = self.client_send(a, "--timeout", "15")
            check(res.get("outcome") == "accepted", f"before the restart: {res}")
            old_epoch = self.coordinator_epoch
            rc = self.procs.stop(self.coordinator)
            check(rc == 0, f"the coordinator exited with {rc} on SIGTERM")
            during = self.clue(self.new_id("during-outage"), [PEER])
            res = self.client_send(during, "--no-wait", timeout=15)
            check(res.get("outcome") in ("committed", "pending"), f"during the outage: {res}")
            time.sleep(1.0)
            new_epoch = self.start_coordinator()
            check(new_epoch != old_epoch, "the coordinator's epoch did not change")

            def said_hello():
                # `protocol` in the status report is "the bus protocol agreed at the node's last hello":
                # a restarted coordinator knows it only once the client said hello to the new epoch
                n = self.node_entry(self.coordinator_status())
                return n if n and n.get("present") and n.get("protocol") else None
            n = wait_for(said_hello, 15, 0.3)
            check(n, "the client did not say hello to the restarted coordinator within 15 s (`xianjie status`"
                     f" shows no agreed protocol for it: {self.node_entry(self.coordinator_status())})")
            check(run.poll() is None, f"`run` exited during the restart with {run.returncode}")
            b = self.clue(self.new_id("after-restart"), [PEER])
            res = self.client_send(b, "--timeout", "20")
            check(res.get("outcome") == "accepted", f"after the restart: {res}")
            ids = [a["id"], during["id"], b["id"]]
            got = wait_for(lambda: self.peer_has(set(ids)), 15, 0.3)
            check(got, "the peer did not receive the documents sent around the restart")
            seen = [g["id"] for g in got]
            check(sorted(seen) == sorted(ids), f"the peer received some twice: {seen}")
            # and the other way: the peer sends to the running client after the restart
            z = self.new_id("to-client-after-restart")
            self.peer_send([self.clue(z, [self.agency])])
            check(wait_for(lambda: self._peer_ids_in_inbox({z}), 15, 0.3),
                  "the running client did not receive a document after the restart")
            st = self.client_status()
            if st.get("epoch") is not None:
                check(st["epoch"] == new_epoch, f"the client's status shows epoch {st['epoch']}, the coordinator's is {new_epoch}")
        finally:
            rc = self.procs.stop(run)
        check(rc == 0, f"`run` must exit 0 on SIGTERM, exited {rc}")
        return f"hello to the new epoch {new_epoch[:8]}, documents before/during/after the outage accepted once"

    def case_delivery_receipts(self):
        """The coordinator's delivery receipts for the client's documents reach its inbox (protocol.md §10.5)."""
        want = getattr(self, "valid_id", None)
        check(want, "needs valid_document_accepted to have passed")

        def found():
            self.client("receive", "--timeout", "2")
            for r in self.client_inbox():
                if r.get("source") == "coordinator" and r.get("type") == "xianjie.bus.deliveryReceipt":
                    for e in (r.get("data") or {}).get("entries", []):
                        if e.get("messageId") == want and e.get("recipient") == PEER:
                            return e
            return None
        e = wait_for(found, 10, 0.2)
        check(e, f"no delivery receipt for {want} to {PEER} in the client's inbox")
        return f"delivery receipt: {want} applied by {PEER} at {e.get('deliveredAt')}"

    def case_status_interface(self):
        st = self.client_status()
        missing = [k for k in ("outboxUnanswered", "lastDelivery") if k not in st]
        check(not missing, f"`status` lacks {missing}")
        check(st["outboxUnanswered"] == 0, f"outboxUnanswered is {st['outboxUnanswered']} at the end")
        return ", ".join(f"{k}={st[k]}" for k in sorted(st) if k in (
            "outboxLastSequence", "outboxUnanswered", "outboxRejected", "inboxCount", "lastDelivery",
            "lastAcceptedSequence"))

    CASES = [
        "connects_and_is_present",
        "valid_document_accepted",
        "schema_violation_rejected",
        "forbidden_rejected",
        "unknown_recipient_rejected",
        "offline_documents_received_in_order",
        "sigkill_mid_receive",
        "no_wait_then_kill",
        "coordinator_restart",
        "delivery_receipts",
        "status_interface",
    ]

    def run(self):
        t0 = time.monotonic()
        print(f"workdir {self.dir}", flush=True)
        try:
            self.setup()
        except Exception as e:  # noqa: BLE001
            print(f"SETUP FAILED: {e}", flush=True)
            if self.a.verbose:
                traceback.print_exc()
            return 2
        print(f"coordinator {self.router} (epoch {self.coordinator_epoch[:8]}), peer {PEER}, "
              f"client {self.agency} (kind {self.kind}) via: {' '.join(self.client_argv)}", flush=True)
        selected = self.a.cases.split(",") if self.a.cases else self.CASES
        for name in selected:
            fn = getattr(self, "case_" + name, None)
            if fn is None:
                print(f"FAIL {name}: no such case", flush=True)
                self.results.append((name, False))
                continue
            t = time.monotonic()
            try:
                detail = fn()
                ok = True
            except CaseFailed as e:
                ok, detail = False, str(e)
            except subprocess.TimeoutExpired as e:
                ok, detail = False, f"a command did not finish in time: {e}"
            except Exception as e:  # noqa: BLE001
                ok, detail = False, f"{type(e).__name__}: {e}"
                if self.a.verbose:
                    traceback.print_exc()
            self.results.append((name, ok))
            print(f"{'PASS' if ok else 'FAIL'} {name} ({time.monotonic() - t:.1f}s): {detail}", flush=True)
            if self.coordinator.poll() is not None:
                try:
                    self.start_coordinator()
                except Exception as e:  # noqa: BLE001
                    print(f"cannot restart the coordinator: {e}")
                    break
        failed = [n for n, ok in self.results if not ok]
        print(f"{len(self.results) - len(failed)} passed, {len(failed)} failed in {time.monotonic() - t0:.1f}s"
              + (f": {', '.join(failed)}" if failed else ""), flush=True)
        return 1 if failed else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin-dir", default=os.path.join(REPO, ".build", "debug"),
                   help="where xianjie, xianjie-coordinator and xianjie-node are (default: .build/debug)")
    p.add_argument("--client", required=True, help='the client command, e.g. "python3 -m xianjie_client"; '
                   "the suite appends --config FILE <command> [options]")
    p.add_argument("--client-cwd", help="working directory for the client command")
    p.add_argument("--workdir", help="directory for keys, configurations, stores and logs (emptied first; default: a new temp dir)")
    p.add_argument("--kind", default="audit", help="the agency kind to register the client under (default: audit)")
    p.add_argument("--agency", help="the client's agency id (default: hutubi.<kind>)")
    p.add_argument("--cases", help="comma-separated subset of: " + ", ".join(Suite.CASES))
    p.add_argument("--keep", action="store_true", help="keep the workdir (kept anyway when a case fails)")
    p.add_argument("--verbose", "-v", action="store_true")
    args = p.parse_args()
    suite = Suite(args)

    def on_signal(sig, _frame):
        suite.procs.stop_all()
        sys.exit(128 + sig)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    rc = 2
    try:
        rc = suite.run()
    finally:
        suite.procs.stop_all()
        if rc == 0 and not args.keep and not args.workdir:
            shutil.rmtree(suite.dir, ignore_errors=True)
        elif rc != 0:
            print(f"logs kept in {suite.dir} (coordinator.log, peer.log, client.log)")
    sys.exit(rc)


if __name__ == "__main__":
    main()
