import Foundation

/// 行政公益诉讼起诉书: the procuratorate sues an agency that did not perform after a suggestion
/// (DOMAIN.md §4 B: litigationReview → sued).
package struct LitigationComplaint: MessagePayload {
    package static let messageType: MessageType = "xianjie.litigationComplaint"
    package static let schemaName = "litigation-complaint.v1"
    package static let delivery = DeliveryClass.durable

    package var caseId: String
    /// The court the complaint is filed with (a name: courts are not nodes of the bus).
    package var court: String
    /// The agency sued (被告).
    package var defendant: AgencyID
    /// 诉讼请求: at least one.
    package var claims: [String]
    /// The chief procurator who approved the complaint.
    package var approvedBy: Person?
    package var filedAt: Date

    package init(
        caseId: String, court: String, defendant: AgencyID, claims: [String], approvedBy: Person? = nil, filedAt: Date
    ) {
        self.caseId = caseId
        self.court = court
        self.defendant = defendant
        self.claims = claims
        self.approvedBy = approvedBy
        self.filedAt = filedAt
    }
}
