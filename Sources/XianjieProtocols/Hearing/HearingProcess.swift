import XianjieMessages

/// 听证 (DOMAIN.md §4 H): a public hearing during a case's investigation, with deputies as hearing
/// officers. The proposal and the chief's approval happen inside the procuratorate; the bus sees the
/// notice (prepared: officers named, at least 3 days ahead) and the record (convened, opinions, closed).
package struct HearingProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case proposed, prepared, convened, opinions, closed
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 听证公告: officers named, the day set (at least `hearingNoticeDays` ahead).
        case announce(startsOn: CalendarDate, officers: [Person])
        case convene
        /// The officers' opinions (an important reference for the decision).
        case recordOpinions([HearingRecord.Opinion])
        case close

        package var name: String {
            switch self {
            case .announce: "announce"
            case .convene: "convene"
            case .recordOpinions: "recordOpinions"
            case .close: "close"
            }
        }
    }

    package let hearingId: String
    package let caseId: String
    package internal(set) var state: State = .proposed
    package internal(set) var startsOn: CalendarDate?
    package internal(set) var officers: [Person] = []
    package internal(set) var opinions: [HearingRecord.Opinion] = []

    package init(hearingId: String, caseId: String) {
        self.hearingId = hearingId
        self.caseId = caseId
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        try actor.require([.procuratorate], for: event.name, subject: hearingId)
        switch event {
        case .announce(let startsOn, let officers):
            try step(event, from: .proposed, to: .prepared)
            let earliest = rules.calendar.adding(days: rules.deadlines.hearingNoticeDays, to: date)
            guard startsOn >= earliest else {
                throw ProtocolViolation(
                    .invalidArgument,
                    "hearing \(hearingId) on \(startsOn) is announced too late: the notice goes at least \(rules.deadlines.hearingNoticeDays) days ahead (\(earliest) or later)")
            }
            let ids = officers.compactMap(\.personId)
            guard !officers.isEmpty, ids.count == officers.count, Set(ids).count == ids.count else {
                throw ProtocolViolation(
                    .invalidArgument, "hearing \(hearingId) needs hearing officers, each named once by personId")
            }
            self.startsOn = startsOn
            self.officers = officers
            return [.notify(.congress, "听证公告: \(hearingId) on \(startsOn), \(officers.count) deputies as hearing officers")]
        case .convene:
            if let startsOn, date < startsOn {
                throw ProtocolViolation(.outOfOrder, "hearing \(hearingId) is announced for \(startsOn); it cannot be held on \(date)")
            }
            try step(event, from: .prepared, to: .convened)
        case .recordOpinions(let opinions):
            try step(event, from: .convened, to: .opinions)
            let ids = Set(officers.compactMap(\.personId))
            if let stranger = opinions.first(where: { $0.officer.personId.map { !ids.contains($0) } ?? true }) {
                throw ProtocolViolation(
                    .invalidArgument, "\(stranger.officer.name) gave an opinion in \(hearingId) but was not one of its officers")
            }
            self.opinions = opinions
        case .close:
            try step(event, from: .opinions, to: .closed)
        }
        return []
    }

    private mutating func step(_ event: Event, from: State, to: State) throws(ProtocolViolation) {
        guard state == from else { throw .outOfOrder(event.name, in: state.rawValue, subject: hearingId) }
        state = to
    }
}
