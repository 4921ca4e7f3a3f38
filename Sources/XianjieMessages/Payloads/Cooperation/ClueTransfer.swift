import Foundation

/// 线索移送函: a party passes a clue found outside its jurisdiction to another party of an agreement
/// in force that covers the clue's domain and place (DOMAIN.md §4 E).
package struct ClueTransfer: MessagePayload {
    package static let messageType: MessageType = "xianjie.clueTransfer"
    package static let schemaName = "clue-transfer.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus: the acknowledgement, feedback and any jurisdiction dispute name it.
    package var transferId: String
    /// The agreement it is sent under.
    package var agreementId: String
    /// The sender's clue.
    package var clueId: String
    package var domain: PublicInterestDomain
    /// Which part of the agreement's area: a tributary, a road section, a division.
    package var segment: String?
    package var place: String
    package var summary: String
    package var sentAt: Date
    package var attachments: [AttachmentRef]?

    package init(
        transferId: String, agreementId: String, clueId: String, domain: PublicInterestDomain, segment: String? = nil,
        place: String, summary: String, sentAt: Date, attachments: [AttachmentRef]? = nil
    ) {
        self.transferId = transferId
        self.agreementId = agreementId
        self.clueId = clueId
        self.domain = domain
        self.segment = segment
        self.place = place
        self.summary = summary
        self.sentAt = sentAt
        self.attachments = attachments
    }
}
