import Foundation

/// 抄送人大: the procuratorate copies a procuratorial suggestion to the congress (DOMAIN.md §4 B, within
/// 10 days), with the criteria that make it a candidate for reverse conversion (§4 C).
package struct SuggestionCopy: MessagePayload {
    package static let messageType: MessageType = "xianjie.suggestionCopy"
    package static let schemaName = "suggestion-copy.v1"
    package static let delivery = DeliveryClass.durable

    /// Why the suggestion deserves the congress's attention (§4 C, copyEligible).
    package struct Criteria: Codable, Sendable, Equatable {
        /// 社会影响大.
        package var wideImpact: Bool
        /// 群众关注度高.
        package var publicAttention: Bool
        /// 违法行为具有典型性.
        package var typicalViolation: Bool
        /// 值得人大关注.
        package var deservesAttention: Bool

        package init(wideImpact: Bool, publicAttention: Bool, typicalViolation: Bool, deservesAttention: Bool) {
            self.wideImpact = wideImpact
            self.publicAttention = publicAttention
            self.typicalViolation = typicalViolation
            self.deservesAttention = deservesAttention
        }
    }

    package var caseId: String
    /// The suggestion copied (its 文号).
    package var documentNumber: String
    package var summary: String
    /// Absent: a plain copy, not proposed for reverse conversion.
    package var criteria: Criteria?
    package var copiedAt: Date

    package init(caseId: String, documentNumber: String, summary: String, criteria: Criteria? = nil, copiedAt: Date) {
        self.caseId = caseId
        self.documentNumber = documentNumber
        self.summary = summary
        self.criteria = criteria
        self.copiedAt = copiedAt
    }
}
