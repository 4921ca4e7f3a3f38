import Foundation

/// 工作专报 / notice: a broadcast to every node subscribed to its topic (e.g. `notices`).
package struct WorkBulletin: MessagePayload {
    package static let messageType: MessageType = "xianjie.workBulletin"
    package static let schemaName = "work-bulletin.v1"
    package static let delivery = DeliveryClass.durable

    package var bulletinId: String
    package var title: String
    package var body: String
    package var issuedAt: Date

    package init(bulletinId: String, title: String, body: String, issuedAt: Date) {
        self.bulletinId = bulletinId
        self.title = title
        self.body = body
        self.issuedAt = issuedAt
    }
}
