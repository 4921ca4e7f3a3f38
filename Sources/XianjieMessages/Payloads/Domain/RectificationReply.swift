import Foundation

/// 书面回复: the agency's written reply to a procuratorial suggestion (DOMAIN.md §4 B).
package struct RectificationReply: MessagePayload {
    package static let messageType: MessageType = "xianjie.rectificationReply"
    package static let schemaName = "rectification-reply.v1"
    package static let delivery = DeliveryClass.durable

    package enum Status: String, Codable, Sendable { case rectified, inProgress, partiallyRectified, cannotRectify }

    /// The suggestion answered (its document number).
    package var documentNumber: String
    package var caseId: String
    package var status: Status
    package var measures: [String]
    /// Required unless `status` is `rectified`: why not (yet).
    package var explanation: String?
    package var repliedAt: Date
    package var attachments: [AttachmentRef]?

    package init(
        documentNumber: String, caseId: String, status: Status, measures: [String], explanation: String? = nil,
        repliedAt: Date, attachments: [AttachmentRef]? = nil
    ) {
        self.documentNumber = documentNumber
        self.caseId = caseId
        self.status = status
        self.measures = measures
        self.explanation = explanation
        self.repliedAt = repliedAt
        self.attachments = attachments
    }
}
