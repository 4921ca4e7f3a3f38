import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct InterpellationProcessTests {
    typealias Fixture = InterpellationFixture

    static let agency = ProtocolActor.agency(Fixture.addressee)
    static let date = day("2025-07-28")

    /// `count` proposers D-101, D-102, …, answered in round 1.
    static func answered(by count: Int) throws -> InterpellationProcess {
        let proposers = (0..<count).map { Person(name: "委员\($0 + 1)", personId: "D-\(101 + $0)") }
        var interpellation = InterpellationProcess(interpellationId: "ZX-T", addressee: Fixture.addressee, proposers: proposers)
        _ = try interpellation.received(.submit, at: day("2025-06-23"), by: .congress, rules: rules2024)
        _ = try interpellation.received(.decide(form: .oral, answerDue: day("2025-07-25")), at: day("2025-06-25"), by: .congress)
        _ = try interpellation.received(.answer(round: 1), at: day("2025-07-20"), by: agency)
        return interpellation
    }

    /// 联名: 2 members may not submit when 3 are required; the third co-signer makes it; the minimum is
    /// a parameter.
    @Test func submittedOnlyWithEnoughSigners() throws {
        let two = refusal(Fixture.draft) { try $0.received(.submit, at: day("2025-06-21"), by: .congress, rules: rules2024) }
        #expect(two?.rule == .notEnoughSigners)
        #expect(two?.message.contains("has 2 proposers; it needs 3 or more") == true)

        let drafted = try Fixture.process(in: .drafted)
        #expect(drafted.proposers.compactMap(\.personId) == Fixture.proposerIds)
        var five = rules2024
        five.escalation.interpellationMinimumProposers = 5
        #expect(refusal(drafted) { try $0.received(.submit, at: day("2025-06-23"), by: .congress, rules: five) }?.rule == .notEnoughSigners)
        var submitted = drafted
        #expect(try submitted.received(.submit, at: day("2025-06-23"), by: .congress, rules: rules2024).to == .submitted)
    }

    /// A member signs once: a second signature is refused, and the draft keeps a repeated drafter once.
    @Test func eachMemberSignsOnce() throws {
        let again = refusal(try Fixture.process(in: .drafted)) {
            try $0.received(.cosign([Person(name: "陈明", personId: "D-104"), Fixture.cosigner]), at: day("2025-06-22"), by: .congress)
        }
        #expect(again?.rule == .alreadyDone)
        let draft = InterpellationProcess(
            interpellationId: "ZX-T", addressee: Fixture.addressee, proposers: Fixture.drafters + [Fixture.drafters[0]])
        #expect(draft.proposers == Fixture.drafters)
        let nobody = refusal(draft) { try $0.received(.cosign([]), at: day("2025-06-22"), by: .congress) }
        #expect(nobody?.rule == .invalidArgument)
    }

    /// 主任会议: the form and the answer's day; the agency is told and owes the answer.
    @Test func theDecisionStartsTheAnswerDeadline() throws {
        var interpellation = try Fixture.process(in: .submitted)
        let decided = try interpellation.received(
            .decide(form: .oral, answerDue: day("2025-07-25")), at: day("2025-06-25"), by: .congress, rules: rules2024)
        let deadline = try #require(decided.effects.startedTimers.first)
        #expect(decided.to == .formDecided && interpellation.form == .oral)
        #expect(deadline.kind == .interpellationAnswer && deadline.due == day("2025-07-25"))
        #expect(deadline.obligated == Self.agency && deadline.supervisor == .congress)
        #expect(decided.effects.notified == [Self.agency])
    }

    /// Only the agency addressed answers, in round 1 or 2; the answer cancels the deadline.
    @Test func onlyTheAddresseeAnswers() throws {
        let decided = try Fixture.process(in: .formDecided)
        let other = refusal(decided) { try $0.received(.answer(round: 1), at: day("2025-07-20"), by: .agency(InquiryFixture.ecology)) }
        #expect(other?.rule == .replyFromWrongAgency)
        #expect(refusal(decided) { try $0.received(.answer(round: 3), at: day("2025-07-20"), by: Self.agency) }?.rule == .invalidArgument)
        var answered = decided
        let answer = try answered.received(.answer(round: 1), at: day("2025-07-20"), by: Self.agency)
        #expect(answer.to == .answered && answer.effects == [.cancelTimer(.interpellationAnswer)] && answered.round == 1)
    }

    /// More than half of the proposers unsatisfied: exactly half is accepted (2 of 4), above half is
    /// not (2 of 3, 3 of 4, 3 of 5).
    @Test(arguments: [(4, 2, false), (3, 1, false), (3, 2, true), (4, 3, true), (5, 2, false), (5, 3, true), (3, 0, false)])
    func unsatisfiedAboveHalfOfTheProposers(_ proposers: Int, _ unsatisfied: Int, _ reanswer: Bool) throws {
        var interpellation = try Self.answered(by: proposers)
        let ids = (0..<unsatisfied).map { "D-\(101 + $0)" }
        let verdict = try interpellation.received(.assess(unsatisfied: ids), at: Self.date, by: .congress, rules: rules2024)
        #expect(verdict.to == (reanswer ? .unsatisfied : .accepted), "\(unsatisfied) of \(proposers)")
        #expect(interpellation.unsatisfiedProposers == ids)
    }

    /// After an unsatisfied verdict the agency answers again within `reanswerDays` calendar days.
    @Test func theReanswerIsDueInThirtyCalendarDays() throws {
        var interpellation = try Fixture.process(in: .answered)
        let verdict = try interpellation.received(Fixture.unsatisfied, at: Self.date, by: .congress, rules: rules2024)
        let deadline = try #require(verdict.effects.startedTimers.first)
        #expect(deadline.kind == .interpellationAnswer && deadline.due == day("2025-08-27") && deadline.obligated == Self.agency)
        #expect(verdict.effects.first == .notify(Self.agency, "质询案 ZX-2025-01: 2 of 3 proposers unsatisfied; answer again by 2025-08-27"))

        var rules = rules2024
        rules.escalation.reanswerDays = 15
        var shorter = try Fixture.process(in: .answered)
        _ = try shorter.received(Fixture.unsatisfied, at: Self.date, by: .congress, rules: rules)
        #expect(shorter.timers.deadline(.interpellationAnswer)?.due == day("2025-08-12"))
    }

    /// The verdict names only members who signed.
    @Test func onlyProposersJudgeTheAnswer() throws {
        let answered = try Fixture.process(in: .answered)
        let stranger = refusal(answered) { try $0.received(.assess(unsatisfied: ["D-101", "D-999"]), at: Self.date, by: .congress) }
        #expect(stranger?.rule == .notAProposer)
        #expect(stranger?.message.contains("D-999 did not sign") == true)
        let twice = refusal(answered) { try $0.received(.assess(unsatisfied: ["D-101", "D-101"]), at: Self.date, by: .congress) }
        #expect(twice?.rule == .invalidArgument)
    }

    /// The second answer: accepted, or closed unsatisfied with no third round.
    @Test func theSecondVerdictIsFinal() throws {
        var unsatisfied = try Fixture.process(in: .unsatisfied)
        _ = try unsatisfied.received(.answer(round: 2), at: day("2025-08-20"), by: Self.agency)
        var accepted = unsatisfied
        #expect(try accepted.received(.assess(unsatisfied: ["D-103"]), at: day("2025-08-25"), by: .congress).to == .accepted)
        let closed = try Fixture.process(in: .closedUnsatisfied)
        #expect(closed.round == 2 && closed.timers.running.isEmpty)
        #expect(refusal(closed) { try $0.received(.answer(round: 2), at: day("2025-09-01"), by: Self.agency) }?.rule == .outOfOrder)
    }

    /// 撤回 with a reason, before the answer: the deadline stops and the agency is told.
    @Test func withdrawnBeforeTheAnswerOnly() throws {
        var decided = try Fixture.process(in: .formDecided)
        let withdrawn = try decided.received(.withdraw(reason: "已整改到位"), at: day("2025-07-01"), by: .congress)
        #expect(withdrawn.to == .withdrawn && decided.withdrawalReason == "已整改到位")
        #expect(withdrawn.effects == [.cancelTimer(.interpellationAnswer), .notify(Self.agency, "质询案 ZX-2025-01 withdrawn: 已整改到位")])
        let quiet = try Fixture.process(in: .withdrawn)
        #expect(quiet.state == .withdrawn)
        for state in [InterpellationProcess.State.answered, .unsatisfied] {
            let late = refusal(try Fixture.process(in: state)) { try $0.received(.withdraw(reason: "撤回"), at: Self.date, by: .congress) }
            #expect(late?.rule == .outOfOrder, "\(state)")
        }
    }

    /// An expired answer deadline leaves the state and records the overdue deadline (督办).
    @Test func anExpiredDeadlineLeavesTheState() throws {
        var decided = try Fixture.process(in: .formDecided)
        let expired = try decided.received(.timerExpired(.interpellationAnswer), at: day("2025-07-26"), by: .coordinator)
        #expect(expired.to == .formDecided && decided.timers.overdue[.interpellationAnswer]?.due == Fixture.answerDue)
    }
}
