import Foundation

/// 立案决定书 / 不予立案: the procuratorate files a public-interest case, or declines to, with the reason
/// (DOMAIN.md §4 B). Opens the case on the bus.
package struct CaseFilingDecision: MessagePayload {
    package static let messageType: MessageType = "xianjie.caseFilingDecision"
    package static let schemaName = "case-filing-decision.v1"
    package static let delivery = DeliveryClass.durable

    package enum Decision: String, Codable, Sendable { case filed, declined }

    package var caseId: String
    package var decision: Decision
    /// The deputy suggestion transferred to the procuratorate that led to the case, if any.
    package var originSuggestionId: String?
    /// The clue (线索) that led to the case, if any.
    package var originClueId: String?
    package var domain: PublicInterestDomain
    package var summary: String
    /// Why the case is not filed; required when `decision` is `declined`.
    package var reason: String?
    package var decidedAt: Date
    /// The chief procurator who approved the decision (检察长).
    package var approvedBy: Person

    package init(
        caseId: String, decision: Decision, originSuggestionId: String? = nil, originClueId: String? = nil,
        domain: PublicInterestDomain, summary: String, reason: String? = nil, decidedAt: Date, approvedBy: Person
    ) {
        self.caseId = caseId
        self.decision = decision
        self.originSuggestionId = originSuggestionId
        self.originClueId = originClueId
        self.domain = domain
        self.summary = summary
        self.reason = reason
        self.decidedAt = decidedAt
        self.approvedBy = approvedBy
    }
}
