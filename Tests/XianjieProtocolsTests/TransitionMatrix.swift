import Testing
import XianjieMessages

@testable import XianjieProtocols

/// One kind of event a machine takes: its name in the transition tables, a sample of it, its
/// proper sender, and every role that may send it.
struct EventSample<Event: Sendable>: Sendable {
    let name: String
    let event: Event
    let sender: ProtocolActor
    let parties: Set<ProtocolActor.Role>

    init(_ name: String, _ event: Event, by sender: ProtocolActor, parties: Set<ProtocolActor.Role>? = nil) {
        self.name = name
        self.event = event
        self.sender = sender
        self.parties = parties ?? [sender.role]
    }

    /// The deadline engine's two events for every timer kind, named as the machines name them
    /// (`reminderDue(kind)`, `timerExpired(kind)`); only the coordinator sends them.
    static func timers(
        remind: (TimerKind) -> Event, expire: (TimerKind) -> Event
    ) -> [EventSample] {
        TimerKind.allCases.flatMap { kind in
            [
                EventSample("reminderDue(\(kind.rawValue))", remind(kind), by: .coordinator),
                EventSample("timerExpired(\(kind.rawValue))", expire(kind), by: .coordinator),
            ]
        }
    }

    var isTimerEvent: Bool { name.hasPrefix("reminderDue(") || name.hasPrefix("timerExpired(") }
}

/// What one (state, event) pair must do.
enum Expected<State: Hashable>: Hashable {
    case moves(to: State)
    case refused(ProtocolViolation.Rule)
}

/// A process's transition table: the legal (state, event) pairs with their target; every other
/// pair is refused for the rule `refusal` names.
struct TransitionTable<State: Hashable & Sendable>: Sendable {
    let legal: [State: [String: State]]
    let refusal: @Sendable (_ event: String, _ state: State) -> ProtocolViolation.Rule

    func expected(_ event: String, in state: State) -> Expected<State> {
        if let target = legal[state]?[event] { return .moves(to: target) }
        return .refused(refusal(event, state))
    }

    /// Every event name the legal table mentions (to check it against the samples).
    var eventNames: Set<String> { Set(legal.values.flatMap(\.keys)) }

    /// The first state (in `order`) where `event` is legal.
    func stateAccepting(_ event: String, in order: [State]) -> State? {
        order.first { legal[$0]?[event] != nil }
    }
}

/// The deadline engine's two events for a running timer `kind`: the reminder leaves the machine in
/// `state`, the expiry moves it to `expiry` (by default it stays too).
func timer<State>(_ kind: TimerKind, in state: State, expiring expiry: State? = nil) -> [String: State] {
    ["reminderDue(\(kind.rawValue))": state, "timerExpired(\(kind.rawValue))": expiry ?? state]
}

/// One row of a transition table from its parts (events, running timers).
func row<State>(_ parts: [String: State]...) -> [String: State] {
    parts.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
}

/// Sends `event` by `actor` to a copy of `start` and checks the outcome: the target state of an
/// accepted event, or the rule of a refused one, which must leave the process unchanged.
func expect<P: ProtocolProcess & Equatable>(
    _ expected: Expected<P.State>, sending event: P.Event, by actor: ProtocolActor, to start: P,
    on date: CalendarDate, rules: ProtocolRules = rules2024, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var process = start
    do {
        let transition = try process.received(event, at: date, by: actor, rules: rules)
        switch expected {
        case .moves(let target):
            #expect(
                transition.from == start.state && transition.to == target && process.state == target,
                "\(label): went to \(transition.to), expected \(target)", sourceLocation: sourceLocation)
        case .refused(let rule):
            Issue.record("\(label): accepted (to \(transition.to)), expected a refusal for \(rule)", sourceLocation: sourceLocation)
        }
    } catch {
        #expect(process == start, "\(label): the refused event changed the process", sourceLocation: sourceLocation)
        switch expected {
        case .moves(let target):
            Issue.record("\(label): refused (\(error)), expected to go to \(target)", sourceLocation: sourceLocation)
        case .refused(let rule):
            #expect(error.rule == rule, "\(label): \(error)", sourceLocation: sourceLocation)
        }
    }
}

/// Sends `event` by `actor` to a copy of `start` and checks it is refused, for whatever rule, leaving
/// the process unchanged (e.g. the procuratorate acting for a unit that is not its own).
func expectRefused<P: ProtocolProcess & Equatable>(
    sending event: P.Event, by actor: ProtocolActor, to start: P, on date: CalendarDate, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var process = start
    do {
        let transition = try process.received(event, at: date, by: actor, rules: rules2024)
        Issue.record("\(label): accepted (to \(transition.to)), expected a refusal", sourceLocation: sourceLocation)
    } catch {
        #expect(process == start, "\(label): the refused event changed the process", sourceLocation: sourceLocation)
    }
}

/// The actor that stands for `role` in the wrong-party checks: for an agency, the process's own
/// agency (so the refusal is for the role, not the identity); for a deputy, a named one.
func representative(of role: ProtocolActor.Role, agency: AgencyID, deputy: String = "D-01") -> ProtocolActor {
    switch role {
    case .agency: .agency(agency)
    case .deputy: .deputy(deputy)
    default: ProtocolActor(role: role)
    }
}

extension TransitionTable {
    /// The table names only sampled events and every state, and no sample name repeats.
    func expectCovers<Event>(
        _ samples: [EventSample<Event>], states: [State], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(eventNames.isSubset(of: samples.map(\.name)), sourceLocation: sourceLocation)
        #expect(Set(legal.keys) == Set(states), sourceLocation: sourceLocation)
        #expect(Set(samples.map(\.name)).count == samples.count, sourceLocation: sourceLocation)
    }
}

/// Sends every sample, each by its own sender, to `start` and checks the outcome against the table.
func expectEverySample<P: ProtocolProcess & Equatable>(
    _ samples: [EventSample<P.Event>], to start: P, table: TransitionTable<P.State>, on date: CalendarDate,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for sample in samples {
        expect(
            table.expected(sample.name, in: start.state), sending: sample.event, by: sample.sender, to: start, on: date,
            "\(sample.name) in \(start.state)", sourceLocation: sourceLocation)
    }
}
