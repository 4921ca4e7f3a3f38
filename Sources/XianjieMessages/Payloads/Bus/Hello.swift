/// A node introduces itself to the coordinator, on connecting and whenever the coordinator restarted.
/// It says where it stands so the coordinator can replay the rest (DESIGN.md "Delivery").
package struct Hello: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.hello"
    package static let schemaName = "bus-hello.v1"
    package static let delivery = DeliveryClass.transient

    package struct Subscription: Codable, Sendable, Equatable {
        package var topic: String
        /// The last broadcast sequence the node holds on that topic (0: none).
        package var lastSequence: Int64
        package init(topic: String, lastSequence: Int64) {
            self.topic = topic
            self.lastSequence = lastSequence
        }
    }

    /// The node's kind, e.g. `congress`, `procuratorate`, `agency`, `station`, `operator`.
    package var nodeKind: String
    package var softwareVersion: String
    /// Bus protocol versions the node speaks, e.g. `["xianjie/1", "xianjie/2"]` (``BusProtocol``).
    package var protocols: [String]
    /// Highest delivery number the node has applied, without gaps (0: none).
    package var lastDelivery: Int64
    package var subscriptions: [Subscription]

    package init(
        nodeKind: String, softwareVersion: String, protocols: [String] = BusProtocol.supported, lastDelivery: Int64,
        subscriptions: [Subscription] = []
    ) {
        self.nodeKind = nodeKind
        self.softwareVersion = softwareVersion
        self.protocols = protocols
        self.lastDelivery = lastDelivery
        self.subscriptions = subscriptions
    }
}

/// The coordinator's answer to ``Hello`` (and its resume signal when a node's stream has a gap).
package struct Welcome: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.welcome"
    package static let schemaName = "bus-welcome.v1"
    package static let delivery = DeliveryClass.transient

    /// Changes each time the coordinator starts; a node that sees a new epoch says hello again.
    package var epoch: String
    /// The highest sequence from this node the coordinator has consumed (accepted or rejected).
    /// The node resends everything after it.
    package var lastAcceptedSequence: Int64
    /// How many messages the node may have in flight, unanswered.
    package var credits: Int
    package var heartbeatIntervalMs: Int
    package var maxMessageBytes: Int
    /// The newest broadcast sequence on each topic.
    package var topicHeads: [String: Int64]
    /// The bus protocol chosen (``BusProtocol/negotiate(offered:supported:)``); sent only to nodes that offered
    /// `xianjie/2` or later, whose welcome may carry it. Absent: `xianjie/1`.
    package var `protocol`: String?
    /// The coordinator's release; with `protocol`.
    package var softwareVersion: String?

    package init(
        epoch: String, lastAcceptedSequence: Int64, credits: Int, heartbeatIntervalMs: Int, maxMessageBytes: Int,
        topicHeads: [String: Int64], protocol: String? = nil, softwareVersion: String? = nil
    ) {
        self.protocol = `protocol`
        self.softwareVersion = softwareVersion
        self.epoch = epoch
        self.lastAcceptedSequence = lastAcceptedSequence
        self.credits = credits
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.maxMessageBytes = maxMessageBytes
        self.topicHeads = topicHeads
    }
}
