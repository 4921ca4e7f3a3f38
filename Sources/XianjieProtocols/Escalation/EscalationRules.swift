/// The parameters of congress escalation (DOMAIN.md §4 I): how many members an interpellation needs,
/// the standing committee's size for an investigation motion, when a satisfaction ballot calls for
/// follow-up, and the re-answer period.
///
/// Decoding a configuration file takes the default for every key it leaves out.
package struct EscalationRules: Codable, Sendable, Hashable {
    /// 质询案联名: the fewest members who may submit an interpellation (监督法: at a county standing
    /// committee, 3 or more members).
    package var interpellationMinimumProposers: Int
    /// 常委会组成人员: the standing committee's members, for the one-fifth rule of a motion to set up a
    /// specific-question investigation (特定问题调查).
    package var standingCommitteeSize: Int
    /// 满意度测评: follow-up when, for any unit, unsatisfied votes exceed this share of the votes cast.
    package var evaluationFollowUpShare: Double
    /// 再次答复: calendar days for the re-answer after the proposers' unsatisfied verdict.
    package var reanswerDays: Int

    package init(
        interpellationMinimumProposers: Int = 3,
        standingCommitteeSize: Int = 25,
        evaluationFollowUpShare: Double = 0.5,
        reanswerDays: Int = 30
    ) {
        self.interpellationMinimumProposers = interpellationMinimumProposers
        self.standingCommitteeSize = standingCommitteeSize
        self.evaluationFollowUpShare = evaluationFollowUpShare
        self.reanswerDays = reanswerDays
    }

    private enum CodingKeys: String, CodingKey {
        case interpellationMinimumProposers, standingCommitteeSize, evaluationFollowUpShare, reanswerDays
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EscalationRules()
        self.init(
            interpellationMinimumProposers: try c.decodeIfPresent(Int.self, forKey: .interpellationMinimumProposers)
                ?? d.interpellationMinimumProposers,
            standingCommitteeSize: try c.decodeIfPresent(Int.self, forKey: .standingCommitteeSize) ?? d.standingCommitteeSize,
            evaluationFollowUpShare: try c.decodeIfPresent(Double.self, forKey: .evaluationFollowUpShare)
                ?? d.evaluationFollowUpShare,
            reanswerDays: try c.decodeIfPresent(Int.self, forKey: .reanswerDays) ?? d.reanswerDays)
    }
}
