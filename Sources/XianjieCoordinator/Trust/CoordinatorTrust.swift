import Crypto
import Foundation
import Synchronization
import XianjieMessages
import XianjieTrust

/// What the coordinator trusts: its own keys, the registry of agencies (reloaded when it changes, no
/// restart), and the access policy.
final class CoordinatorTrust: Sendable {
    let keys: AgencyKeys
    let policy: AccessPolicy
    /// What the ZAP handler consults, from its own task: CURVE key → agency, for active agencies only.
    let admitted = Mutex<[String: AgencyID]>([:])
    private let state = Mutex<(version: Int64, entries: [AgencyID: Registered])>((-1, [:]))

    struct Registered: Sendable {
        let entry: RegistryEntry
        let signingKey: Curve25519.Signing.PublicKey?
    }

    init(keys: AgencyKeys, policy: AccessPolicy) {
        self.keys = keys
        self.policy = policy
    }

    var version: Int64 { state.withLock { $0.version } }

    /// Replaces the registry with what the store holds now.
    func load(_ entries: [RegistryEntry], version: Int64) {
        var map: [AgencyID: Registered] = [:]
        var admitted: [String: AgencyID] = [:]
        for entry in entries {
            map[entry.agency] = Registered(entry: entry, signingKey: try? entry.publicKeys.signingKey())
            if entry.status == .active { admitted[entry.curveKey] = entry.agency }
        }
        state.withLock { $0 = (version, map) }
        self.admitted.withLock { $0 = admitted }
    }

    func entry(_ agency: AgencyID) -> Registered? { state.withLock { $0.entries[agency] } }

    /// The active agencies of a kind, e.g. every `congress` node (to address a deadline notice).
    func agencies(ofKind kind: String) -> [AgencyID] {
        state.withLock { state in
            state.entries.values.filter { $0.entry.kind == kind && $0.entry.status == .active }.map(\.entry.agency).sorted()
        }
    }

    /// Who may come in (ZAP): the agency whose active CURVE key this is.
    func admit(curveKey: String) -> AgencyID? { admitted.withLock { $0[curveKey] } }

    /// The coordinator signs everything it sends.
    func sign(_ message: WireMessage) -> WireMessage {
        (try? MessageSignature.sign(message, with: keys.signing)) ?? message
    }

    /// Refuses a message from `source` unless it comes over its own authenticated connection, from an
    /// active agency, with a valid signature.
    func authenticate(_ wire: WireMessage, userID: String?) -> EnvelopeError? {
        let source = wire.header.source
        guard let userID else {
            return EnvelopeError(.sourceMismatch, "the connection is not authenticated (no CURVE user id)")
        }
        guard userID == source.rawValue else {
            return EnvelopeError(
                .sourceMismatch, "envelope source \"\(source)\" is not the authenticated agency \"\(userID)\"")
        }
        guard let registered = entry(source) else {
            return EnvelopeError(.forbidden, "\(source) is not registered")
        }
        guard registered.entry.status == .active else {
            return EnvelopeError(.forbidden, "\(source) is \(registered.entry.status.rawValue)")
        }
        guard let key = registered.signingKey, MessageSignature.isValid(wire, publicKey: key) else {
            return EnvelopeError(
                .badSignature,
                wire.signature.isEmpty
                    ? "the message is not signed; every message must carry its sender's Ed25519 signature"
                    : "the signature does not verify with \(source)'s registered signing key")
        }
        return nil
    }

    /// The access policy's verdict on a document.
    func authorize(_ header: EnvelopeHeader) -> EnvelopeError? {
        guard !header.type.isBusControl, let sender = entry(header.source) else { return nil }
        var recipients: [(agency: AgencyID, kind: String)] = []
        for recipient in header.recipients ?? [] {
            guard let registered = entry(recipient) else {
                return EnvelopeError(.unknownRecipient, "recipient \"\(recipient)\" is not a registered agency")
            }
            recipients.append((recipient, registered.entry.kind))
        }
        let request = PolicyRequest(
            sender: header.source, senderKind: sender.entry.kind, type: header.type, recipients: recipients,
            topic: header.topic)
        if case .denied(let reason) = policy.check(request) {
            return EnvelopeError(.forbidden, reason)
        }
        return nil
    }
}
