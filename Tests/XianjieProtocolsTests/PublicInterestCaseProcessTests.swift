import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct PublicInterestCaseProcessTests {
    typealias Fixture = CaseFixture
    typealias State = PublicInterestCaseProcess.State

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

    /// 紧急情形: 15 days from delivery, and again from a modifying review; expiry, then a late reply.
    @Test func urgentPathRunsOnFifteenDaysThroughReviewAndExpiry() throws {
        var process = try Fixture.process(in: .investigating)
        let brigade = ProtocolActor.agency(Fixture.brigade)
        _ = try process.received(
            .issueSuggestion(documentNumber: "急-2", addressee: Fixture.brigade, urgent: true, approvedByChief: true),
            at: day("2024-11-01"), by: .procuratorate)
        _ = try process.received(.deliver, at: day("2024-11-04"), by: .procuratorate, rules: rules2024)
        #expect(process.timers.deadline(.procuratorialReply)?.due == day("2024-11-19"))
        _ = try process.received(.objection(reason: "the harm has stopped"), at: day("2024-11-06"), by: brigade)
        _ = try process.received(.beginReview, at: day("2024-11-07"), by: .procuratorate)
        let modified = try process.received(.reviewDecided(.modified), at: day("2024-11-08"), by: .procuratorate, rules: rules2024)
        #expect(modified.to == .awaitingReply)
        #expect(modified.effects.startedTimers.map(\.due) == [day("2024-11-23")])
        #expect(modified.effects.startedTimers.map(\.remindOn) == [day("2024-11-18")])
        let overdue = try process.received(.timerExpired(.procuratorialReply), at: day("2024-11-24"), by: .coordinator)
        #expect(overdue.to == .replyOverdue)
        #expect(overdue.effects.notified == [brigade, .congress])
        #expect(overdue.effects.jointMeetingItems.map(\.due) == [day("2024-11-23")])
        let late = try process.received(.reply(.partiallyRectified), at: day("2024-11-26"), by: brigade)
        #expect(late.to == .replyReceived && late.effects.cancelledTimers == [.procuratorialReply])
        #expect(process.timers.overdue.isEmpty && process.replyStatus == .partiallyRectified)
    }

    /// The reply deadline passes while the objection is under review: withdrawn ends it, modified restarts it.
    @Test func reviewAfterTheReplyDeadline() throws {
        var review = try Fixture.process(in: .underReview)
        _ = try review.received(.timerExpired(.procuratorialReply), at: day("2024-12-09"), by: .coordinator)
        #expect(review.state == .underReview && review.timers.overdue[.procuratorialReply] != nil)

        var withdrawn = review
        let w = try withdrawn.received(.reviewDecided(.withdrawn), at: day("2024-12-10"), by: .procuratorate)
        #expect(w.to == .suggestionWithdrawn && w.effects.cancelledTimers == [.procuratorialReply])
        #expect(withdrawn.timers.overdue.isEmpty)

        var modified = review
        let m = try modified.received(.reviewDecided(.modified), at: day("2024-12-10"), by: .procuratorate, rules: rules2024)
        #expect(m.to == .awaitingReply && modified.timers.overdue.isEmpty)
        #expect(modified.timers.deadline(.procuratorialReply)?.due == day("2025-02-10"))
    }

    /// Upheld after the deadline: the reply is overdue, so the mandatory follow-up must be possible.
    @Test func upheldAfterTheReplyDeadlineIsOverdue() throws {
        var process = try Fixture.process(in: .underReview)
        _ = try process.received(.timerExpired(.procuratorialReply), at: day("2024-12-09"), by: .coordinator)
        let upheld = try process.received(.reviewDecided(.upheld), at: day("2024-12-10"), by: .procuratorate)
        #expect(upheld.to == .replyOverdue)
        _ = try process.received(.beginFollowUp, at: day("2024-12-11"), by: .procuratorate)
    }

    /// Once the follow-up has begun without a reply, no reply can come: the case must not stay overdue.
    @Test func aClosedCaseOwesNoReply() throws {
        var process = try Fixture.process(in: .replyOverdue)
        for event: Fixture.Event in [.beginFollowUp, .followUpConcluded(performed: true), .close] {
            _ = try process.received(event, at: day("2024-12-20"), by: .procuratorate)
        }
        #expect(process.state == .closed)
        expect(.refused(.outOfOrder), sending: .reply(.rectified), by: .agency(Fixture.brigade), to: process, on: day("2024-12-21"), "reply after closing")
        #expect(process.timers.overdue[.procuratorialReply] == nil)
    }

    /// 不依法履职 → 起诉审查 → 起诉 → 判决 | 撤诉; or 终结, which stops every timer, overdue ones too.
    @Test func litigationAndTermination() throws {
        var review = try Fixture.process(in: .replyOverdue)
        for event: Fixture.Event in [.beginFollowUp, .followUpConcluded(performed: false), .beginLitigationReview] {
            _ = try review.received(event, at: day("2024-12-20"), by: .procuratorate)
        }
        #expect(refusal(review) { _ = try $0.received(.terminate(reason: " "), at: Fixture.date, by: .procuratorate) }?.rule == .explanationRequired)
        #expect(refusal(review) { _ = try $0.received(.sue(approvedByChief: false), at: Fixture.date, by: .procuratorate) }?.rule == .chiefApprovalRequired)

        var sued = review
        let suit = try sued.received(.sue(approvedByChief: true), at: day("2025-01-06"), by: .procuratorate)
        #expect(suit.to == .sued && suit.effects == [.notify(.congress, "起诉: C-2024-05")])
        var judged = sued
        #expect(try judged.received(.judgment(summary: "ordered to restore"), at: day("2025-03-01"), by: .procuratorate).to == .judgment)
        #expect(try sued.received(.withdrawOnCompliance, at: day("2025-02-01"), by: .procuratorate).to == .withdrawnOnCompliance)

        let ended = try review.received(.terminate(reason: "the agency complied"), at: day("2025-01-06"), by: .procuratorate)
        #expect(ended.to == .terminated)
        #expect(ended.effects == [
            .notify(.congress, "终结 C-2024-05: the agency complied"), .cancelTimer(.copyToCongress),
            .cancelTimer(.fileWithSuperior),
        ])
        #expect(review.timers.running.isEmpty && review.timers.overdue.isEmpty && review.reason == "the agency complied")

        var investigating = try Fixture.process(in: .investigating)
        let early = try investigating.received(.terminate(reason: "harm ceased"), at: Fixture.date, by: .procuratorate)
        #expect(early.effects == [.notify(.congress, "终结 C-2024-05: harm ceased")])
    }

    /// 回头看: confirmed ends quietly; a recurrence goes on the next joint meeting's agenda.
    @Test func lookBackConfirmedOrRegressed() throws {
        var confirmed = try Fixture.process(in: .closed)
        #expect(try confirmed.received(.lookBack(confirmed: true), at: day("2025-05-20"), by: .procuratorate).effects == [])
        #expect(confirmed.lookBackConfirmed == true)
        var regressed = try Fixture.process(in: .closed)
        let t = try regressed.received(.lookBack(confirmed: false), at: day("2025-05-20"), by: .procuratorate)
        #expect(t.effects == [.queueForJointMeeting(JointMeetingItem(subjectId: "C-2024-05", reason: "回头看: problem recurred"))])
        #expect(regressed.state == .lookBack && regressed.lookBackConfirmed == false)
    }
}
