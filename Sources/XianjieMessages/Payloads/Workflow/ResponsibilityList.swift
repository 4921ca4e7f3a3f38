import Foundation

/// 责任清单: who rectifies each item of an issue list, led by whom, by when (DOMAIN.md §4 G).
package struct ResponsibilityList: MessagePayload {
    package static let messageType: MessageType = "xianjie.responsibilityList"
    package static let schemaName = "responsibility-list.v1"
    package static let delivery = DeliveryClass.durable

    package struct Assignment: Codable, Sendable, Equatable {
        package var itemId: String
        /// 责任单位.
        package var unit: AgencyID
        /// 责任人: the unit's leader answerable for the item.
        package var leadPerson: String
        /// 整改时限.
        package var deadline: CalendarDate

        package init(itemId: String, unit: AgencyID, leadPerson: String, deadline: CalendarDate) {
            self.itemId = itemId
            self.unit = unit
            self.leadPerson = leadPerson
            self.deadline = deadline
        }
    }

    package var listId: String
    /// At least one.
    package var assignments: [Assignment]
    package var issuedAt: Date

    package init(listId: String, assignments: [Assignment], issuedAt: Date) {
        self.listId = listId
        self.assignments = assignments
        self.issuedAt = issuedAt
    }
}
