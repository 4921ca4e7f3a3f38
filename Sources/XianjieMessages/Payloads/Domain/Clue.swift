import Foundation

/// 线索: a public-interest clue taken in at a liaison station or by the procuratorate (DOMAIN.md §4 F).
package struct Clue: MessagePayload {
    package static let messageType: MessageType = "xianjie.clue"
    package static let schemaName = "clue.v1"
    package static let delivery = DeliveryClass.durable

    package enum Channel: String, Codable, Sendable, CaseIterable {
        case receptionDay, consultationDay, marketDay, appointmentCard, phone, wechat, hotline12345
        case volunteerPlatform, photoReport, openDay
    }

    package var clueId: String
    package var channel: Channel
    package var receivedAt: Date
    package var place: String
    package var description: String
    package var domain: PublicInterestDomain?
    /// Absent when the reporter is anonymous.
    package var reporter: Person?
    /// The reporter's identity is visible only to the handling procuratorate.
    package var confidential: Bool
    package var attachments: [AttachmentRef]?

    package init(
        clueId: String, channel: Channel, receivedAt: Date, place: String, description: String,
        domain: PublicInterestDomain? = nil, reporter: Person? = nil, confidential: Bool,
        attachments: [AttachmentRef]? = nil
    ) {
        self.clueId = clueId
        self.channel = channel
        self.receivedAt = receivedAt
        self.place = place
        self.description = description
        self.domain = domain
        self.reporter = reporter
        self.confidential = confidential
        self.attachments = attachments
    }
}
