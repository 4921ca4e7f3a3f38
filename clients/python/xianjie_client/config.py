"""The node configuration file: the same JSON shape as xianjie-node's (deploy/README.md "Node keys").

Keys used: agency (required), kind, coordinator, storePath, keysPath, coordinatorKeysPath,
trustedKeysDirectory, subscriptions, heartbeatIntervalMs, retransmitTimeoutMs, synchronousFull.
coordinatorPublish is accepted; broadcasts are taken by replay over the DEALER (no SUB socket yet).
controlEndpoint, requestTimeoutMs, requestAttempts are accepted and ignored. Unknown keys are ignored.
Relative paths are taken relative to the directory of the configuration file.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Optional

AGENCY_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
KIND_RE = re.compile(r"^[a-z][a-zA-Z]{1,31}$")
TOPIC_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: str
    agency: str
    kind: str = "agency"
    coordinator: str = "tcp://127.0.0.1:7700"
    coordinator_publish: Optional[str] = None
    store_path: str = "node.sqlite"
    keys_path: Optional[str] = None
    coordinator_keys_path: Optional[str] = None
    trusted_keys_directory: Optional[str] = None
    subscriptions: list = field(default_factory=list)
    heartbeat_interval_ms: int = 1000
    retransmit_timeout_ms: int = 2000
    synchronous_full: bool = True


def load(path: str) -> Config:
    try:
        with open(path, "rb") as f:
            raw = json.loads(f.read())
    except FileNotFoundError:
        raise ConfigError(f"cannot read the configuration file {path}: no such file")
    except ValueError as e:
        raise ConfigError(f"the configuration file {path} is not valid: /: not valid JSON ({e})")
    if not isinstance(raw, dict):
        raise ConfigError(f"the configuration file {path} is not valid: /: not a JSON object")
    if "agency" not in raw:
        raise ConfigError(f'the configuration file {path} is not valid: /: missing "agency"')
    base = os.path.dirname(os.path.abspath(path))

    def p(key):
        v = raw.get(key)
        if v is None:
            return None
        if not isinstance(v, str):
            raise ConfigError(f"the configuration file {path} is not valid: /{key}: expected a string")
        return v if os.path.isabs(v) else os.path.join(base, v)

    def i(key, default):
        v = raw.get(key, default)
        if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
            raise ConfigError(f"the configuration file {path} is not valid: /{key}: expected a positive integer")
        return v

    agency = raw["agency"]
    if not isinstance(agency, str) or not AGENCY_RE.match(agency):
        raise ConfigError(f'{path}: agency "{agency}" is not a valid agency id (lower-case letters, digits, . - _; 2 to 64 characters)')
    kind = raw.get("kind", "agency")
    if not isinstance(kind, str) or not KIND_RE.match(kind):
        raise ConfigError(f'{path}: kind "{kind}" must be a word like congress, procuratorate, agency, station (letters only)')
    subs = raw.get("subscriptions", []) or []
    for t in subs:
        if not isinstance(t, str) or not TOPIC_RE.match(t):
            raise ConfigError(f'{path}: subscription "{t}" is not a valid topic name')
    if raw.get("allowInsecure"):
        raise ConfigError(f"{path}: allowInsecure is not supported by this client (CURVE and signatures are always on)")
    cfg = Config(
        path=path,
        agency=agency,
        kind=kind,
        coordinator=raw.get("coordinator", "tcp://127.0.0.1:7700"),
        coordinator_publish=raw.get("coordinatorPublish"),
        store_path=p("storePath") or os.path.join(base, "node.sqlite"),
        keys_path=p("keysPath"),
        coordinator_keys_path=p("coordinatorKeysPath"),
        trusted_keys_directory=p("trustedKeysDirectory"),
        subscriptions=list(subs),
        heartbeat_interval_ms=i("heartbeatIntervalMs", 1000),
        retransmit_timeout_ms=i("retransmitTimeoutMs", 2000),
        synchronous_full=bool(raw.get("synchronousFull", True)),
    )
    if not cfg.keys_path or not cfg.coordinator_keys_path:
        raise ConfigError(
            f"keysPath and coordinatorKeysPath are required: create this node's keys with "
            f"`xianjie keygen --agency {agency}` and get coordinator.public.json from the coordinator's operator"
        )
    return cfg
