import Crypto
import Foundation
import XianjieMessages

/// One case's audit trail, verifiable by a third party with public keys only: the case's audit entries, the
/// signed documents they refer to, the public keys of every signer, and the coordinator's signature over it all.
///
/// ## Export digest
///
/// `coordinatorSignature` is base64 of the coordinator's Ed25519 signature over the 32 raw bytes of
/// SHA-256 of this encoding (fields as in ``AuditEntry``: UInt32 big-endian byte count, then UTF-8 bytes):
///
/// ```
/// "xianjie/1 audit export\n"                  (23 ASCII bytes)
/// subject, exportedAt (Timestamp.format), coordinator
/// number of entries (decimal), then each entry's hash, in order
/// number of messages (decimal), then each message's hash and signature (its base64 text), in order
/// number of public keys (decimal), then each key's agency, curvePublicKey, signingPublicKey, in order
/// ```
///
/// Entry contents and message frames are bound through their hashes, which ``verify(trustedKeys:)`` recomputes.
/// In Python, with `f` as in ``AuditEntry`` and `x` the export's JSON:
///
/// ```python
/// enc = b"xianjie/1 audit export\n" + f(x["subject"]) + f(x["exportedAt"]) + f(x["coordinator"])
/// enc += f(str(len(x["entries"]))) + b"".join(f(e["hash"]) for e in x["entries"])
/// enc += f(str(len(x["messages"]))) + b"".join(f(m["hash"]) + f(m["signature"]) for m in x["messages"])
/// enc += f(str(len(x["publicKeys"]))) + b"".join(
///     f(k["agency"]) + f(k["curvePublicKey"]) + f(k["signingPublicKey"]) for k in x["publicKeys"])
/// digest = hashlib.sha256(enc).digest()
/// ```
package struct AuditExport: Codable, Sendable {
    /// The case or suggestion id the entries were selected by.
    package var subject: String
    package var exportedAt: Date
    /// The case's entries: a subset of the chain, each carrying its own hash.
    package var entries: [AuditEntry]
    /// The signed documents the entries refer to.
    package var messages: [ExportedMessage]
    /// Of every signer, the coordinator included. An agency whose keys were rotated during the case appears
    /// once per key.
    package var publicKeys: [PublicKeys]
    package var coordinator: AgencyID
    /// Base64 Ed25519 signature by the coordinator over ``digest()``.
    package var coordinatorSignature: String

    /// Builds and signs an export. Fails when `publicKeys` lacks the coordinator's key for `coordinatorKey`.
    package static func make(
        subject: String, entries: [AuditEntry], messages: [ExportedMessage], publicKeys: [PublicKeys],
        coordinator: AgencyID, coordinatorKey: Curve25519.Signing.PrivateKey, exportedAt: Date = Date()
    ) throws -> AuditExport {
        let publicSigningKey = coordinatorKey.publicKey.rawRepresentation.base64EncodedString()
        guard publicKeys.contains(where: { $0.agency == coordinator && $0.signingPublicKey == publicSigningKey }) else {
            throw AuditExportError.coordinatorKeyMissing(coordinator)
        }
        var export = AuditExport(
            subject: subject, exportedAt: RecordTime.normalized(exportedAt), entries: entries, messages: messages,
            publicKeys: publicKeys, coordinator: coordinator, coordinatorSignature: "")
        do {
            export.coordinatorSignature = try coordinatorKey.signature(for: export.digest()).base64EncodedString()
        } catch {
            throw AuditExportError.signingFailed("\(error)")
        }
        return export
    }

    private init(
        subject: String, exportedAt: Date, entries: [AuditEntry], messages: [ExportedMessage],
        publicKeys: [PublicKeys], coordinator: AgencyID, coordinatorSignature: String
    ) {
        self.subject = subject
        self.exportedAt = exportedAt
        self.entries = entries
        self.messages = messages
        self.publicKeys = publicKeys
        self.coordinator = coordinator
        self.coordinatorSignature = coordinatorSignature
    }

    /// The bytes whose SHA-256 the coordinator signs: see "Export digest" above.
    package func canonicalEncoding() -> Data {
        var encoding = CanonicalEncoding(label: "xianjie/1 audit export\n")
        encoding.append(subject)
        encoding.append(Timestamp.format(exportedAt))
        encoding.append(coordinator.rawValue)
        encoding.append(Int64(entries.count))
        for entry in entries { encoding.append(entry.hash) }
        encoding.append(Int64(messages.count))
        for message in messages {
            encoding.append(message.hash)
            encoding.append(message.signature)
        }
        encoding.append(Int64(publicKeys.count))
        for keys in publicKeys {
            encoding.append(keys.agency.rawValue)
            encoding.append(keys.curvePublicKey)
            encoding.append(keys.signingPublicKey)
        }
        return encoding.bytes
    }

    /// The 32-byte SHA-256 of ``canonicalEncoding()``: what `coordinatorSignature` signs.
    package func digest() -> Data {
        Data(SHA256.hash(data: canonicalEncoding()))
    }

    private enum CodingKeys: String, CodingKey {
        case subject, exportedAt, entries, messages, publicKeys, coordinator, coordinatorSignature
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decode(String.self, forKey: .subject)
        exportedAt = try RecordTime.decode(from: container, forKey: .exportedAt)
        entries = try container.decode([AuditEntry].self, forKey: .entries)
        messages = try container.decode([ExportedMessage].self, forKey: .messages)
        publicKeys = try container.decode([PublicKeys].self, forKey: .publicKeys)
        coordinator = try container.decode(AgencyID.self, forKey: .coordinator)
        coordinatorSignature = try container.decode(String.self, forKey: .coordinatorSignature)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(Timestamp.format(exportedAt), forKey: .exportedAt)
        try container.encode(entries, forKey: .entries)
        try container.encode(messages, forKey: .messages)
        try container.encode(publicKeys, forKey: .publicKeys)
        try container.encode(coordinator, forKey: .coordinator)
        try container.encode(coordinatorSignature, forKey: .coordinatorSignature)
    }
}
