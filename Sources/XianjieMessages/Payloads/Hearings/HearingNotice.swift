import Foundation

/// 听证公告: the procuratorate announces a public hearing in a case, deputies among the hearing officers,
/// at least 3 days before it opens (DOMAIN.md §4 B, H).
package struct HearingNotice: MessagePayload {
    package static let messageType: MessageType = "xianjie.hearingNotice"
    package static let schemaName = "hearing-notice.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus: the hearing record (听证笔录) names it.
    package var hearingId: String
    /// The public-interest case heard.
    package var caseId: String
    /// 听证事项: what the hearing is about.
    package var title: String
    package var place: String
    /// When the hearing opens: at least 3 days after the notice.
    package var startsAt: Date
    /// 听证员 drawn from the pool, deputies among them; at least one, and the schema requires each one's
    /// `personId` (a deputy's number), which identifies them.
    package var hearingOfficers: [Person]
    package var announcedAt: Date
    package var attachments: [AttachmentRef]?

    package init(
        hearingId: String, caseId: String, title: String, place: String, startsAt: Date, hearingOfficers: [Person],
        announcedAt: Date, attachments: [AttachmentRef]? = nil
    ) {
        self.hearingId = hearingId
        self.caseId = caseId
        self.title = title
        self.place = place
        self.startsAt = startsAt
        self.hearingOfficers = hearingOfficers
        self.announcedAt = announcedAt
        self.attachments = attachments
    }
}
