import Foundation

/// 听证笔录: the hearing was held and each hearing officer gave an opinion, an important reference for
/// the procuratorate's decision (DOMAIN.md §4 H).
package struct HearingRecord: MessagePayload {
    package static let messageType: MessageType = "xianjie.hearingRecord"
    package static let schemaName = "hearing-record.v1"
    package static let delivery = DeliveryClass.durable

    /// One hearing officer's opinion (听证员意见).
    package struct Opinion: Codable, Sendable, Equatable {
        /// The hearing officer; the schema requires `personId`, which names them among the notice's officers.
        package var officer: Person
        package var opinion: String

        package init(officer: Person, opinion: String) {
            self.officer = officer
            self.opinion = opinion
        }
    }

    /// The hearing of the notice (听证公告).
    package var hearingId: String
    package var caseId: String
    package var heldAt: Date
    /// At least one.
    package var opinions: [Opinion]
    /// What the hearing found and where the officers agreed.
    package var summary: String
    package var attachments: [AttachmentRef]?

    package init(
        hearingId: String, caseId: String, heldAt: Date, opinions: [Opinion], summary: String,
        attachments: [AttachmentRef]? = nil
    ) {
        self.hearingId = hearingId
        self.caseId = caseId
        self.heldAt = heldAt
        self.opinions = opinions
        self.summary = summary
        self.attachments = attachments
    }
}
