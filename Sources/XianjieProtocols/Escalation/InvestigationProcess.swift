import XianjieMessages

/// 特定问题调查 (DOMAIN.md §4 I): the standing committee investigates a specific question.
///
/// none (nothing yet) → proposed (提议: by the 主任会议, or by at least one fifth of the standing
/// committee's members, `escalation.standingCommitteeSize`) → decided (常委会会议决定) → investigating
/// (DOMAIN.md's committeeFormed and investigating: the 调查委员会 is named and at work) → reported
/// (调查报告) → resolved (常委会作出决议). The motion is an event from `none`, not the initialiser, so
/// its checks can refuse it. Every event comes from the congress.
package struct InvestigationProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case none, proposed, decided, investigating, reported, resolved
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 提议: the question, who moves it, and the members who sign a members' motion.
        case propose(question: String, proposedBy: InvestigationProposer, proposers: [Person])
        /// 常委会会议决定 to investigate.
        case decide
        /// 组织调查委员会: its members, at least one, each named once by personId.
        case formCommittee([Person])
        /// 调查报告.
        case report
        /// 决议.
        case resolve

        package var name: String {
            switch self {
            case .propose(_, let proposedBy, _): "propose(\(proposedBy.rawValue))"
            case .decide: "decide"
            case .formCommittee: "formCommittee"
            case .report: "report"
            case .resolve: "resolve"
            }
        }
    }

    package let investigationId: String
    package internal(set) var state: State = .none
    package internal(set) var question: String?
    package internal(set) var proposedBy: InvestigationProposer?
    /// The members who signed a members' motion (empty for the council's).
    package internal(set) var proposers: [Person] = []
    /// 调查委员会.
    package internal(set) var committee: [Person] = []

    package init(investigationId: String) {
        self.investigationId = investigationId
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        try actor.require([.congress], for: event.name, subject: investigationId)
        switch event {
        case .propose(let question, let proposedBy, let proposers):
            try step(event, from: .none, to: .proposed)
            guard !question.isBlank else {
                throw ProtocolViolation(.invalidArgument, "investigation \(investigationId) needs its question")
            }
            if proposedBy == .members {
                try requireOneFifth(proposers, size: rules.escalation.standingCommitteeSize)
            }
            self.question = question
            self.proposedBy = proposedBy
            self.proposers = proposedBy == .members ? proposers : []
        case .decide:
            try step(event, from: .proposed, to: .decided)
        case .formCommittee(let members):
            try step(event, from: .decided, to: .investigating)
            let ids = members.compactMap(\.personId)
            guard !members.isEmpty, ids.count == members.count, Set(ids).count == ids.count else {
                throw ProtocolViolation(
                    .invalidArgument, "the committee of investigation \(investigationId) needs members, each named once by personId")
            }
            committee = members
        case .report:
            try step(event, from: .investigating, to: .reported)
        case .resolve:
            try step(event, from: .reported, to: .resolved)
        }
        return []
    }

    /// 五分之一以上常委会组成人员联名: distinct members named by personId, at least a fifth of `size`.
    private func requireOneFifth(_ proposers: [Person], size: Int) throws(ProtocolViolation) {
        let ids = proposers.compactMap(\.personId)
        guard ids.count == proposers.count, Set(ids).count == ids.count else {
            throw ProtocolViolation(
                .invalidArgument, "the members moving investigation \(investigationId) must each be named once by personId")
        }
        guard ids.count * 5 >= size else {
            throw ProtocolViolation(
                .notEnoughSigners,
                "investigation \(investigationId) is moved by \(ids.count) members; a members' motion needs one fifth of the \(size) (\((size + 4) / 5) or more)")
        }
    }

    private mutating func step(_ event: Event, from: State, to: State) throws(ProtocolViolation) {
        guard state == from else { throw .outOfOrder(event.name, in: state.rawValue, subject: investigationId) }
        state = to
    }
}
