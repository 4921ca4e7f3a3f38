import XianjieMessages

/// What every joint protocol's state machine shares: events applied to a copy, so a refused event
/// leaves the machine unchanged, and a ``Transition`` naming where it went and what to do.
package protocol ProtocolProcess: Sendable {
    associatedtype State: Sendable & Hashable
    associatedtype Event

    var state: State { get }

    /// Moves the machine for one event and returns the effects; throws, possibly half-way, on a violation.
    mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect]
}

extension ProtocolProcess {
    /// Applies `event` sent by `actor` on `date`. On a violation nothing changes.
    package mutating func received(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules = ProtocolRules()
    ) throws(ProtocolViolation) -> Transition<State> {
        var next = self
        let effects = try next.apply(event, at: date, by: actor, rules: rules)
        let from = state
        self = next
        return Transition(from: from, to: state, effects: effects)
    }
}
