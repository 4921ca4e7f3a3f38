import XianjieMessages

/// 交办事项 (DOMAIN.md §4 D): a meeting's decision {item, lead person, responsible unit, deadline}.
///
/// open → inProgress → done, or overdue when the deadline passes first (then it goes on the next
/// meeting's agenda, and may still be done).
package struct MeetingAssignmentProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case open, inProgress, done, overdue
    }

    package enum Event: Codable, Sendable, Equatable {
        /// The coordinator publishes it: the deadline runs.
        case publish
        /// The responsible unit reports it under way.
        case start
        /// The responsible unit reports it done.
        case finish
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .publish: "publish"
            case .start: "start"
            case .finish: "finish"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let decisionId: String
    package let meetingId: String
    package let decision: JointMeetingMinutes.Decision
    package internal(set) var state: State = .open
    package internal(set) var published = false
    package internal(set) var timers = TimerBook()

    package init(decision: JointMeetingMinutes.Decision, meetingId: String) {
        self.decisionId = decision.decisionId
        self.meetingId = meetingId
        self.decision = decision
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        let unit = decision.responsibleUnit
        switch event {
        case .publish:
            try actor.require([.coordinator, .congress, .procuratorate], for: event.name, subject: decisionId)
            guard state == .open, !published else { throw outOfOrder(event) }
            published = true
            return [
                .notify(.agency(unit), "交办: \(decision.item), lead \(decision.leadPerson), due \(decision.deadline)"),
                timers.start(
                    .meetingAssignment, due: decision.deadline, from: date, obligated: .agency(unit),
                    supervisor: .coordinator, rules: rules),
            ]
        case .start:
            try requireUnit(actor, event)
            guard state == .open || state == .overdue else { throw outOfOrder(event) }
            state = .inProgress
        case .finish:
            try requireUnit(actor, event)
            guard [.open, .inProgress, .overdue].contains(state) else { throw outOfOrder(event) }
            state = .done
            return timers.cancel(.meetingAssignment)
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: decisionId, by: actor)
        case .timerExpired(let kind):
            let effects = try timers.expire(kind, subject: decisionId, by: actor)
            if state == .open || state == .inProgress { state = .overdue }
            return effects
        }
        return []
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: decisionId)
    }

    private func requireUnit(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.agency, .congress, .procuratorate], for: event.name, subject: decisionId)
        guard actor.agency == decision.responsibleUnit else {
            throw ProtocolViolation(
                .notAssignedToUnit,
                "\(event.name) for \(decisionId) from \(actor), but it is assigned to \(decision.responsibleUnit)")
        }
    }
}
