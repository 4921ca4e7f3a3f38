import Testing
import XianjieMessages

@testable import XianjieProtocols

/// `"2024-10-01"` as a ``CalendarDate``.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(rawValue: text) else { fatalError("bad test date \(text)") }
    return date
}

/// 2024 National Day (国庆): 10-01 … 10-07 off, Sunday 09-29 and Saturday 10-12 worked (调休).
let nationalDay2024 = WorkingDayCalendar(
    holidays: (1...7).map { day("2024-10-0\($0)") },
    makeUpWorkingDays: [day("2024-09-29"), day("2024-10-12")]
)

let rules2024 = ProtocolRules(calendar: nationalDay2024)

/// Runs `body` on a copy of `machine`, expects a refusal, checks the copy is unchanged, returns the violation.
func refusal<M: Equatable, Result>(
    _ machine: M, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (inout M) throws -> Result
) -> ProtocolViolation? {
    var copy = machine
    do {
        _ = try body(&copy)
    } catch let error as ProtocolViolation {
        #expect(copy == machine, "a refused event changed the process", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("the event was accepted", sourceLocation: sourceLocation)
    return nil
}

extension Array where Element == ProtocolEffect {
    var startedTimers: [Deadline] {
        compactMap { if case .startTimer(let deadline) = $0 { deadline } else { nil } }
    }
    var cancelledTimers: [TimerKind] {
        compactMap { if case .cancelTimer(let kind) = $0 { kind } else { nil } }
    }
    var notified: [ProtocolActor] {
        compactMap { if case .notify(let actor, _) = $0 { actor } else { nil } }
    }
    var jointMeetingItems: [JointMeetingItem] {
        compactMap { if case .queueForJointMeeting(let item) = $0 { item } else { nil } }
    }
    var startedProcesses: [LinkedProcess] {
        compactMap { if case .startProcess(let process) = $0 { process } else { nil } }
    }
}

/// Round-trips a value through the bus JSON dialect.
func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
    try XianjieJSON.decode(T.self, from: XianjieJSON.encode(value))
}
