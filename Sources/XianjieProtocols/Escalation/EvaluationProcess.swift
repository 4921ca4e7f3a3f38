import XianjieMessages

/// 满意度测评 (DOMAIN.md §4 I): the standing committee rates the units' work by anonymous ballot.
///
/// scheduled (测评安排: the units, the members entitled to vote) → the announced tally (测评结果, e.g.
/// 26 satisfied / 0 basically / 0 unsatisfied) makes it accepted, or followUp when, for any unit,
/// unsatisfied votes exceed `escalation.evaluationFollowUpShare` of the votes cast (that unit is told).
/// DOMAIN.md's reportHeard and voting happen in the hall and are not bus events: the tally carries
/// their outcome. Anonymous by construction: only counts, no voter. Only members present vote
/// (observers, 列席, do not). Every event comes from the congress.
package struct EvaluationProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case scheduled, accepted, followUp
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 公布测评结果: members present, observers (who do not vote), one tally per scheduled unit.
        case announce(membersPresent: Int, observers: Int, tallies: [EvaluationTally])

        package var name: String {
            switch self {
            case .announce: "announce"
            }
        }
    }

    package let ballotId: String
    /// What is evaluated (e.g. the special inquiry), when it is one subject.
    package let subjectId: String?
    /// The units rated.
    package let units: [AgencyID]
    /// The standing committee members entitled to vote.
    package let membersTotal: Int
    package internal(set) var state: State = .scheduled
    package internal(set) var membersPresent: Int?
    package internal(set) var observers: Int?
    package internal(set) var tallies: [EvaluationTally] = []
    /// The units whose unsatisfied share exceeds the threshold (整改跟踪).
    package internal(set) var followUpUnits: [AgencyID] = []

    package init(ballotId: String, units: [AgencyID], membersTotal: Int, subjectId: String? = nil) {
        self.ballotId = ballotId
        self.units = units
        self.membersTotal = membersTotal
        self.subjectId = subjectId
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        try actor.require([.congress], for: event.name, subject: ballotId)
        switch event {
        case .announce(let present, let observers, let tallies):
            guard state == .scheduled else { throw .outOfOrder(event.name, in: state.rawValue, subject: ballotId) }
            try check(present: present, observers: observers, tallies)
            let share = rules.escalation.evaluationFollowUpShare
            // In the order of the scheduled units; a unit with no votes cast needs no follow-up.
            let behind = units.compactMap { unit in tallies.first { $0.unit == unit } }.filter { tally in
                tally.votesCast > 0 && Double(tally.unsatisfied) / Double(tally.votesCast) > share
            }
            membersPresent = present
            self.observers = observers
            self.tallies = tallies
            followUpUnits = behind.map(\.unit)
            state = behind.isEmpty ? .accepted : .followUp
            return behind.map { tally in
                .notify(
                    .agency(tally.unit),
                    "满意度测评 \(ballotId): \(tally.unsatisfied) of \(tally.votesCast) votes unsatisfied, above the share \(share); follow-up (整改跟踪) required")
            }
        }
    }

    /// The tally adds up: present members within the total, one tally per scheduled unit, no count
    /// negative, and no unit with more votes than members present.
    private func check(present: Int, observers: Int, _ tallies: [EvaluationTally]) throws(ProtocolViolation) {
        guard present >= 0, present <= membersTotal, observers >= 0 else {
            throw ProtocolViolation(
                .invalidTally, "ballot \(ballotId): \(present) members present and \(observers) observers, of \(membersTotal) entitled to vote")
        }
        let named = tallies.map(\.unit)
        if let extra = named.first(where: { unit in !units.contains(unit) || named.count { $0 == unit } > 1 }) {
            throw ProtocolViolation(.invalidTally, "ballot \(ballotId): \(extra) is not a scheduled unit or has two tallies")
        }
        if let missing = units.first(where: { !named.contains($0) }) {
            throw ProtocolViolation(.invalidTally, "ballot \(ballotId) has no tally for \(missing)")
        }
        for tally in tallies {
            guard min(tally.satisfied, tally.basicallySatisfied, tally.unsatisfied) >= 0 else {
                throw ProtocolViolation(.invalidTally, "ballot \(ballotId): a negative count for \(tally.unit)")
            }
            // Each count first, so the sum below cannot overflow.
            guard max(tally.satisfied, tally.basicallySatisfied, tally.unsatisfied) <= membersTotal else {
                throw ProtocolViolation(
                    .invalidTally, "ballot \(ballotId): a count for \(tally.unit) above the \(membersTotal) members entitled to vote")
            }
            guard tally.votesCast <= present else {
                throw ProtocolViolation(
                    .invalidTally,
                    "ballot \(ballotId): \(tally.votesCast) votes for \(tally.unit) but \(present) members present; only members present vote")
            }
        }
    }
}
