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
        /// SHA-256 of the message's signing input (docs/protocol.md): what this receipt binds to.
        package var hash: String?

        package init(
            messageId: String, sequence: Int64, status: Status, acceptedAt: Date, recipients: [AgencyID],
            hash: String? = nil
        ) {
            self.messageId = messageId
            self.sequence = sequence
            self.status = status
            self.acceptedAt = acceptedAt
            self.recipients = recipients
            self.hash = hash
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

/// The coordinator's signed statement that recipients applied a sender's messages. Durable: it reaches
/// the sender through its queue, exactly once, and stays in its inbox as proof of delivery.
package struct DeliveryReceipt: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.deliveryReceipt"
    package static let schemaName = "bus-delivery-receipt.v1"
    package static let delivery = DeliveryClass.durable

    package struct Entry: Codable, Sendable, Equatable {
        package var messageId: String
        package var sequence: Int64
        package var hash: String?
        package var recipient: AgencyID
        package var deliveredAt: Date

        package init(messageId: String, sequence: Int64, hash: String?, recipient: AgencyID, deliveredAt: Date) {
            self.messageId = messageId
            self.sequence = sequence
            self.hash = hash
            self.recipient = recipient
            self.deliveredAt = deliveredAt
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) { self.entries = entries }
}
