import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct PublicInterestCaseProcessTests {
    typealias Fixture = CaseFixture
    typealias State = PublicInterestCaseProcess.State

    @Test(arguments: State.allCases)
    func everyEventIsAcceptedExactlyWhereLegal(_ state: State) throws {
        let start = try Fixture.process(in: state)
        #expect(start.state == state)
        expectAcceptedExactlyWhereLegal(
            from: start, legal: Fixture.legal[state] ?? [], samples: Fixture.samples, on: day("2024-10-09"))
    }

    @Test func deliveryStartsTheThreeTimers() throws {
        var process = try Fixture.process(in: .suggestionIssued)
        let delivered = try process.received(.deliver, at: day("2024-09-27"), by: .procuratorate, rules: rules2024)
        let due = Dictionary(uniqueKeysWithValues: delivered.effects.startedTimers.map { ($0.kind, $0.due) })
        #expect(due == [.procuratorialReply: day("2024-11-27"), .fileWithSuperior: day("2024-10-02"), .copyToCongress: day("2024-10-07")])
        #expect(process.timers.deadline(.fileWithSuperior)?.supervisor == .superiorProcuratorate)
        let filed = try process.received(.fileWithSuperior, at: day("2024-09-30"), by: .procuratorate)
        #expect(filed.effects.cancelledTimers == [.fileWithSuperior])
        #expect(refusal(process) { try $0.received(.fileWithSuperior, at: day("2024-09-30"), by: .procuratorate) }?.rule == .alreadyDone)
        let late = try process.received(.timerExpired(.copyToCongress), at: day("2024-10-08"), by: .coordinator)
        #expect(late.to == .awaitingReply)
        #expect(late.effects.notified == [.procuratorate, .superiorProcuratorate])
        _ = try process.received(.copyToCongress, at: day("2024-10-09"), by: .procuratorate)
        #expect(process.copiedToCongress && process.filedWithSuperior)
    }

    @Test func urgentSuggestionHasFifteenDays() throws {
        var process = try Fixture.process(in: .investigating)
        _ = try process.received(.issueSuggestion(documentNumber: "急-1", addressee: Fixture.brigade, urgent: true, approvedByChief: true), at: day("2024-09-25"), by: .procuratorate)
        let delivered = try process.received(.deliver, at: day("2024-09-26"), by: .procuratorate, rules: rules2024)
        let reply = try #require(delivered.effects.startedTimers.first { $0.kind == .procuratorialReply })
        #expect(reply.due == day("2024-10-11"))
        #expect(reply.remindOn == day("2024-09-29"))  // 5 working days back across the holiday
    }

    @Test func issuingNeedsTheChiefsApproval() throws {
        let process = try Fixture.process(in: .investigating)
        let unapproved = Fixture.Event.issueSuggestion(documentNumber: "X", addressee: Fixture.brigade, urgent: false, approvedByChief: false)
        #expect(refusal(process) { try $0.received(unapproved, at: Fixture.date, by: .procuratorate) }?.rule == .chiefApprovalRequired)
        let litigation = try Fixture.process(in: .litigationReview)
        #expect(refusal(litigation) { try $0.received(.sue(approvedByChief: false), at: Fixture.date, by: .procuratorate) }?.rule == .chiefApprovalRequired)
    }

    @Test(arguments: PublicInterestCaseProcess.ReviewOutcome.allCases)
    func objectionReviewOutcomes(_ outcome: PublicInterestCaseProcess.ReviewOutcome) throws {
        var process = try Fixture.process(in: .underReview)
        let originalDue = try #require(process.timers.deadline(.procuratorialReply)?.due)
        let decided = try process.received(.reviewDecided(outcome), at: day("2024-11-01"), by: .procuratorate, rules: rules2024)
        switch outcome {
        case .withdrawn:
            #expect(decided.to == .suggestionWithdrawn)
            #expect(!process.timers.isRunning(.procuratorialReply))
        case .upheld:
            #expect(decided.to == .awaitingReply)
            #expect(process.timers.deadline(.procuratorialReply)?.due == originalDue)
        case .modified:
            #expect(decided.to == .awaitingReply)
            #expect(process.timers.deadline(.procuratorialReply)?.due == day("2025-01-01"))
        }
        #expect(process.reviewOutcome == outcome)
    }

    @Test func namedViolations() throws {
        let investigating = try Fixture.process(in: .investigating)
        let never = refusal(investigating) { try $0.received(.reply(.rectified), at: Fixture.date, by: .agency(Fixture.brigade)) }
        #expect(never?.rule == .replyNeverIssued)
        #expect(never?.message.contains("a reply to a suggestion never issued") == true)
        let awaiting = try Fixture.process(in: .awaitingReply)
        #expect(refusal(awaiting) { try $0.received(.reply(.rectified), at: Fixture.date, by: .agency("hutubi.housing")) }?.rule == .replyFromWrongAgency)
        #expect(refusal(awaiting) { try $0.received(.close, at: Fixture.date, by: .agency(Fixture.brigade)) }?.rule == .wrongParty)
        #expect(refusal(awaiting) { try $0.received(.objection(reason: ""), at: Fixture.date, by: .agency(Fixture.brigade)) }?.rule == .explanationRequired)
        let assessed = try Fixture.process(in: .assessed)
        #expect(refusal(assessed) { try $0.received(.decline(reason: "  "), at: Fixture.date, by: .procuratorate) }?.rule == .explanationRequired)
        #expect(refusal(assessed) { try $0.received(.timerExpired(.procuratorialReply), at: Fixture.date, by: .coordinator) }?.rule == .timerNotRunning)
        let replied = try Fixture.process(in: .replyReceived)
        #expect(refusal(replied) { try $0.received(.close, at: Fixture.date, by: .procuratorate) }?.rule == .outOfOrder)
    }

    @Test func notPerformedReportsUpwardsAndDeclineTellsCongress() throws {
        var process = try Fixture.process(in: .followUpInvestigation)
        let t = try process.received(.followUpConcluded(performed: false), at: Fixture.date, by: .procuratorate)
        #expect(t.effects.notified == [.superiorProcuratorate, .congress])
        var declined = try Fixture.process(in: .assessed)
        let d = try declined.received(.decline(reason: "no harm"), at: Fixture.date, by: .procuratorate)
        #expect(d.effects == [.notify(.congress, "不予立案 C-2024-05 (transfer of S-2024-017): no harm")])
        #expect(declined.reason == "no harm")
        #expect(try roundTrip(process) == process)
    }
}
