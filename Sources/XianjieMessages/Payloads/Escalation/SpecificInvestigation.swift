import Foundation

/// 特定问题调查: a specific-question investigation, proposed by the council of chairpersons or by at least
/// a fifth of the standing committee's members, decided at a plenary meeting, carried out by a committee,
/// reported and resolved (DOMAIN.md §4 I). One document per stage.
package struct SpecificInvestigation: MessagePayload {
    package static let messageType: MessageType = "xianjie.specificInvestigation"
    package static let schemaName = "specific-investigation.v1"
    package static let delivery = DeliveryClass.durable

    /// The stage reached.
    package enum Stage: String, Codable, Sendable, CaseIterable {
        /// 提议: the motion to investigate.
        case proposed
        /// 决定: the plenary meeting decides to investigate.
        case decided
        /// 成立调查委员会: the committee formed (`committee`).
        case committeeFormed
        /// 调查报告: the committee reports.
        case report
        /// 决议: the standing committee's resolution on the report.
        case resolution
    }

    /// Who moved the investigation.
    package enum Proposer: String, Codable, Sendable, CaseIterable {
        /// 主任会议: the council of chairpersons.
        case council
        /// 常委会组成人员联名: members of the standing committee (`proposers`).
        case members
    }

    /// Unique on the bus: every stage names it.
    package var investigationId: String
    package var stage: Stage
    /// The specific question investigated.
    package var question: String
    /// Required by the schema at the `proposed` stage.
    package var proposedBy: Proposer?
    /// The members who proposed it; required by the schema when `proposedBy` is `members`, at least one,
    /// and each one's `personId`, which identifies them.
    package var proposers: [Person]?
    /// 调查委员会: required by the schema at the `committeeFormed` stage, at least one.
    package var committee: [Person]?
    /// The motion, the decision, the report or the resolution.
    package var text: String
    package var at: Date

    package init(
        investigationId: String, stage: Stage, question: String, proposedBy: Proposer? = nil,
        proposers: [Person]? = nil, committee: [Person]? = nil, text: String, at: Date
    ) {
        self.investigationId = investigationId
        self.stage = stage
        self.question = question
        self.proposedBy = proposedBy
        self.proposers = proposers
        self.committee = committee
        self.text = text
        self.at = at
    }
}
