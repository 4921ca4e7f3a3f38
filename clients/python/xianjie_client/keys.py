"""Key files as written by `xianjie keygen` (docs/protocol.md §10.1, deploy/README.md "Keys and the registry").

`ID.keys.json` (secret, mode 0600): agency, curvePublicKey, curveSecretKey (40 Z85 characters each),
signingPublicKey, signingPrivateKey (base64 of the 32-byte Ed25519 public key and private seed).
`ID.public.json` / `coordinator.public.json`: agency, curvePublicKey, signingPublicKey.
"""
from __future__ import annotations

import base64
import json
import os
import stat
from dataclasses import dataclass
from typing import Optional

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class KeyError_(Exception):
    pass


@dataclass
class PublicKeys:
    agency: str
    curve_public: bytes          # Z85 text as bytes (what pyzmq's CURVE options take)
    signing_public: Ed25519PublicKey

    def verify(self, signature: bytes, message: bytes) -> bool:
        if len(signature) != 64:
            return False
        try:
            self.signing_public.verify(signature, message)
            return True
        except InvalidSignature:
            return False


@dataclass
class SecretKeys(PublicKeys):
    curve_secret: bytes
    signing_private: Ed25519PrivateKey

    def sign(self, message: bytes) -> bytes:
        return self.signing_private.sign(message)


def _read_json(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            return json.loads(f.read())
    except FileNotFoundError:
        raise KeyError_(f"cannot read the key file {path}: no such file")
    except (OSError, ValueError) as e:
        raise KeyError_(f"cannot read the key file {path}: {e}")


def _z85(value, path, name) -> bytes:
    if not isinstance(value, str) or len(value) != 40:
        raise KeyError_(f"{path}: {name} must be 40 Z85 characters")
    return value.encode("ascii")


def _ed_public(value, path) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(value, validate=True)
        if len(raw) != 32:
            raise ValueError("not 32 bytes")
        return Ed25519PublicKey.from_public_bytes(raw)
    except Exception as e:  # noqa: BLE001
        raise KeyError_(f"{path}: signingPublicKey is not base64 of 32 bytes ({e})")


def load_public(path: str) -> PublicKeys:
    d = _read_json(path)
    return PublicKeys(
        agency=d.get("agency", ""),
        curve_public=_z85(d.get("curvePublicKey"), path, "curvePublicKey"),
        signing_public=_ed_public(d.get("signingPublicKey"), path),
    )


def load_secret(path: str, expected_agency: Optional[str] = None, check_mode: bool = True) -> SecretKeys:
    if check_mode:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            raise KeyError_(f"cannot read the key file {path}: no such file")
        if mode & 0o077:
            raise KeyError_(
                f"the secret key file {path} has mode {mode:04o}: group or others can access it, "
                f"so it is not used. Run `chmod 600 {path}`; if someone else could have read it, rotate the keys."
            )
    d = _read_json(path)
    agency = d.get("agency", "")
    if expected_agency is not None and agency != expected_agency:
        raise KeyError_(f"{path} holds the keys of {agency}, not of {expected_agency}")
    try:
        seed = base64.b64decode(d.get("signingPrivateKey", ""), validate=True)
        if len(seed) != 32:
            raise ValueError("not 32 bytes")
        priv = Ed25519PrivateKey.from_private_bytes(seed)
    except Exception as e:  # noqa: BLE001
        raise KeyError_(f"{path}: signingPrivateKey is not base64 of a 32-byte seed ({e})")
    pub = _ed_public(d.get("signingPublicKey"), path)
    from cryptography.hazmat.primitives import serialization as s
    raw = lambda k: k.public_bytes(s.Encoding.Raw, s.PublicFormat.Raw)  # noqa: E731
    if raw(priv.public_key()) != raw(pub):
        raise KeyError_(f"{path}: signingPublicKey is not the public half of signingPrivateKey")
    return SecretKeys(
        agency=agency,
        curve_public=_z85(d.get("curvePublicKey"), path, "curvePublicKey"),
        signing_public=pub,
        curve_secret=_z85(d.get("curveSecretKey"), path, "curveSecretKey"),
        signing_private=priv,
    )


def load_trusted_directory(directory: Optional[str]) -> dict:
    """<agency>.public.json files of other agencies, by agency id (for checking delivered documents)."""
    out = {}
    if not directory or not os.path.isdir(directory):
        return out
    for name in os.listdir(directory):
        if name.endswith(".public.json"):
            try:
                k = load_public(os.path.join(directory, name))
                out[k.agency] = k
            except KeyError_:
                pass
    return out
