import Foundation

/// An operator asks the coordinator how the bus stands.
package struct StatusRequest: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.statusRequest"
    package static let schemaName = "bus-status-request.v1"
    package static let delivery = DeliveryClass.transient

    package init() {}
}

/// Nodes, presence and queue depths, as the coordinator sees them.
package struct StatusReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.statusReport"
    package static let schemaName = "bus-status-report.v1"
    package static let delivery = DeliveryClass.transient

    package struct Node: Codable, Sendable, Equatable {
        package var agency: AgencyID
        package var kind: String?
        package var softwareVersion: String?
        /// The bus protocol agreed at the node's last hello (``BusProtocol``).
        package var `protocol`: String?
        package var present: Bool
        package var lastSeen: Date?
        /// Deliveries queued for the node and not yet acknowledged.
        package var queueDepth: Int64
        /// Deliveries sent and not yet acknowledged.
        package var inFlight: Int64
        /// The last sequence accepted from the node.
        package var lastAcceptedSequence: Int64

        package init(
            agency: AgencyID, kind: String?, softwareVersion: String?, present: Bool, lastSeen: Date?,
            queueDepth: Int64, inFlight: Int64, lastAcceptedSequence: Int64, protocol: String? = nil
        ) {
            self.protocol = `protocol`
            self.agency = agency
            self.kind = kind
            self.softwareVersion = softwareVersion
            self.present = present
            self.lastSeen = lastSeen
            self.queueDepth = queueDepth
            self.inFlight = inFlight
            self.lastAcceptedSequence = lastAcceptedSequence
        }
    }

    package var epoch: String
    package var startedAt: Date
    package var messagesStored: Int64
    package var quarantined: Int64
    package var rejectionsByReason: [String: Int64]
    package var topicHeads: [String: Int64]
    package var nodes: [Node]
    /// Refused connections and messages that failed authentication since the coordinator started.
    package var authenticationFailures: Int64?
    /// Conditions an operator should look at now (e.g. repeated failed handshakes).
    package var alerts: [String]?

    package init(
        epoch: String, startedAt: Date, messagesStored: Int64, quarantined: Int64, rejectionsByReason: [String: Int64],
        topicHeads: [String: Int64], nodes: [Node], authenticationFailures: Int64? = nil, alerts: [String]? = nil
    ) {
        self.authenticationFailures = authenticationFailures
        self.alerts = alerts
        self.epoch = epoch
        self.startedAt = startedAt
        self.messagesStored = messagesStored
        self.quarantined = quarantined
        self.rejectionsByReason = rejectionsByReason
        self.topicHeads = topicHeads
        self.nodes = nodes
    }
}
