import Foundation

/// One line of the live flow the coordinator publishes for `xianjie tail` and the dashboard.
package struct FlowEvent: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.flow"
    package static let schemaName = "bus-flow.v1"
    package static let delivery = DeliveryClass.transient

    package enum Event: String, Codable, Sendable { case accepted, rejected, delivered }

    package var event: Event
    package var messageId: String?
    package var at: Date
    package var source: AgencyID
    package var type: MessageType?
    package var recipients: [AgencyID]
    package var topic: String?
    package var subject: String?
    package var bytes: Int
    /// For `rejected`: the reason.
    package var reason: String?

    package init(
        event: Event, messageId: String?, at: Date, source: AgencyID, type: MessageType?, recipients: [AgencyID],
        topic: String? = nil, subject: String? = nil, bytes: Int, reason: String? = nil
    ) {
        self.event = event
        self.messageId = messageId
        self.at = at
        self.source = source
        self.type = type
        self.recipients = recipients
        self.topic = topic
        self.subject = subject
        self.bytes = bytes
        self.reason = reason
    }
}

/// A diagnostic request between two nodes through the coordinator (`xianjie ping`), answered by ``Pong``.
package struct Ping: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.ping"
    package static let schemaName = "bus-ping.v1"
    package static let delivery = DeliveryClass.transient

    package var note: String?
    package init(note: String? = nil) { self.note = note }
}

package struct Pong: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.pong"
    package static let schemaName = "bus-pong.v1"
    package static let delivery = DeliveryClass.transient

    package var note: String?
    package var receivedAt: Date
    package init(note: String? = nil, receivedAt: Date) {
        self.note = note
        self.receivedAt = receivedAt
    }
}
