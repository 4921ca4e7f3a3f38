import Foundation

/// 交办: the congress assigns a registered deputy suggestion to a host unit and its co-units (DOMAIN.md §4 A).
package struct SuggestionAssignment: MessagePayload {
    package static let messageType: MessageType = "xianjie.suggestionAssignment"
    package static let schemaName = "suggestion-assignment.v1"
    package static let delivery = DeliveryClass.durable

    package var suggestionId: String
    /// 主办单位: handles the suggestion and answers the deputy.
    package var hostUnit: AgencyID
    /// 协办单位; empty when the host unit handles it alone.
    package var coUnits: [AgencyID]
    package var assignedAt: Date
    /// 交办要求: what the congress asks of the units beyond the regulations.
    package var requirements: String?

    package init(
        suggestionId: String, hostUnit: AgencyID, coUnits: [AgencyID], assignedAt: Date, requirements: String? = nil
    ) {
        self.suggestionId = suggestionId
        self.hostUnit = hostUnit
        self.coUnits = coUnits
        self.assignedAt = assignedAt
        self.requirements = requirements
    }
}
