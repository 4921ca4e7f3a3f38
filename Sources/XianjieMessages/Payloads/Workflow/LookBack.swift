import Foundation

/// 回头看: a look-back on a closed suggestion, case or list item, scheduled or done (DOMAIN.md §4 A, B, G).
/// It carries `scheduledFor`, `findings` or both.
package struct LookBack: MessagePayload {
    package static let messageType: MessageType = "xianjie.lookBack"
    package static let schemaName = "look-back.v1"
    package static let delivery = DeliveryClass.durable

    /// The suggestion, case or list item looked back on.
    package var subjectId: String
    /// The day the look-back is planned for.
    package var scheduledFor: CalendarDate?
    /// What the look-back found.
    package var findings: String?
    /// The rectification held (`true`) or regressed (`false`).
    package var confirmed: Bool?
    /// For a regression: the new item opened for it.
    package var newItemId: String?
    package var at: Date

    package init(
        subjectId: String, scheduledFor: CalendarDate? = nil, findings: String? = nil, confirmed: Bool? = nil,
        newItemId: String? = nil, at: Date
    ) {
        self.subjectId = subjectId
        self.scheduledFor = scheduledFor
        self.findings = findings
        self.confirmed = confirmed
        self.newItemId = newItemId
        self.at = at
    }
}
