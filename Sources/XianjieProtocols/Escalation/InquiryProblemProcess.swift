import XianjieMessages

/// 问题交办 of a special inquiry (DOMAIN.md §4 I): one problem, assigned at the 交办会 to one unit.
///
/// assigned → claimed (认领, by the unit) → reported (办理情况报告, with its status). The opinions
/// (审议意见) start the report deadline (`inquiryReport`) on a claimed problem; when it expires first the
/// problem is overdue (逾期, 督办 queued) and may still be reported. DOMAIN.md's "assignmentMeeting
/// (problems claimed one by one)" and "handlingReport" steps of the inquiry are these, per problem.
package struct InquiryProblemProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case assigned, claimed, reported, overdue
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 认领 by the responsible unit.
        case claim
        /// The congress's opinions: the handling report is due on `due` (the `inquiryReport` timer).
        case startTracking(due: CalendarDate)
        /// 办理情况报告 by the responsible unit.
        case report(status: ProblemStatus)
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .claim: "claim"
            case .startTracking: "startTracking"
            case .report(let status): "report(\(status.rawValue))"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let problemId: String
    package let inquiryId: String
    /// The responsible unit (责任单位).
    package let unit: AgencyID
    package let title: String
    package let category: String
    package internal(set) var state: State = .assigned
    /// The status its unit reported.
    package internal(set) var status: ProblemStatus?
    package internal(set) var timers = TimerBook()

    package init(problem: InquiryProblem, inquiryId: String) {
        self.problemId = problem.problemId
        self.inquiryId = inquiryId
        self.unit = problem.unit
        self.title = problem.title
        self.category = problem.category
    }

    /// Whether the report deadline has been started (it runs, or it expired).
    package var isTracked: Bool {
        timers.isRunning(.inquiryReport) || timers.overdue[.inquiryReport] != nil
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .claim:
            try requireUnit(actor, event)
            guard state == .assigned else {
                throw ProtocolViolation(.alreadyDone, "problem \(problemId) of \(inquiryId) was already claimed")
            }
            state = .claimed
        case .startTracking(let due):
            try actor.require([.congress], for: event.name, subject: problemId)
            guard state == .claimed else { throw .outOfOrder(event.name, in: state.rawValue, subject: problemId) }
            guard !isTracked else {
                throw ProtocolViolation(.alreadyDone, "the handling report of \(problemId) is already due on a set day")
            }
            guard due > date else {
                throw ProtocolViolation(.invalidArgument, "the handling report of \(problemId) must be due after \(date), not on \(due)")
            }
            return [
                timers.start(
                    .inquiryReport, due: due, from: date, obligated: .agency(unit), supervisor: .congress, rules: rules)
            ]
        case .report(let status):
            try requireUnit(actor, event)
            switch state {
            case .claimed, .overdue: break
            case .reported: throw ProtocolViolation(.alreadyDone, "problem \(problemId) of \(inquiryId) was already reported on")
            case .assigned: throw .outOfOrder(event.name, in: state.rawValue, subject: problemId)
            }
            state = .reported
            self.status = status
            return timers.cancel(.inquiryReport)
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: problemId, by: actor)
        case .timerExpired(let kind):
            let effects = try timers.expire(kind, subject: problemId, by: actor)
            if state == .claimed { state = .overdue }
            return effects
        }
        return []
    }

    private func requireUnit(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.agency, .procuratorate], for: event.name, subject: problemId)
        guard actor.agency == unit else {
            throw ProtocolViolation(
                .notAssignedToUnit, "\(event.name) for problem \(problemId) from \(actor), but it is assigned to \(unit)")
        }
    }
}
