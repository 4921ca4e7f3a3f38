import Foundation

/// 问题清单: the first of the three lists, the problems found (DOMAIN.md §4 G). Each item opens its own
/// shared process on the bus.
package struct IssueList: MessagePayload {
    package static let messageType: MessageType = "xianjie.issueList"
    package static let schemaName = "issue-list.v1"
    package static let delivery = DeliveryClass.durable

    package struct Item: Codable, Sendable, Equatable {
        /// Unique on the bus: the later lists, progress reports and verifications name it.
        package var itemId: String
        package var problem: String
        package var location: String?

        package init(itemId: String, problem: String, location: String? = nil) {
            self.itemId = itemId
            self.problem = problem
            self.location = location
        }
    }

    package var listId: String
    /// The case, suggestion or inquiry the list came from, if any.
    package var originSubjectId: String?
    /// At least one.
    package var items: [Item]
    package var issuedAt: Date

    package init(listId: String, originSubjectId: String? = nil, items: [Item], issuedAt: Date) {
        self.listId = listId
        self.originSubjectId = originSubjectId
        self.items = items
        self.issuedAt = issuedAt
    }
}
