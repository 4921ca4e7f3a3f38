import XianjieMessages

/// 委托调查取证 (DOMAIN.md §4 E): a party asks another to collect evidence by a day; requested →
/// answered, overdue → 督办.
package struct AssistanceProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case requested, answered
    }

    package enum Event: Codable, Sendable, Equatable {
        case request(from: AgencyID, to: AgencyID, dueBy: CalendarDate)
        case answer
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .request: "request"
            case .answer: "answer"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let requestId: String
    package let agreementId: String
    package internal(set) var state: State = .requested
    package internal(set) var from: AgencyID?
    package internal(set) var to: AgencyID?
    package internal(set) var timers = TimerBook()

    package init(requestId: String, agreementId: String) {
        self.requestId = requestId
        self.agreementId = agreementId
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .request(let from, let to, let dueBy):
            try actor.require([.procuratorate], for: event.name, subject: requestId)
            guard self.from == nil else { throw ProtocolViolation(.alreadyDone, "\(requestId) was already requested") }
            guard dueBy > date else {
                throw ProtocolViolation(.invalidArgument, "assistance \(requestId) is due \(dueBy), not after \(date)")
            }
            self.from = from
            self.to = to
            return [
                timers.start(.assistance, due: dueBy, from: date, obligated: .agency(to), supervisor: .agency(from), rules: rules)
            ]
        case .answer:
            try actor.require([.procuratorate], for: event.name, subject: requestId)
            guard actor.agency == to else {
                throw ProtocolViolation(
                    .replyFromWrongAgency, "an answer to \(requestId) from \(actor), but it was asked of \(to?.rawValue ?? "nobody")")
            }
            guard state == .requested else { throw .outOfOrder(event.name, in: state.rawValue, subject: requestId) }
            state = .answered
            return timers.cancel(.assistance)
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: requestId, by: actor)
        case .timerExpired(let kind):
            return try timers.expire(kind, subject: requestId, by: actor)
        }
    }
}
