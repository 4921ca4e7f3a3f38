import Crypto
import Foundation
import XianjieMessages

extension AuditExport {
    /// Everything a third party checks, with the export alone: each entry's hash recomputes; each message's frames
    /// hash to its recorded hash, an entry records that hash, and its Ed25519 signature verifies with a key of its
    /// source; every entry recording an accepted message has that message here; the coordinator's signature over
    /// ``digest()`` verifies with the coordinator's key.
    ///
    /// The keys come from the export itself, so they prove only that the export is consistent. Pass
    /// `trustedKeys` (obtained independently, e.g. from the registry or each agency) to also require that every
    /// key the export relies on is one of them.
    ///
    /// - Returns: one sentence per problem; empty when the export is valid.
    package func verify(trustedKeys: [PublicKeys]? = nil) -> [String] {
        var problems: [String] = []
        var signingKeys: [AgencyID: [Curve25519.Signing.PublicKey]] = [:]
        for keys in publicKeys {
            do {
                signingKeys[keys.agency, default: []].append(try keys.signingKey())
            } catch {
                problems.append("the public keys of \(keys.agency) are unusable: \(error)")
            }
            if let trustedKeys, !trustedKeys.contains(keys) {
                problems.append(
                    "the public keys of \(keys.agency) in the export are not among the trusted keys; "
                        + "obtain \(keys.agency)'s keys independently before relying on this export")
            }
        }

        for entry in entries where entry.hash != entry.computedHash() {
            problems.append(
                "entry \(entry.sequence) (\(entry.kind.rawValue)) was changed: its contents no longer match its hash")
        }

        let recordedHashes = Set(entries.compactMap(\.messageHash))
        var exportedHashes = Set<String>()
        for (index, exported) in messages.enumerated() {
            problems += check(exported, number: index + 1, recordedHashes: recordedHashes, signingKeys: signingKeys)
            exportedHashes.insert(exported.hash)
        }
        for entry in entries where entry.kind == .messageAccepted {
            if let hash = entry.messageHash, !exportedHashes.contains(hash) {
                problems.append(
                    "entry \(entry.sequence) records message \(entry.messageId ?? hash) as accepted, "
                        + "but the export does not include that message")
            }
        }

        problems += checkCoordinatorSignature(signingKeys[coordinator] ?? [])
        return problems
    }

    private func check(
        _ exported: ExportedMessage, number: Int, recordedHashes: Set<String>,
        signingKeys: [AgencyID: [Curve25519.Signing.PublicKey]]
    ) -> [String] {
        let message: WireMessage
        do {
            message = try exported.wireMessage()
        } catch {
            return ["message \(number) of the export: \(error)"]
        }
        let name = "message \(message.header.id) from \(message.header.source)"
        var problems: [String] = []
        let computed = MessageSignature.hash(message)
        if computed != exported.hash {
            problems.append(
                "\(name) was changed: its header and data hash to \(computed), not the recorded \(exported.hash)")
        } else if !recordedHashes.contains(computed) {
            problems.append("\(name) is not recorded by any entry of the export (no entry has its hash \(computed))")
        }
        let keys = signingKeys[message.header.source] ?? []
        if keys.isEmpty {
            problems.append("\(name): the export includes no public key of \(message.header.source) to verify it with")
        } else if !keys.contains(where: { MessageSignature.isValid(message, publicKey: $0) }) {
            problems.append(
                "\(name): its signature does not verify with the signing key of \(message.header.source); "
                    + "the document was altered or not signed by that agency")
        }
        return problems
    }

    private func checkCoordinatorSignature(_ keys: [Curve25519.Signing.PublicKey]) -> [String] {
        guard !keys.isEmpty else {
            return ["the export includes no public key of the coordinator \(coordinator) that signed it"]
        }
        guard let signature = Data(base64Encoded: coordinatorSignature), signature.count == 64 else {
            return ["the coordinator's signature is not base64 of a 64-byte Ed25519 signature"]
        }
        let digest = digest()
        guard keys.contains(where: { $0.isValidSignature(signature, for: digest) }) else {
            return [
                "the coordinator's signature does not verify with the signing key of \(coordinator): the export was "
                    + "changed after it was signed (entries, messages, keys, subject or time), or the key is not the coordinator's"
            ]
        }
        return []
    }
}
