import Foundation
import XianjieMessages

/// How a node runs. Loaded from a JSON file; `deploy/examples/` has documented examples.
package struct NodeConfiguration: Sendable, Codable {
    /// This node's agency id; also its ZeroMQ identity.
    package var agency: AgencyID
    /// `congress`, `procuratorate`, `agency`, `station`, `operator`, …
    package var kind: String = "agency"
    /// The coordinator's ROUTER endpoint.
    package var coordinator: String = "tcp://127.0.0.1:7700"
    /// The coordinator's XPUB endpoint (for broadcasts); nil: no subscriptions.
    package var coordinatorPublish: String? = "tcp://127.0.0.1:7701"
    /// The node's SQLite file.
    package var storePath: String = "node.sqlite"
    /// fsync at every commit (survives power loss). `false` survives process crashes only.
    package var synchronousFull: Bool = true
    /// Broadcast topics to follow.
    package var subscriptions: [String] = []
    /// Where local systems and the CLI hand this node documents to send (`xianjie send --node …`).
    package var controlEndpoint: String?
    /// This node's key file (`<agency>.keys.json` from `xianjie keygen`). Required unless `allowInsecure`.
    package var keysPath: String?
    /// The coordinator's public keys (`coordinator.public.json`): its CURVE server key, and the key its
    /// receipts are signed with. Required unless `allowInsecure`.
    package var coordinatorKeysPath: String?
    /// A directory of other agencies' `<agency>.public.json` files: deliveries from them are checked
    /// against their signing keys and the result kept in the inbox (`verified`). Optional.
    package var trustedKeysDirectory: String?
    /// Connect without CURVE and send unsigned. For development only.
    package var allowInsecure: Bool = false
    package var heartbeatIntervalMs: Int = 1000
    /// Unanswered messages are sent again after this long without a receipt.
    package var retransmitTimeoutMs: Int = 2000
    package var requestTimeoutMs: Int = 1500
    package var requestAttempts: Int = 3

    package init(agency: AgencyID, kind: String = "agency", coordinator: String, coordinatorPublish: String?, storePath: String) {
        self.agency = agency
        self.kind = kind
        self.coordinator = coordinator
        self.coordinatorPublish = coordinatorPublish
        self.storePath = storePath
    }

    package static func load(from path: String) throws -> NodeConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NodeError(.configuration, "cannot read the configuration file \(path): \(error.localizedDescription)")
        }
        let configuration: NodeConfiguration
        do {
            configuration = try XianjieJSON.decode(NodeConfiguration.self, from: data)
        } catch {
            throw NodeError(.configuration, "the configuration file \(path) is not valid: \(describe(error))")
        }
        guard configuration.agency.isWellFormed else {
            throw NodeError(
                .configuration,
                "\(path): agency \"\(configuration.agency)\" is not a valid agency id (lower-case letters, digits, . - _; 2 to 64 characters)"
            )
        }
        guard configuration.kind.range(of: "^[a-z][a-zA-Z]{1,31}$", options: .regularExpression) != nil else {
            throw NodeError(
                .configuration,
                "\(path): kind \"\(configuration.kind)\" must be a word like congress, procuratorate, agency, station (letters only)")
        }
        for topic in configuration.subscriptions
        where topic.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", options: .regularExpression) == nil {
            throw NodeError(.configuration, "\(path): subscription \"\(topic)\" is not a valid topic name")
        }
        return configuration
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        agency = try container.decode(AgencyID.self, forKey: .agency)
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? "agency"
        coordinator = try container.decodeIfPresent(String.self, forKey: .coordinator) ?? "tcp://127.0.0.1:7700"
        coordinatorPublish = try container.decodeIfPresent(String.self, forKey: .coordinatorPublish)
        storePath = try container.decodeIfPresent(String.self, forKey: .storePath) ?? "\(agency).sqlite"
        synchronousFull = try container.decodeIfPresent(Bool.self, forKey: .synchronousFull) ?? true
        subscriptions = try container.decodeIfPresent([String].self, forKey: .subscriptions) ?? []
        controlEndpoint = try container.decodeIfPresent(String.self, forKey: .controlEndpoint)
        keysPath = try container.decodeIfPresent(String.self, forKey: .keysPath)
        coordinatorKeysPath = try container.decodeIfPresent(String.self, forKey: .coordinatorKeysPath)
        allowInsecure = try container.decodeIfPresent(Bool.self, forKey: .allowInsecure) ?? false
        trustedKeysDirectory = try container.decodeIfPresent(String.self, forKey: .trustedKeysDirectory)
        heartbeatIntervalMs = try container.decodeIfPresent(Int.self, forKey: .heartbeatIntervalMs) ?? 1000
        retransmitTimeoutMs = try container.decodeIfPresent(Int.self, forKey: .retransmitTimeoutMs) ?? 2000
        requestTimeoutMs = try container.decodeIfPresent(Int.self, forKey: .requestTimeoutMs) ?? 1500
        requestAttempts = try container.decodeIfPresent(Int.self, forKey: .requestAttempts) ?? 3
    }
}
