/// The coordinator refuses a message: the sender learns why; the frames wait in quarantine.
package struct Rejection: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.rejection"
    package static let schemaName = "bus-rejection.v1"
    package static let delivery = DeliveryClass.transient

    package enum Reason: String, Codable, Sendable, CaseIterable {
        /// The frames are not `[header, data, signature]`.
        case malformedFrames
        /// The header is not JSON or breaks `envelope.schema.json`.
        case invalidEnvelope
        case unknownType
        /// The payload breaks its type's schema.
        case schemaViolation
        case oversize
        /// The envelope's `source` is not the connection's identity.
        case sourceMismatch
        case unknownRecipient
        /// A transient message (request) whose recipient is not connected.
        case recipientUnavailable
        case forbidden
        case badSignature
        case protocolViolation
        /// The document breaks a joint protocol's state machine (DOMAIN.md §4): out of order, wrong party,
        /// unknown subject. `rule` names the rule.
        case workflowViolation
    }

    /// The refused message's id, when its header could be read.
    package var messageId: String?
    package var sequence: Int64?
    package var type: MessageType?
    package var reason: Reason
    /// What was wrong, in a sentence an operator can act on.
    package var detail: String
    /// The schema errors, one per line, for `schemaViolation`.
    package var errors: [String]?
    /// Where the coordinator keeps the frames.
    package var quarantineId: Int64?
    /// For `workflowViolation`: the code of the broken rule, e.g. `ratingBeforeReply`.
    package var rule: String?

    package init(
        messageId: String? = nil, sequence: Int64? = nil, type: MessageType? = nil, reason: Reason, detail: String,
        errors: [String]? = nil, quarantineId: Int64? = nil, rule: String? = nil
    ) {
        self.messageId = messageId
        self.sequence = sequence
        self.type = type
        self.reason = reason
        self.detail = detail
        self.errors = errors
        self.quarantineId = quarantineId
        self.rule = rule
    }
}
