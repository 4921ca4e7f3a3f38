import XianjieMessages

/// 专题询问 (DOMAIN.md §4 I): the standing committee asks the heads of the agencies concerned about a
/// topic, assigns the problems found to them, and tracks them until a look-back decides.
///
/// DOMAIN.md's states map as follows: topicSet (the topic decided: `init`) → research (调研, optional)
/// → assigned (交办会: the problems assigned, then claimed one by one, 认领) → session (询问会议: members
/// ask, agency heads answer; only once every problem is claimed) → opinionsSent (审议意见, with the day
/// the handling reports are due) → reported (办理情况报告: every problem's report is in) → bulletin
/// (工作专报) → tracking (跟踪督办) → the look-back (回头看) ends it as closed, reinquired (a second
/// inquiry: `followUpId`) or interpellated (质询: `followUpId`). The optional satisfaction ballot is its
/// own process (``EvaluationProcess``), and each problem's report deadline is an
/// ``InquiryProblemProcess``. Every event comes from the congress, except the units' claims and reports.
package struct SpecialInquiryProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case topicSet, research, assigned, session, opinionsSent, reported, bulletin, tracking
        case closed, reinquired, interpellated
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 调研: the committee researches the topic (may be skipped).
        case research
        /// 交办会: the problems, each to one of the inquiry's units, at least one, each id once.
        case assign(problems: [InquiryProblem])
        /// 认领: a unit claims problems assigned to it (sent by the agency).
        case claim(problemIds: [String])
        /// 询问会议: members ask, the units' heads answer.
        case holdSession
        /// 审议意见 to the units: their handling reports are due on `reportDue`.
        case sendOpinions(reportDue: CalendarDate)
        /// 办理情况报告: a unit reports on problems assigned to it (sent by the agency).
        case report(problemIds: [String])
        /// 工作专报.
        case publishBulletin
        /// 跟踪督办.
        case track
        /// 回头看: what is still unresolved, and the new inquiry or interpellation unless it closes.
        case lookBack(outcome: LookBackOutcome, unresolved: [String], followUpId: String?)

        package var name: String {
            switch self {
            case .research: "research"
            case .assign: "assign"
            case .claim: "claim"
            case .holdSession: "holdSession"
            case .sendOpinions: "sendOpinions"
            case .report: "report"
            case .publishBulletin: "publishBulletin"
            case .track: "track"
            case .lookBack(let outcome, _, _): "lookBack(\(outcome.rawValue))"
            }
        }
    }

    package let inquiryId: String
    /// The agencies whose heads answer (应询单位).
    package let units: [AgencyID]
    package internal(set) var state: State = .topicSet
    /// Each problem's unit, by problem id.
    package internal(set) var problems: [String: AgencyID] = [:]
    /// The problems their units have claimed.
    package internal(set) var claimed: Set<String> = []
    /// The problems their units have reported on.
    package internal(set) var reported: Set<String> = []
    /// The day the opinions set for the handling reports.
    package internal(set) var reportDue: CalendarDate?
    /// What the look-back found unresolved.
    package internal(set) var unresolved: [String] = []
    package internal(set) var outcome: LookBackOutcome?
    /// The second inquiry or the interpellation the look-back opened.
    package internal(set) var followUpId: String?

    package init(inquiryId: String, units: [AgencyID]) {
        self.inquiryId = inquiryId
        self.units = units
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .claim, .report:
            // An inquiry may question the procuratorate too (人大对检察院的专题询问).
            try actor.require([.agency, .procuratorate], for: event.name, subject: inquiryId)
        default:
            try actor.require([.congress], for: event.name, subject: inquiryId)
        }
        switch event {
        case .research:
            try step(event, from: [.topicSet], to: .research)
        case .assign(let list):
            try step(event, from: [.topicSet, .research], to: .assigned)
            try validate(list)
            problems = Dictionary(uniqueKeysWithValues: list.map { ($0.problemId, $0.unit) })
            return units.compactMap { unit in
                let count = list.count { $0.unit == unit }
                let problems = count == 1 ? "1 problem" : "\(count) problems"
                return count == 0 ? nil : .notify(.agency(unit), "交办: \(problems) of special inquiry \(inquiryId), to claim one by one")
            }
        case .claim(let ids):
            guard state == .assigned else { throw outOfOrder(event) }
            try requireOwn(ids, by: actor, event, notAlready: claimed, "claimed")
            claimed.formUnion(ids)
        case .holdSession:
            guard state == .assigned else { throw outOfOrder(event) }
            let unclaimed = problems.keys.filter { !claimed.contains($0) }.sorted()
            guard unclaimed.isEmpty else {
                throw ProtocolViolation(
                    .problemNotClaimed,
                    "the session of special inquiry \(inquiryId) waits until every problem is claimed; unclaimed: \(unclaimed.joined(separator: ", "))")
            }
            state = .session
        case .sendOpinions(let due):
            try step(event, from: [.session], to: .opinionsSent)
            guard due > date else {
                throw ProtocolViolation(.invalidArgument, "the handling reports of \(inquiryId) must be due after \(date), not on \(due)")
            }
            reportDue = due
            return units.map { .notify(.agency($0), "审议意见: special inquiry \(inquiryId), handling reports due \(due)") }
        case .report(let ids):
            guard state == .opinionsSent else { throw outOfOrder(event) }
            try requireOwn(ids, by: actor, event, notAlready: reported, "reported on")
            reported.formUnion(ids)
            if reported.count == problems.count { state = .reported }
        case .publishBulletin:
            try step(event, from: [.reported], to: .bulletin)
        case .track:
            try step(event, from: [.bulletin], to: .tracking)
        case .lookBack(let outcome, let unresolved, let followUpId):
            try step(event, from: [.tracking], to: Self.state(after: outcome))
            if let unknown = unresolved.first(where: { problems[$0] == nil }) {
                throw ProtocolViolation(.invalidArgument, "the look-back of \(inquiryId) names \(unknown), which is not one of its problems")
            }
            let followUp = followUpId.flatMap { $0.isBlank ? nil : $0 }
            guard outcome == .closed || followUp != nil else {
                throw ProtocolViolation(
                    .invalidArgument, "a look-back of \(inquiryId) deciding \(outcome.rawValue) must name the new subject (followUpId)")
            }
            self.unresolved = unresolved
            self.outcome = outcome
            self.followUpId = followUp
        }
        return []
    }

    private static func state(after outcome: LookBackOutcome) -> State {
        switch outcome {
        case .closed: .closed
        case .reinquiry: .reinquired
        case .interpellation: .interpellated
        }
    }

    private func validate(_ list: [InquiryProblem]) throws(ProtocolViolation) {
        guard !list.isEmpty else {
            throw ProtocolViolation(.invalidArgument, "the assignment of special inquiry \(inquiryId) names no problem")
        }
        var seen: Set<String> = []
        for problem in list {
            guard seen.insert(problem.problemId).inserted else {
                throw ProtocolViolation(.invalidArgument, "problem \(problem.problemId) of \(inquiryId) is assigned twice")
            }
            guard units.contains(problem.unit) else {
                throw ProtocolViolation(
                    .invalidArgument,
                    "problem \(problem.problemId) of \(inquiryId) goes to \(problem.unit), which is not one of the inquiry's units")
            }
        }
    }

    /// Every id names a problem of this inquiry assigned to the sender's agency, once, and not yet done.
    private func requireOwn(
        _ ids: [String], by actor: ProtocolActor, _ event: Event, notAlready done: Set<String>, _ verb: String
    ) throws(ProtocolViolation) {
        guard !ids.isEmpty, Set(ids).count == ids.count else {
            throw ProtocolViolation(.invalidArgument, "\(event.name) for \(inquiryId) must name its problems, each once")
        }
        for id in ids {
            guard let unit = problems[id] else {
                throw ProtocolViolation(.invalidArgument, "\(id) is not a problem of special inquiry \(inquiryId)")
            }
            guard actor.agency == unit else {
                throw ProtocolViolation(.notAssignedToUnit, "problem \(id) of \(inquiryId) is assigned to \(unit), not to \(actor)")
            }
            guard !done.contains(id) else {
                throw ProtocolViolation(.alreadyDone, "problem \(id) of \(inquiryId) was already \(verb)")
            }
        }
    }

    private mutating func step(_ event: Event, from: Set<State>, to: State) throws(ProtocolViolation) {
        guard from.contains(state) else { throw outOfOrder(event) }
        state = to
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: inquiryId)
    }
}
