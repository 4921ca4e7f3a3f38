import Foundation

/// 检察建议书: a procuratorial suggestion issued to an agency (DOMAIN.md §4 B).
package struct ProcuratorialSuggestion: MessagePayload {
    package static let messageType: MessageType = "xianjie.procuratorialSuggestion"
    package static let schemaName = "procuratorial-suggestion.v1"
    package static let delivery = DeliveryClass.durable

    package enum Kind: String, Codable, Sendable, CaseIterable {
        case retrial, correctViolation, publicInterest, socialGovernance, other
    }

    package enum DeliveryMode: String, Codable, Sendable { case written, announcement }

    /// The document number (文号), e.g. 呼检行公建〔2024〕3号.
    package var documentNumber: String
    package var caseId: String
    package var kind: Kind
    /// The agency the suggestion is addressed to (被建议单位).
    package var addressee: AgencyID
    package var facts: String
    package var legalBasis: String
    package var recommendations: [String]
    /// The harm keeps growing: 15-day reply instead of 2 months.
    package var urgent: Bool
    package var issuedAt: Date
    package var replyDueBy: CalendarDate
    package var approvedBy: Person
    package var deliveryMode: DeliveryMode
    package var attachments: [AttachmentRef]?

    package init(
        documentNumber: String, caseId: String, kind: Kind, addressee: AgencyID, facts: String, legalBasis: String,
        recommendations: [String], urgent: Bool, issuedAt: Date, replyDueBy: CalendarDate, approvedBy: Person,
        deliveryMode: DeliveryMode, attachments: [AttachmentRef]? = nil
    ) {
        self.documentNumber = documentNumber
        self.caseId = caseId
        self.kind = kind
        self.addressee = addressee
        self.facts = facts
        self.legalBasis = legalBasis
        self.recommendations = recommendations
        self.urgent = urgent
        self.issuedAt = issuedAt
        self.replyDueBy = replyDueBy
        self.approvedBy = approvedBy
        self.deliveryMode = deliveryMode
        self.attachments = attachments
    }
}
