import Testing
import XianjieMessages

@testable import XianjieProtocols

/// The deadline engine's events on the machines: 提醒 → 逾期通知 → 督办, then the obligation met late.
@Suite struct TimerTests {
    /// Every timer the machines start: the reminder tells the obligated party; the expiry tells it and
    /// its supervisor and queues 督办 for the next joint meeting; a late fulfilment cancels it.
    @Test(arguments: TimerKind.allCases)
    func everyTimerRemindsExpiresAndIsMetLate(_ kind: TimerKind) throws {
        let host = ProtocolActor.agency(SuggestionFixture.host)
        let brigade = ProtocolActor.agency(CaseFixture.brigade)
        let unit = ProtocolActor.agency(ItemFixture.unit)
        switch kind {
        case .assignSuggestion:
            try expectLifecycle(
                of: kind, on: SuggestionFixture.process(in: .registered), subject: "S-2024-017", timers: \.timers,
                obligated: .congress, supervisor: .coordinator, overdueIn: .registered,
                metBy: (.assign(host: SuggestionFixture.host, coUnits: []), .congress, .assigned))
        case .suggestionReply:
            try expectLifecycle(
                of: kind, on: SuggestionFixture.process(in: .handling), subject: "S-2024-017", timers: \.timers,
                obligated: host, supervisor: .congress, overdueIn: .replyOverdue, metBy: (.reply, host, .replied))
        case .deputyFeedback:
            try expectLifecycle(
                of: kind, on: SuggestionFixture.process(in: .feedbackPending), subject: "S-2024-017", timers: \.timers,
                obligated: ProtocolActor(role: .deputy), supervisor: .congress, overdueIn: .feedbackPending,
                metBy: (.rate(.satisfied), .deputy("D-01"), .closed))
        case .rehandlingReply:
            try expectLifecycle(
                of: kind, on: SuggestionFixture.process(in: .rehandling), subject: "S-2024-017", timers: \.timers,
                obligated: host, supervisor: .congress, overdueIn: .replyOverdue, metBy: (.reply, host, .replied))
        case .procuratorialReply:
            try expectLifecycle(
                of: kind, on: CaseFixture.process(in: .awaitingReply), subject: "C-2024-05", timers: \.timers,
                obligated: brigade, supervisor: .congress, overdueIn: .replyOverdue,
                metBy: (.reply(.partiallyRectified), brigade, .replyReceived))
        case .fileWithSuperior:
            try expectLifecycle(
                of: kind, on: CaseFixture.process(in: .awaitingReply), subject: "C-2024-05", timers: \.timers,
                obligated: .procuratorate, supervisor: .superiorProcuratorate, overdueIn: .awaitingReply,
                metBy: (.fileWithSuperior, .procuratorate, .awaitingReply))
        case .copyToCongress:
            try expectLifecycle(
                of: kind, on: CaseFixture.process(in: .awaitingReply), subject: "C-2024-05", timers: \.timers,
                obligated: .procuratorate, supervisor: .superiorProcuratorate, overdueIn: .awaitingReply,
                metBy: (.copyToCongress, .procuratorate, .awaitingReply))
        case .rectification:
            try expectLifecycle(
                of: kind, on: ItemFixture.process(in: .inProgress), subject: "T-01", timers: \.timers,
                obligated: unit, supervisor: .coordinator, overdueIn: .inProgress, metBy: (.reportDone, unit, .reportedDone))
        case .lookBack:
            try expectLifecycle(
                of: kind, on: ItemFixture.process(in: .lookBackScheduled), subject: "T-01", timers: \.timers,
                obligated: .coordinator, supervisor: .congress, overdueIn: .lookBackScheduled,
                metBy: (.lookBackResult(confirmed: true, newItemId: nil), .congress, .confirmed))
        case .meetingAssignment:
            let decision = JointMeetingMinutes.Decision(
                decisionId: "D-1", item: "制定修复方案", leadPerson: "王队长", responsibleUnit: ItemFixture.unit,
                deadline: day("2024-12-20"))
            var assignment = MeetingAssignmentProcess(decision: decision, meetingId: "WO-2024-12-02")
            _ = try assignment.received(.publish, at: day("2024-12-02"), by: .coordinator)
            try expectLifecycle(
                of: kind, on: assignment, subject: "D-1", timers: \.timers, obligated: unit, supervisor: .coordinator,
                overdueIn: .overdue, metBy: (.finish, unit, .done))
        case .clueAcknowledgement, .clueFeedback:
            let from: AgencyID = "manas.procuratorate"
            let to: AgencyID = "hutubi.procuratorate"
            var transfer = ClueTransferProcess(transferId: "T-1", agreementId: "S101")
            _ = try transfer.received(
                .send(from: from, to: to, acknowledgeWithinDays: 7, feedbackWithinDays: 30), at: day("2024-06-05"),
                by: ProtocolActor(role: .procuratorate, agency: from))
            let receiver = ProtocolActor(role: .procuratorate, agency: to)
            if kind == .clueAcknowledgement {
                try expectLifecycle(
                    of: kind, on: transfer, subject: "T-1", timers: \.timers, obligated: .agency(to), supervisor: .agency(from),
                    overdueIn: .sent, metBy: (.acknowledge(registeredAs: nil), receiver, .acknowledged))
            } else {
                _ = try transfer.received(.acknowledge(registeredAs: nil), at: day("2024-06-06"), by: receiver)
                try expectLifecycle(
                    of: kind, on: transfer, subject: "T-1", timers: \.timers, obligated: .agency(to), supervisor: .agency(from),
                    overdueIn: .acknowledged, metBy: (.feedback(.handled), receiver, .closed))
            }
        case .assistance:
            let from: AgencyID = "hutubi.procuratorate"
            let to: AgencyID = "manas.procuratorate"
            var request = AssistanceProcess(requestId: "A-1", agreementId: "S101")
            _ = try request.received(
                .request(from: from, to: to, dueBy: day("2024-06-28")), at: day("2024-06-14"),
                by: ProtocolActor(role: .procuratorate, agency: from))
            try expectLifecycle(
                of: kind, on: request, subject: "A-1", timers: \.timers, obligated: .agency(to), supervisor: .agency(from),
                overdueIn: .requested, metBy: (.answer, ProtocolActor(role: .procuratorate, agency: to), .answered))
        case .inquiryReport:
            let problemUnit = ProtocolActor.agency(ProblemFixture.unit)
            try expectLifecycle(
                of: kind, on: ProblemFixture.process(in: .claimed), subject: ProblemFixture.problem.problemId,
                timers: \.timers, obligated: problemUnit, supervisor: .congress, overdueIn: .overdue,
                metBy: (.report(status: .resolved), problemUnit, .reported))
        case .interpellationAnswer:
            let addressee = ProtocolActor.agency(InterpellationFixture.addressee)
            try expectLifecycle(
                of: kind, on: InterpellationFixture.process(in: .formDecided), subject: InterpellationFixture.interpellationId,
                timers: \.timers, obligated: addressee, supervisor: .congress, overdueIn: .formDecided,
                metBy: (.answer(round: 1), addressee, .answered))
            // The re-answer runs on the same kind of timer.
            try expectLifecycle(
                of: kind, on: InterpellationFixture.process(in: .unsatisfied), subject: InterpellationFixture.interpellationId,
                timers: \.timers, obligated: addressee, supervisor: .congress, overdueIn: .unsatisfied,
                metBy: (.answer(round: 2), addressee, .answered))
        }
    }

    /// Only the deadline engine (the coordinator) feeds timer events to the machines
    /// (`WorkflowBook.advance` sends them as `.coordinator`); from anyone else they are refused.
    @Test func timerEventsComeOnlyFromTheDeadlineEngine() throws {
        let wrong = ProtocolActor.Role.allCases.filter { $0 != .coordinator }.map {
            representative(of: $0, agency: "hutubi.forestry")
        }
        let a = try SuggestionFixture.process(in: .handling)
        let b = try CaseFixture.process(in: .awaitingReply)
        let g = try ItemFixture.process(in: .inProgress)
        let d = try AssignmentFixture.process(in: .inProgress)
        #expect(acceptedFrom(wrong, a, kind: .suggestionReply, on: day("2025-01-09")).isEmpty, "track A")
        #expect(acceptedFrom(wrong, b, kind: .procuratorialReply, on: day("2024-12-09")).isEmpty, "track B")
        #expect(acceptedFrom(wrong, g, kind: .rectification, on: day("2025-01-01")).isEmpty, "track G")
        #expect(acceptedFrom(wrong, d, kind: .meetingAssignment, on: day("2024-12-21")).isEmpty, "track D")
        let sent = try ClueTransferFixture.process(in: .sent)
        let acknowledged = try ClueTransferFixture.process(in: .acknowledged)
        let requested = try AssistanceFixture.process(in: .requested)
        #expect(acceptedFrom(wrong, sent, kind: .clueAcknowledgement, on: day("2024-06-22")).isEmpty, "track E transfer")
        #expect(acceptedFrom(wrong, acknowledged, kind: .clueFeedback, on: day("2024-07-15")).isEmpty, "track E feedback")
        #expect(acceptedFrom(wrong, requested, kind: .assistance, on: day("2024-06-29")).isEmpty, "track E assistance")
        let problem = try ProblemFixture.process(in: .claimed)
        let interpellation = try InterpellationFixture.process(in: .formDecided)
        #expect(acceptedFrom(wrong, problem, kind: .inquiryReport, on: day("2025-02-01")).isEmpty, "track I problem")
        #expect(acceptedFrom(wrong, interpellation, kind: .interpellationAnswer, on: day("2025-07-26")).isEmpty, "track I interpellation")
    }

    /// New Year's Day 2025 (a Wednesday) configured as a holiday, with a weekend in the same period.
    static let newYear = ProtocolRules(calendar: WorkingDayCalendar(holidays: [day("2025-01-01")]))

    @Test func workingDaysSkipTheWeekendAndAConfiguredHoliday() throws {
        let register = DeputySuggestionProcess.Event.register(session: .betweenSessions, domain: nil, impact: nil)
        // 交办, 5 working days from Friday 12-27: Mon 30, Tue 31, (Wed 1 off), Thu 2, Fri 3, (weekend), Mon 6.
        var suggestion = DeputySuggestionProcess(subjectId: "S-NY")
        let registered = try suggestion.received(register, at: day("2024-12-27"), by: .congress, rules: Self.newYear)
        let assign = try #require(registered.effects.startedTimers.first)
        #expect(assign.due == day("2025-01-06"))
        // Five working days back from the due date reach the start: remind the working day before.
        #expect(assign.remindOn == day("2025-01-03"))
        var plain = DeputySuggestionProcess(subjectId: "S-NY")
        let withoutHoliday = try plain.received(register, at: day("2024-12-27"), by: .congress, rules: ProtocolRules())
        #expect(withoutHoliday.effects.startedTimers.first?.due == day("2025-01-03"))

        // 征询意见, 20 working days from Monday 12-23: 6 in December, then 2, 3, 6–10, 13–17, 20, 21 January.
        var replied = try SuggestionFixture.process(in: .replied)
        let feedback = try replied.received(.requestFeedback, at: day("2024-12-23"), by: .congress, rules: Self.newYear)
        #expect(feedback.effects.startedTimers.first?.due == day("2025-01-21"))
        #expect(feedback.effects.startedTimers.first?.remindOn == day("2025-01-14"))

        // Calendar-day periods count the weekend and the holiday: filing falls on New Year's Day itself.
        var issued = try CaseFixture.process(in: .suggestionIssued)
        let delivered = try issued.received(.deliver, at: day("2024-12-27"), by: .procuratorate, rules: Self.newYear)
        let due = Dictionary(uniqueKeysWithValues: delivered.effects.startedTimers.map { ($0.kind, $0.due) })
        #expect(due == [.fileWithSuperior: day("2025-01-01"), .copyToCongress: day("2025-01-06"), .procuratorialReply: day("2025-02-27")])
        // Its reminder: five working days back reach the start, so the working day before the holiday.
        #expect(issued.timers.deadline(.fileWithSuperior)?.remindOn == day("2024-12-31"))
    }
}

/// The events the deadline engine feeds back, shared by the machines that run timers.
protocol TimerEvents {
    static func reminderDue(_ kind: TimerKind) -> Self
    static func timerExpired(_ kind: TimerKind) -> Self
}

extension DeputySuggestionProcess.Event: TimerEvents {}
extension PublicInterestCaseProcess.Event: TimerEvents {}
extension ThreeListsProcess.Event: TimerEvents {}
extension MeetingAssignmentProcess.Event: TimerEvents {}
extension ClueTransferProcess.Event: TimerEvents {}
extension AssistanceProcess.Event: TimerEvents {}
extension InquiryProblemProcess.Event: TimerEvents {}
extension InterpellationProcess.Event: TimerEvents {}

/// The (event, sender) pairs among the two timer events for running `kind` from each of `senders`
/// that `process` does not refuse for `wrongParty`.
private func acceptedFrom<P: ProtocolProcess>(
    _ senders: [ProtocolActor], _ process: P, kind: TimerKind, on date: CalendarDate
) -> [String] where P.Event: TimerEvents {
    senders.flatMap { actor in
        [("reminderDue", P.Event.reminderDue(kind)), ("timerExpired", P.Event.timerExpired(kind))].compactMap { name, event in
            var copy = process
            do throws(ProtocolViolation) {
                _ = try copy.received(event, at: date, by: actor, rules: rules2024)
            } catch {
                if error.rule == .wrongParty { return nil }
            }
            return "\(name)(\(kind.rawValue)) from \(actor)"
        }
    }
}

/// Reminder, expiry (with the state it leaves the process in), a second expiry refused, then the
/// obligation met late: it cancels the overdue timer.
private func expectLifecycle<P: ProtocolProcess & Equatable>(
    of kind: TimerKind, on start: P, subject: String, timers: KeyPath<P, TimerBook>, obligated: ProtocolActor,
    supervisor: ProtocolActor, overdueIn overdueState: P.State, metBy met: (P.Event, ProtocolActor, P.State),
    sourceLocation: SourceLocation = #_sourceLocation
) throws where P.Event: TimerEvents {
    let deadline = try #require(start[keyPath: timers].deadline(kind), sourceLocation: sourceLocation)
    #expect(deadline.obligated == obligated && deadline.supervisor == supervisor, sourceLocation: sourceLocation)
    let after = GregorianDay(deadline.due).adding(days: 1).calendarDate

    var process = start
    let reminded = try process.received(.reminderDue(kind), at: deadline.due, by: .coordinator)
    #expect(reminded.effects == [.notify(obligated, "reminder: \(kind.rawValue) for \(subject) is due on \(deadline.due)")], sourceLocation: sourceLocation)
    #expect(process == start, "a reminder changed the process", sourceLocation: sourceLocation)

    let expired = try process.received(.timerExpired(kind), at: after, by: .coordinator)
    let text = "overdue: \(kind.rawValue) for \(subject) was due on \(deadline.due) from \(obligated)"
    let urging = JointMeetingItem(subjectId: subject, reason: "督办: \(kind.rawValue) overdue", obligated: obligated, due: deadline.due)
    #expect(expired.effects == [.notify(obligated, text), .notify(supervisor, text), .queueForJointMeeting(urging)], sourceLocation: sourceLocation)
    #expect(expired.to == overdueState, sourceLocation: sourceLocation)
    #expect(process[keyPath: timers].overdue == [kind: deadline], sourceLocation: sourceLocation)
    #expect(!process[keyPath: timers].isRunning(kind), sourceLocation: sourceLocation)
    for stale in [P.Event.reminderDue(kind), .timerExpired(kind)] {
        expect(.refused(.timerNotRunning), sending: stale, by: .coordinator, to: process, on: after, "stale \(kind)", sourceLocation: sourceLocation)
    }

    let late = try process.received(met.0, at: after, by: met.1)
    #expect(late.to == met.2, sourceLocation: sourceLocation)
    #expect(late.effects.cancelledTimers.contains(kind), "meeting \(kind) late did not cancel it", sourceLocation: sourceLocation)
    #expect(process[keyPath: timers].overdue[kind] == nil, sourceLocation: sourceLocation)
}
