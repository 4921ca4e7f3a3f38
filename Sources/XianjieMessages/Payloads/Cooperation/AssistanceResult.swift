import Foundation

/// 调查取证结果: the requested party returns the evidence it collected (DOMAIN.md §4 E).
package struct AssistanceResult: MessagePayload {
    package static let messageType: MessageType = "xianjie.assistanceResult"
    package static let schemaName = "assistance-result.v1"
    package static let delivery = DeliveryClass.durable

    package var requestId: String
    package var summary: String
    package var at: Date
    package var attachments: [AttachmentRef]?

    package init(requestId: String, summary: String, at: Date, attachments: [AttachmentRef]? = nil) {
        self.requestId = requestId
        self.summary = summary
        self.at = at
        self.attachments = attachments
    }
}
