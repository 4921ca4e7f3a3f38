import Crypto
import Foundation
import XianjieMessages

/// One entry of the coordinator's hash-chained, append-only audit log.
///
/// ## Canonical encoding (the hash input)
///
/// `hash` is the lowercase hex SHA-256 of these bytes:
///
/// ```
/// "xianjie/1 audit entry\n"                 (22 ASCII bytes)
/// then nine fields, in this order, each as a UInt32 big-endian byte count and that many UTF-8 bytes:
///   previousHash  64 lowercase hex characters (the genesis value is 64 "0")
///   sequence      decimal, e.g. "42"
///   at            Timestamp.format: UTC, milliseconds, "2026-11-22T02:20:57.123Z"
///   kind          the AuditKind raw value, e.g. "messageAccepted"
///   actor         optional
///   subject       optional
///   messageId     optional
///   messageHash   optional
///   detail        the sentence, as stored
/// an absent optional field is the four bytes FF FF FF FF instead (so absent differs from "").
/// ```
///
/// In Python, with `e` the entry's JSON object (as ``AuditEntry`` encodes it):
///
/// ```python
/// def field(v):
///     if v is None: return b"\xff\xff\xff\xff"
///     b = v.encode("utf-8"); return struct.pack(">I", len(b)) + b
/// names = ["previousHash", "sequence", "at", "kind", "actor", "subject", "messageId", "messageHash", "detail"]
/// data = b"xianjie/1 audit entry\n" + b"".join(field(None if e.get(n) is None else str(e[n])) for n in names)
/// assert hashlib.sha256(data).hexdigest() == e["hash"]
/// ```
///
/// `at` is kept to whole milliseconds (``make(sequence:at:kind:actor:subject:messageId:messageHash:detail:previousHash:)``
/// truncates it) and is encoded in JSON as the same `Timestamp.format` text, whatever the encoder's date strategy.
package struct AuditEntry: Codable, Sendable, Equatable {
    /// 1, 2, 3 … without gaps.
    package var sequence: Int64
    package var at: Date
    package var kind: AuditKind
    /// The agency id or operator that caused the entry.
    package var actor: String?
    /// The case, suggestion or meeting id (what ``AuditExport`` selects by).
    package var subject: String?
    package var messageId: String?
    /// ``MessageSignature/hash(_:)`` of the message concerned.
    package var messageHash: String?
    /// A sentence for people.
    package var detail: String
    /// The `hash` of entry `sequence - 1`; ``AuditChain/genesis`` for entry 1.
    package var previousHash: String
    /// ``computedHash()`` when the entry was written.
    package var hash: String

    /// An entry as stored, hash included (e.g. read back from the coordinator's database).
    package init(
        sequence: Int64, at: Date, kind: AuditKind, actor: String?, subject: String?, messageId: String?,
        messageHash: String?, detail: String, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.kind = kind
        self.actor = actor
        self.subject = subject
        self.messageId = messageId
        self.messageHash = messageHash
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    /// A new entry with its hash computed; `at` is truncated to whole milliseconds.
    package static func make(
        sequence: Int64, at: Date, kind: AuditKind, actor: String? = nil, subject: String? = nil,
        messageId: String? = nil, messageHash: String? = nil, detail: String, previousHash: String
    ) -> AuditEntry {
        var entry = AuditEntry(
            sequence: sequence, at: RecordTime.normalized(at), kind: kind, actor: actor, subject: subject,
            messageId: messageId, messageHash: messageHash, detail: detail, previousHash: previousHash, hash: "")
        entry.hash = entry.computedHash()
        return entry
    }

    /// The bytes that are hashed: see "Canonical encoding" above.
    package func canonicalEncoding() -> Data {
        var encoding = CanonicalEncoding(label: "xianjie/1 audit entry\n")
        encoding.append(previousHash)
        encoding.append(sequence)
        encoding.append(Timestamp.format(at))
        encoding.append(kind.rawValue)
        encoding.append(actor)
        encoding.append(subject)
        encoding.append(messageId)
        encoding.append(messageHash)
        encoding.append(detail)
        return encoding.bytes
    }

    /// Lowercase hex SHA-256 of ``canonicalEncoding()``: what `hash` must be.
    package func computedHash() -> String {
        Data(SHA256.hash(data: canonicalEncoding())).lowercaseHex
    }

    private enum CodingKeys: String, CodingKey {
        case sequence, at, kind, actor, subject, messageId, messageHash, detail, previousHash, hash
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int64.self, forKey: .sequence)
        at = try RecordTime.decode(from: container, forKey: .at)
        kind = try container.decode(AuditKind.self, forKey: .kind)
        actor = try container.decodeIfPresent(String.self, forKey: .actor)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        messageId = try container.decodeIfPresent(String.self, forKey: .messageId)
        messageHash = try container.decodeIfPresent(String.self, forKey: .messageHash)
        detail = try container.decode(String.self, forKey: .detail)
        previousHash = try container.decode(String.self, forKey: .previousHash)
        hash = try container.decode(String.self, forKey: .hash)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(Timestamp.format(at), forKey: .at)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(actor, forKey: .actor)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(messageId, forKey: .messageId)
        try container.encodeIfPresent(messageHash, forKey: .messageHash)
        try container.encode(detail, forKey: .detail)
        try container.encode(previousHash, forKey: .previousHash)
        try container.encode(hash, forKey: .hash)
    }
}
