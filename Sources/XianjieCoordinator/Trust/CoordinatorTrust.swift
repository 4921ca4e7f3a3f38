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
    /// This coordinator's region; agencies of other regions are remote (nil: every agency is local).
    let region: String?
    /// What the ZAP handler consults, from its own task: CURVE key → agency, for active agencies only.
    let admitted = Mutex<[String: AgencyID]>([:])
    private let state = Mutex<(version: Int64, entries: [AgencyID: Registered])>((-1, [:]))

    struct Registered: Sendable {
        let entry: RegistryEntry
        let signingKey: Curve25519.Signing.PublicKey?
    }

    init(keys: AgencyKeys, policy: AccessPolicy, region: String? = nil) {
        self.keys = keys
        self.policy = policy
        self.region = region
    }

    /// Whether an entry is this coordinator's own to admit: of its region, or another region's link.
    func isLocal(_ entry: RegistryEntry) -> Bool {
        region == nil || entry.region == region || entry.kind == RegistryEntry.federationKind
    }

    /// The region of a registered agency that is not this coordinator's own (nil: local or unknown).
    func remoteRegion(of agency: AgencyID) -> String? {
        guard let entry = entry(agency)?.entry, !isLocal(entry) else { return nil }
        return entry.region
    }

    /// The active link identity of another region's coordinator, registered here with kind `federation`.
    func link(to region: String) -> AgencyID? {
        state.withLock { state in
            state.entries.values.first {
                $0.entry.kind == RegistryEntry.federationKind && $0.entry.region == region && $0.entry.status == .active
            }?.entry.agency
        }
    }

    var version: Int64 { state.withLock { $0.version } }

    /// Replaces the registry with what the store holds now.
    func load(_ entries: [RegistryEntry], version: Int64) {
        var map: [AgencyID: Registered] = [:]
        var admitted: [String: AgencyID] = [:]
        for entry in entries {
            map[entry.agency] = Registered(entry: entry, signingKey: try? entry.publicKeys.signingKey())
            // Another region's agencies are known for their signatures; they connect to their own coordinator.
            if entry.status == .active, isLocal(entry) { admitted[entry.curveKey] = entry.agency }
        }
        state.withLock { $0 = (version, map) }
        self.admitted.withLock { $0 = admitted }
    }

    func entry(_ agency: AgencyID) -> Registered? { state.withLock { $0.entries[agency] } }

    /// The active agencies of a kind, e.g. every `congress` node (to address a deadline notice).
    func agencies(ofKind kind: String) -> [AgencyID] {
        state.withLock { state in
            state.entries.values.filter { $0.entry.kind == kind && $0.entry.status == .active && isLocal($0.entry) }
                .map(\.entry.agency).sorted()
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
