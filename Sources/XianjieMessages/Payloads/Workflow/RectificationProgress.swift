import Foundation

/// 整改进展: the responsible unit reports that work on an item started, or that it is done
/// (DOMAIN.md §4 G: inProgress → reportedDone).
package struct RectificationProgress: MessagePayload {
    package static let messageType: MessageType = "xianjie.rectificationProgress"
    package static let schemaName = "rectification-progress.v1"
    package static let delivery = DeliveryClass.durable

    package enum Step: String, Codable, Sendable { case started, completed }

    package var itemId: String
    package var step: Step
    package var report: String
    package var at: Date
    package var attachments: [AttachmentRef]?

    package init(itemId: String, step: Step, report: String, at: Date, attachments: [AttachmentRef]? = nil) {
        self.itemId = itemId
        self.step = step
        self.report = report
        self.at = at
        self.attachments = attachments
    }
}
