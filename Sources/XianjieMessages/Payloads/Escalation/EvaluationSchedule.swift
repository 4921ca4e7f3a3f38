import Foundation

/// 满意度测评安排: the congress schedules a satisfaction evaluation of units, after it hears their reports
/// (DOMAIN.md §4 I). Only the members present vote, anonymously; the result is ``BallotResult``.
package struct EvaluationSchedule: MessagePayload {
    package static let messageType: MessageType = "xianjie.evaluationSchedule"
    package static let schemaName = "evaluation-schedule.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus: the ballot result names it.
    package var ballotId: String
    /// What is evaluated, when it is a process on the bus (e.g. the special inquiry).
    package var subjectId: String?
    /// The units evaluated; at least one, no repeats.
    package var units: [AgencyID]
    /// The standing committee members entitled to vote (1 or more).
    package var membersTotal: Int
    /// When the report is heard and the vote taken.
    package var scheduledFor: Date

    package init(ballotId: String, subjectId: String? = nil, units: [AgencyID], membersTotal: Int, scheduledFor: Date) {
        self.ballotId = ballotId
        self.subjectId = subjectId
        self.units = units
        self.membersTotal = membersTotal
        self.scheduledFor = scheduledFor
    }
}
