import Foundation

/// The coordinator's answer to durable messages it committed: the sender may stop resending them.
/// One receipt answers every message of one sender that a turn of the coordinator committed.
package struct Receipt: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.receipt"
    package static let schemaName = "bus-receipt.v1"
    package static let delivery = DeliveryClass.transient

    package enum Status: String, Codable, Sendable {
        /// Stored now and queued for its recipients.
        case accepted
        /// Stored before: this was a resend.
        case duplicate
    }

    package struct Entry: Codable, Sendable, Equatable {
        package var messageId: String
        package var sequence: Int64
        package var status: Status
        package var acceptedAt: Date
        package var recipients: [AgencyID]

        package init(messageId: String, sequence: Int64, status: Status, acceptedAt: Date, recipients: [AgencyID]) {
            self.messageId = messageId
            self.sequence = sequence
            self.status = status
            self.acceptedAt = acceptedAt
            self.recipients = recipients
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) { self.entries = entries }
}

/// A recipient's acknowledgement: every delivery up to and including `through` is applied.
package struct Ack: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.ack"
    package static let schemaName = "bus-ack.v1"
    package static let delivery = DeliveryClass.transient

    package var through: Int64

    package init(through: Int64) { self.through = through }
}
