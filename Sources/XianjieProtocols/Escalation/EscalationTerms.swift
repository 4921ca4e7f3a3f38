import XianjieMessages

// The small values the escalation machines (DOMAIN.md §4 I) take in their events. The raw values are
// those of the documents' enums, so the owner maps a document field with `init(rawValue:)`.

/// 问题交办: one problem of a special inquiry, assigned at the 交办会 to one unit.
package struct InquiryProblem: Codable, Sendable, Hashable {
    package var problemId: String
    /// The category it is grouped under (e.g. 9 categories for 21 problems).
    package var category: String
    package var title: String
    /// The responsible unit (责任单位), one of the inquiry's units.
    package var unit: AgencyID

    package init(problemId: String, category: String, title: String, unit: AgencyID) {
        self.problemId = problemId
        self.category = category
        self.title = title
        self.unit = unit
    }
}

/// 办理情况: a problem's status in its unit's handling report (办理情况报告).
package enum ProblemStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// 已解决.
    case resolved
    /// 正在解决.
    case inProgress
    /// 未解决.
    case unresolved
}

/// 回头看: what the look-back of a special inquiry decides.
package enum LookBackOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    /// 办结: the inquiry closes (unresolved items may still be named).
    case closed
    /// 再次专题询问: a second special inquiry on what is still unresolved.
    case reinquiry
    /// 质询: an interpellation of the unit.
    case interpellation
}

/// 质询方式: how the 主任会议 decides the interpellated agency answers.
package enum InterpellationForm: String, Codable, Sendable, Hashable, CaseIterable {
    /// 口头答复, at a meeting.
    case oral
    /// 书面答复.
    case written
}

/// Who moves a specific-question investigation (特定问题调查).
package enum InvestigationProposer: String, Codable, Sendable, Hashable, CaseIterable {
    /// 主任会议 (the council of chairpersons).
    case council
    /// 常委会组成人员联名: at least one fifth of the standing committee's members.
    case members
}

/// 测评结果: one unit's result in a satisfaction ballot. Anonymous by construction: counts only.
package struct EvaluationTally: Codable, Sendable, Hashable {
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

    /// The votes cast for this unit.
    package var votesCast: Int { satisfied + basicallySatisfied + unsatisfied }
}
