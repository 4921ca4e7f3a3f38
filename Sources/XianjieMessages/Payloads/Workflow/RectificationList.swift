import Foundation

/// 整改清单: the responsible unit's plan for each item assigned to it (DOMAIN.md §4 G).
package struct RectificationList: MessagePayload {
    package static let messageType: MessageType = "xianjie.rectificationList"
    package static let schemaName = "rectification-list.v1"
    package static let delivery = DeliveryClass.durable

    package struct Plan: Codable, Sendable, Equatable {
        package var itemId: String
        /// 整改措施: at least one.
        package var measures: [String]
        package var plannedCompletion: CalendarDate?

        package init(itemId: String, measures: [String], plannedCompletion: CalendarDate? = nil) {
            self.itemId = itemId
            self.measures = measures
            self.plannedCompletion = plannedCompletion
        }
    }

    package var listId: String
    /// At least one.
    package var plans: [Plan]
    package var submittedAt: Date

    package init(listId: String, plans: [Plan], submittedAt: Date) {
        self.listId = listId
        self.plans = plans
        self.submittedAt = submittedAt
    }
}
