import Foundation

/// 信息共享: a party shares information with the other parties of an agreement in force that covers
/// its domain (DOMAIN.md §4 E).
package struct InformationShare: MessagePayload {
    package static let messageType: MessageType = "xianjie.informationShare"
    package static let schemaName = "information-share.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus.
    package var shareId: String
    package var agreementId: String
    package var domain: PublicInterestDomain
    package var title: String
    package var content: String
    package var at: Date
    package var attachments: [AttachmentRef]?

    package init(
        shareId: String, agreementId: String, domain: PublicInterestDomain, title: String, content: String, at: Date,
        attachments: [AttachmentRef]? = nil
    ) {
        self.shareId = shareId
        self.agreementId = agreementId
        self.domain = domain
        self.title = title
        self.content = content
        self.at = at
        self.attachments = attachments
    }
}
