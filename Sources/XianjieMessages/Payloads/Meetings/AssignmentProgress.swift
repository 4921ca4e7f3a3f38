import Foundation

/// 交办事项进展: the responsible unit reports that work on a meeting's decision started, or that it
/// is done (DOMAIN.md §4 D: open → inProgress → done).
package struct AssignmentProgress: MessagePayload {
    package static let messageType: MessageType = "xianjie.assignmentProgress"
    package static let schemaName = "assignment-progress.v1"
    package static let delivery = DeliveryClass.durable

    package enum Step: String, Codable, Sendable { case started, done }

    package var decisionId: String
    /// The meeting that decided it.
    package var meetingId: String
    package var step: Step
    package var report: String
    package var at: Date
    package var attachments: [AttachmentRef]?

    package init(
        decisionId: String, meetingId: String, step: Step, report: String, at: Date,
        attachments: [AttachmentRef]? = nil
    ) {
        self.decisionId = decisionId
        self.meetingId = meetingId
        self.step = step
        self.report = report
        self.at = at
        self.attachments = attachments
    }
}
