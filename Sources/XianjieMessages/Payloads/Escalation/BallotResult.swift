import Foundation

/// 测评结果: the tally of a satisfaction evaluation, announced after the vote (DOMAIN.md §4 I). Anonymous by
/// construction: only counts travel, and no field names a voter. Only the members present vote; the
/// observers (列席) do not.
package struct BallotResult: MessagePayload {
    package static let messageType: MessageType = "xianjie.ballotResult"
    package static let schemaName = "ballot-result.v1"
    package static let delivery = DeliveryClass.durable

    /// The votes on one unit (0 or more each).
    package struct Tally: Codable, Sendable, Equatable {
        /// A unit of the schedule.
        package var unit: AgencyID
        /// 满意.
        package var satisfied: Int
        /// 基本满意.
        package var basicallySatisfied: Int
        /// 不满意.
        package var unsatisfied: Int

        package init(unit: AgencyID, satisfied: Int, basicallySatisfied: Int, unsatisfied: Int) {
            self.unit = unit
            self.satisfied = satisfied
            self.basicallySatisfied = basicallySatisfied
            self.unsatisfied = unsatisfied
        }
    }

    /// The ballot scheduled (满意度测评安排).
    package var ballotId: String
    /// When the units' reports were heard (听取报告), before the vote.
    package var reportHeardAt: Date
    /// Members present, who alone vote (0 or more).
    package var membersPresent: Int
    /// 列席: those attending who do not vote (0 or more).
    package var observers: Int
    /// One per unit evaluated, at least one.
    package var tallies: [Tally]
    package var announcedAt: Date

    package init(
        ballotId: String, reportHeardAt: Date, membersPresent: Int, observers: Int, tallies: [Tally],
        announcedAt: Date
    ) {
        self.ballotId = ballotId
        self.reportHeardAt = reportHeardAt
        self.membersPresent = membersPresent
        self.observers = observers
        self.tallies = tallies
        self.announcedAt = announcedAt
    }
}
