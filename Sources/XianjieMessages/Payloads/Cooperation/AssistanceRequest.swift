import Foundation

/// 委托调查取证: a party asks another party of an agreement to collect evidence for one of its cases by
/// a day (DOMAIN.md §4 E).
package struct AssistanceRequest: MessagePayload {
    package static let messageType: MessageType = "xianjie.assistanceRequest"
    package static let schemaName = "assistance-request.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus: the result names it.
    package var requestId: String
    package var agreementId: String
    /// The requesting party's case.
    package var caseId: String
    /// What to collect or check; at least one.
    package var tasks: [String]
    package var dueBy: CalendarDate
    package var at: Date

    package init(
        requestId: String, agreementId: String, caseId: String, tasks: [String], dueBy: CalendarDate, at: Date
    ) {
        self.requestId = requestId
        self.agreementId = agreementId
        self.caseId = caseId
        self.tasks = tasks
        self.dueBy = dueBy
        self.at = at
    }
}
