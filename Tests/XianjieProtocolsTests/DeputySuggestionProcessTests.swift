import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct DeputySuggestionProcessTests {
    typealias Fixture = SuggestionFixture
    typealias State = DeputySuggestionProcess.State

    @Test func normalPathWithTimersOnTheRightDays() throws {
        var process = DeputySuggestionProcess(subjectId: "S-1")
        // Registered on the Friday before National Day: 5 working days end on Thursday 10-10.
        let registered = try process.received(
            .register(session: .betweenSessions, domain: .ecologyAndResources, impact: Fixture.inScope),
            at: day("2024-09-27"), by: .congress, rules: rules2024)
        #expect(registered.to == .registered)
        let assignTimer = try #require(registered.effects.startedTimers.first)
        #expect(assignTimer.kind == .assignSuggestion)
        #expect(assignTimer.due == day("2024-10-10"))
        #expect(assignTimer.remindOn == day("2024-10-09"))
        #expect(assignTimer.obligated == .congress)

        let assigned = try process.received(
            .assign(host: Fixture.host, coUnits: [Fixture.coUnit]), at: day("2024-10-08"), by: .congress,
            rules: rules2024)
        #expect(assigned.effects.cancelledTimers == [.assignSuggestion])
        #expect(assigned.effects.notified.contains(.agency(Fixture.coUnit)))
        let replyTimer = try #require(assigned.effects.startedTimers.first)
        #expect(replyTimer == Deadline(
            kind: .suggestionReply, due: day("2025-01-08"), remindOn: day("2025-01-01"),
            obligated: .agency(Fixture.host), supervisor: .congress))

        _ = try process.received(.startHandling, at: day("2024-10-09"), by: .agency(Fixture.host), rules: rules2024)
        let replied = try process.received(.reply, at: day("2024-12-02"), by: .agency(Fixture.host), rules: rules2024)
        #expect(replied.effects.cancelledTimers == [.suggestionReply])
        let feedback = try process.received(.requestFeedback, at: day("2024-12-03"), by: .congress, rules: rules2024)
        #expect(feedback.effects.startedTimers.first?.due == day("2024-12-31"))
        let rated = try process.received(.rate(.basicallySatisfied), at: day("2024-12-10"), by: .deputy("D-01"))
        #expect(rated.to == .closed)
        #expect(rated.effects.cancelledTimers == [.deputyFeedback])
        _ = try process.received(.lookBack(findings: "ok"), at: day("2025-06-01"), by: .coordinator)
        #expect(process.state == .lookBack)
        #expect(process.timers.running.isEmpty)
        #expect(try roundTrip(process) == process)
    }

    @Test func duringSessionRegistrationStartsNoAssignTimer() throws {
        var process = DeputySuggestionProcess(subjectId: "S-2")
        let t = try process.received(
            .register(session: .duringSession, domain: nil, impact: nil), at: day("2024-03-05"), by: .congress)
        #expect(t.effects.isEmpty)
    }

    @Test func extensionNeedsAnExplanationAndHappensOnce() throws {
        var process = DeputySuggestionProcess(subjectId: "S-3")
        _ = try process.received(.register(session: .betweenSessions, domain: nil, impact: nil), at: day("2024-01-29"), by: .congress)
        _ = try process.received(.assign(host: Fixture.host, coUnits: []), at: day("2024-01-31"), by: .congress)
        #expect(process.timers.deadline(.suggestionReply)?.due == day("2024-04-30"))
        #expect(refusal(process) { try $0.received(.requestExtension(explanation: " "), at: day("2024-03-01"), by: .agency(Fixture.host)) }?.rule == .explanationRequired)
        let extended = try process.received(.requestExtension(explanation: "land survey pending"), at: day("2024-03-01"), by: .agency(Fixture.host))
        #expect(extended.effects.startedTimers.first?.due == day("2024-07-31"))
        #expect(refusal(process) { try $0.received(.requestExtension(explanation: "again"), at: day("2024-04-01"), by: .agency(Fixture.host)) }?.rule == .alreadyDone)
    }

    @Test func unsatisfiedRatingLeadsToRehandlingThenClosure() throws {
        var process = try Fixture.process(in: .feedbackPending)
        let rehandle = try process.received(.rate(.unsatisfied), at: day("2024-12-10"), by: .deputy("D-01"), rules: rules2024)
        #expect(rehandle.to == .rehandling)
        #expect(rehandle.effects.startedTimers.first?.kind == .rehandlingReply)
        #expect(rehandle.effects.startedTimers.first?.due == day("2025-01-10"))
        let second = try process.received(.reply, at: day("2025-01-06"), by: .agency(Fixture.host), rules: rules2024)
        #expect(second.effects.cancelledTimers == [.rehandlingReply])
        _ = try process.received(.requestFeedback, at: day("2025-01-07"), by: .congress, rules: rules2024)
        let closed = try process.received(.rate(.unsatisfied), at: day("2025-01-08"), by: .deputy("D-01"), rules: rules2024)
        #expect(closed.to == .closed)
        #expect(closed.effects.jointMeetingItems.count == 1)
        #expect(process.ratings == [.unsatisfied, .unsatisfied])
    }

    @Test func overdueReplyEscalatesAndStillAcceptsTheReply() throws {
        var process = try Fixture.process(in: .handling)
        let reminded = try process.received(.reminderDue(.suggestionReply), at: day("2024-12-31"), by: .coordinator, rules: rules2024)
        #expect(reminded.effects.notified == [.agency(Fixture.host)])
        let overdue = try process.received(.timerExpired(.suggestionReply), at: day("2025-01-09"), by: .coordinator, rules: rules2024)
        #expect(overdue.to == .replyOverdue)
        #expect(overdue.effects.notified == [.agency(Fixture.host), .congress])
        #expect(overdue.effects.jointMeetingItems.first?.due == day("2025-01-08"))
        #expect(Array(process.timers.overdue.keys) == [.suggestionReply])
        #expect(refusal(process) { try $0.received(.timerExpired(.suggestionReply), at: day("2025-01-10"), by: .coordinator) }?.rule == .timerNotRunning)
        _ = try process.received(.reply, at: day("2025-01-15"), by: .agency(Fixture.host), rules: rules2024)
        #expect(process.state == .replied)
    }

    @Test func transferIsScreenedForScope() throws {
        var process = try Fixture.process(in: .registered)
        let transferred = try process.received(.transferToProcuratorate, at: day("2024-09-30"), by: .congress, rules: rules2024)
        #expect(transferred.effects.notified == [.procuratorate, .congress])
        #expect(refusal(process) { try $0.received(.transferToProcuratorate, at: day("2024-10-08"), by: .congress) }?.rule == .alreadyDone)
        #expect(refusal(process) { try $0.received(.transferAssessed(.declined, caseId: nil, reason: ""), at: day("2024-10-08"), by: .procuratorate) }?.rule == .explanationRequired)
        _ = try process.received(.transferAssessed(.declined, caseId: nil, reason: "already under a case"), at: day("2024-10-08"), by: .procuratorate)
        #expect(process.transfer == .declined(reason: "already under a case"))

        var outside = DeputySuggestionProcess(subjectId: "S-9")
        _ = try outside.received(.register(session: .betweenSessions, domain: .culturalRelics, impact: Fixture.inScope), at: day("2024-09-27"), by: .congress)
        let refused = refusal(outside) { try $0.received(.transferToProcuratorate, at: day("2024-09-30"), by: .congress) }
        #expect(refused?.rule == .outOfScope)
        #expect(refused?.message.contains("culturalRelics") == true)
        let widened = ProtocolRules(scope: ScopeScreening(domains: [.culturalRelics]))
        _ = try outside.received(.transferToProcuratorate, at: day("2024-09-30"), by: .congress, rules: widened)
    }

    @Test func namedViolations() throws {
        let registered = try Fixture.process(in: .registered)
        #expect(refusal(registered) { try $0.received(.reply, at: day("2024-10-01"), by: .agency(Fixture.host)) }?.rule == .replyNeverIssued)
        #expect(refusal(registered) { try $0.received(.rate(.satisfied), at: day("2024-10-01"), by: .deputy("D-01")) }?.rule == .ratingBeforeReply)
        let handling = try Fixture.process(in: .handling)
        #expect(refusal(handling) { try $0.received(.rate(.satisfied), at: day("2024-10-01"), by: .deputy("D-01")) }?.rule == .ratingBeforeReply)
        #expect(refusal(handling) { try $0.received(.reply, at: day("2024-10-01"), by: .agency(Fixture.coUnit)) }?.rule == .replyFromWrongAgency)
        #expect(refusal(handling) { try $0.received(.rate(.satisfied), at: day("2024-10-01"), by: .congress) }?.rule == .wrongParty)
        let submitted = try Fixture.process(in: .submitted)
        #expect(refusal(submitted) { try $0.received(.register(session: .duringSession, domain: nil, impact: nil), at: day("2024-10-01"), by: .agency(Fixture.host)) }?.rule == .wrongParty)
        let outOfOrder = refusal(submitted) { try $0.received(.assign(host: Fixture.host, coUnits: []), at: day("2024-10-01"), by: .congress) }
        #expect(outOfOrder?.message.contains("transition out of order: assign in state submitted") == true)
        #expect(refusal(registered) { try $0.received(.assign(host: Fixture.host, coUnits: [Fixture.host]), at: day("2024-10-01"), by: .congress) }?.rule == .invalidArgument)
    }

    /// 重新办理 overdue: urged like the first reply, then answered late and rated again.
    @Test func overdueSecondReplyIsUrgedThenAnsweredAndRated() throws {
        var process = try Fixture.process(in: .rehandling)
        let host = ProtocolActor.agency(Fixture.host)
        let overdue = try process.received(.timerExpired(.rehandlingReply), at: day("2025-01-13"), by: .coordinator)
        #expect(overdue.to == .replyOverdue)
        #expect(overdue.effects.notified == [host, .congress] && overdue.effects.jointMeetingItems.count == 1)
        let late = try process.received(.reply, at: day("2025-01-20"), by: host, rules: rules2024)
        #expect(late.to == .replied && late.effects.cancelledTimers == [.rehandlingReply])
        #expect(process.round == 2 && process.timers.overdue.isEmpty)
        let rated = try process.received(.rate(.satisfied), at: day("2025-01-21"), by: .deputy("D-01"), rules: rules2024)
        #expect(rated.to == .closed && rated.effects.jointMeetingItems.isEmpty)
        #expect(process.ratings == [.unsatisfied, .satisfied])
        #expect(process.timers.running.isEmpty && process.timers.overdue.isEmpty)
    }
}
