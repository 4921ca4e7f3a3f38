import Foundation

/// 终结决定书: the procuratorate terminates a public-interest case (DOMAIN.md §4 B).
package struct TerminationDecision: MessagePayload {
    package static let messageType: MessageType = "xianjie.terminationDecision"
    package static let schemaName = "termination-decision.v1"
    package static let delivery = DeliveryClass.durable

    package var caseId: String
    package var reason: String
    package var decidedAt: Date
    /// The chief procurator who approved it.
    package var approvedBy: Person

    package init(caseId: String, reason: String, decidedAt: Date, approvedBy: Person) {
        self.caseId = caseId
        self.reason = reason
        self.decidedAt = decidedAt
        self.approvedBy = approvedBy
    }
}
