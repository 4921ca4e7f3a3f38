import Foundation

/// 转化研判: the congress's steps in turning a copied procuratorial suggestion into a deputy suggestion
/// (DOMAIN.md §4 C: screening → notConverted | conversionProposed → adoptedByDeputy → submitted).
package struct ConversionDecision: MessagePayload {
    package static let messageType: MessageType = "xianjie.conversionDecision"
    package static let schemaName = "conversion-decision.v1"
    package static let delivery = DeliveryClass.durable

    package enum Step: String, Codable, Sendable, CaseIterable {
        case screeningStarted, notConverted, proposed, adopted, submitted
    }

    package var caseId: String
    /// The procuratorial suggestion screened (its 文号): the subject of the conversion.
    package var documentNumber: String
    package var step: Step
    /// Why it is not converted; required when `step` is `notConverted`.
    package var reason: String?
    /// The system-governance recommendation extracted; required when `step` is `proposed`.
    package var recommendation: String?
    /// The deputy who adopts it as lead (领衔代表); required when `step` is `adopted` or `submitted`.
    package var deputy: Person?
    /// The deputy suggestion submitted; required when `step` is `submitted`.
    package var suggestionId: String?
    package var at: Date

    package init(
        caseId: String, documentNumber: String, step: Step, reason: String? = nil, recommendation: String? = nil,
        deputy: Person? = nil, suggestionId: String? = nil, at: Date
    ) {
        self.caseId = caseId
        self.documentNumber = documentNumber
        self.step = step
        self.reason = reason
        self.recommendation = recommendation
        self.deputy = deputy
        self.suggestionId = suggestionId
        self.at = at
    }
}
