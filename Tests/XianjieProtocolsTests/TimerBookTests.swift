import Testing
import XianjieMessages

@testable import XianjieProtocols

/// The timer book on its own: running and overdue timers, and the effects each step asks for.
@Suite struct TimerBookTests {
    static let monday = day("2024-11-04")
    static let agency = ProtocolActor.agency("hutubi.market-regulation")

    static func started(_ kind: TimerKind, _ period: DeadlinePeriod) -> (TimerBook, Deadline) {
        var book = TimerBook()
        let effect = book.start(kind, period: period, from: monday, obligated: agency, supervisor: .congress, rules: rules2024)
        guard case .startTimer(let deadline) = effect else { fatalError("start returned \(effect)") }
        return (book, deadline)
    }

    @Test func startSetsTheDueDateAndAReminderBeforeIt() throws {
        // Two months from Monday 11-04 fall on Saturday 01-04; five working days earlier is Monday 12-30.
        let (book, deadline) = Self.started(.procuratorialReply, .months(2))
        #expect(deadline == Deadline(kind: .procuratorialReply, due: day("2025-01-04"), remindOn: day("2024-12-30"), obligated: Self.agency, supervisor: .congress))
        #expect(book.running == [.procuratorialReply: deadline] && book.overdue.isEmpty)
        // A lead reaching back to the start reminds the working day before; none is left for a one-day period.
        #expect(Self.started(.fileWithSuperior, .days(2)).1.remindOn == day("2024-11-05"))
        #expect(Self.started(.fileWithSuperior, .days(1)).1.remindOn == nil)
    }

    @Test func expiryKeepsTheDeadlineAsOverdueAndEscalates() throws {
        var (book, deadline) = Self.started(.procuratorialReply, .months(2))
        let reminder = try book.remind(.procuratorialReply, subject: "C-1", by: .coordinator)
        #expect(reminder == [.notify(Self.agency, "reminder: procuratorialReply for C-1 is due on 2025-01-04")])
        let effects = try book.expire(.procuratorialReply, subject: "C-1", by: .coordinator)
        let text = "overdue: procuratorialReply for C-1 was due on 2025-01-04 from agency(hutubi.market-regulation)"
        #expect(effects == [
            .notify(Self.agency, text), .notify(.congress, text),
            .queueForJointMeeting(JointMeetingItem(subjectId: "C-1", reason: "督办: procuratorialReply overdue", obligated: Self.agency, due: deadline.due)),
        ])
        #expect(book.running.isEmpty && book.overdue == [.procuratorialReply: deadline])
        #expect(throws: ProtocolViolation.self) { try book.expire(.procuratorialReply, subject: "C-1", by: .coordinator) }
        #expect(throws: ProtocolViolation.self) { try book.remind(.procuratorialReply, subject: "C-1", by: .coordinator) }
        #expect(try roundTrip(book) == book)
    }

    @Test func cancelStopsARunningOrAnOverdueTimerAndNothingElse() throws {
        var (book, _) = Self.started(.procuratorialReply, .months(2))
        #expect(book.cancel(.copyToCongress) == [])
        #expect(book.cancel(.procuratorialReply) == [.cancelTimer(.procuratorialReply)])
        #expect(book.running.isEmpty)

        var (overdue, _) = Self.started(.procuratorialReply, .months(2))
        _ = try overdue.expire(.procuratorialReply, subject: "C-1", by: .coordinator)
        #expect(overdue.cancel(.procuratorialReply) == [.cancelTimer(.procuratorialReply)])
        #expect(overdue.overdue.isEmpty)
        #expect(overdue.cancel(.procuratorialReply) == [])
    }

    @Test func restartingAnOverdueTimerClearsItsOverdueEntry() throws {
        var (book, _) = Self.started(.procuratorialReply, .months(2))
        _ = try book.expire(.procuratorialReply, subject: "C-1", by: .coordinator)
        _ = book.start(.procuratorialReply, period: .days(15), from: day("2025-01-06"), obligated: Self.agency, supervisor: .congress, rules: rules2024)
        #expect(book.overdue.isEmpty)
        #expect(book.deadline(.procuratorialReply)?.due == day("2025-01-21"))
    }

    @Test func cancelAllStopsRunningAndOverdueTimersInNameOrder() throws {
        var (book, _) = Self.started(.fileWithSuperior, .days(5))
        _ = book.start(.copyToCongress, period: .days(10), from: Self.monday, obligated: .procuratorate, supervisor: .superiorProcuratorate, rules: rules2024)
        _ = try book.expire(.fileWithSuperior, subject: "C-1", by: .coordinator)
        #expect(book.cancelAll() == [.cancelTimer(.copyToCongress), .cancelTimer(.fileWithSuperior)])
        #expect(book.running.isEmpty && book.overdue.isEmpty)
        #expect(book.cancelAll() == [])
    }
}
