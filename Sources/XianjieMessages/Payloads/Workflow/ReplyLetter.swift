import Foundation

/// 答复函: the host unit's written answer to a deputy suggestion (DOMAIN.md §4 A).
package struct ReplyLetter: MessagePayload {
    package static let messageType: MessageType = "xianjie.replyLetter"
    package static let schemaName = "reply-letter.v1"
    package static let delivery = DeliveryClass.durable

    package var suggestionId: String
    package var content: String
    /// The measures taken or planned (办理措施).
    package var measures: [String]
    package var repliedAt: Date
    /// The unit's head who signs the letter (签发人).
    package var signedBy: Person?
    package var attachments: [AttachmentRef]?

    package init(
        suggestionId: String, content: String, measures: [String], repliedAt: Date, signedBy: Person? = nil,
        attachments: [AttachmentRef]? = nil
    ) {
        self.suggestionId = suggestionId
        self.content = content
        self.measures = measures
        self.repliedAt = repliedAt
        self.signedBy = signedBy
        self.attachments = attachments
    }
}
