import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct SpecialInquiryProcessTests {
    typealias Fixture = InquiryFixture

    static let date = day("2024-10-15")
    static let housing = ProtocolActor.agency(Fixture.housing)
    static let ecology = ProtocolActor.agency(Fixture.ecology)

    /// 交办会: straight from the topic (research is optional); each unit with problems is told how
    /// many, in the inquiry's order of units; the water bureau, with none, is not.
    @Test func theAssignmentTellsEachUnitWithProblems() throws {
        var inquiry = Fixture.topicSet
        let assigned = try inquiry.received(.assign(problems: Fixture.problems), at: Self.date, by: .congress, rules: rules2024)
        #expect(assigned.to == .assigned)
        #expect(
            assigned.effects == [
                .notify(Self.housing, "交办: 2 problems of special inquiry XW-2024-01, to claim one by one"),
                .notify(Self.ecology, "交办: 1 problem of special inquiry XW-2024-01, to claim one by one"),
            ])
        #expect(inquiry.problems == ["XW-2024-01-P01": Fixture.housing, "XW-2024-01-P02": Fixture.housing, "XW-2024-01-P03": Fixture.ecology])
    }

    /// A problem for a unit that does not answer in this inquiry, a problem id twice, or no problem.
    @Test func theAssignmentIsWellFormed() {
        let stranger = InquiryProblem(problemId: "X-1", category: "财政", title: "—", unit: "jinzhou.finance")
        for problems in [[stranger], Fixture.problems + [Fixture.problems[1]], []] {
            let refused = refusal(Fixture.topicSet) {
                try $0.received(.assign(problems: problems), at: Self.date, by: .congress, rules: rules2024)
            }
            #expect(refused?.rule == .invalidArgument)
        }
    }

    /// 认领 one by one, each unit its own: another unit's problem is refused, so is a second claim;
    /// the session waits for the last claim and names what is unclaimed.
    @Test func everyProblemIsClaimedBeforeTheSession() throws {
        var inquiry = try Fixture.process(in: .research)
        _ = try inquiry.received(.assign(problems: Fixture.problems), at: Self.date, by: .congress, rules: rules2024)
        let early = refusal(inquiry) { try $0.received(.holdSession, at: Self.date, by: .congress, rules: rules2024) }
        #expect(early?.rule == .problemNotClaimed)
        #expect(early?.message.contains("unclaimed: XW-2024-01-P01, XW-2024-01-P02, XW-2024-01-P03") == true)

        let theirs = refusal(inquiry) {
            try $0.received(.claim(problemIds: ["XW-2024-01-P03"]), at: Self.date, by: Self.housing, rules: rules2024)
        }
        #expect(theirs?.rule == .notAssignedToUnit)
        #expect(theirs?.message.contains("assigned to jinzhou.ecology") == true)

        _ = try inquiry.received(.claim(problemIds: ["XW-2024-01-P01"]), at: Self.date, by: Self.housing, rules: rules2024)
        _ = try inquiry.received(.claim(problemIds: ["XW-2024-01-P02"]), at: Self.date, by: Self.housing, rules: rules2024)
        let twice = refusal(inquiry) {
            try $0.received(.claim(problemIds: ["XW-2024-01-P01"]), at: Self.date, by: Self.housing, rules: rules2024)
        }
        #expect(twice?.rule == .alreadyDone)
        let sameIdTwice = refusal(inquiry) {
            try $0.received(.claim(problemIds: Fixture.ecologyIds + Fixture.ecologyIds), at: Self.date, by: Self.ecology, rules: rules2024)
        }
        #expect(sameIdTwice?.rule == .invalidArgument)
        let last = refusal(inquiry) { try $0.received(.holdSession, at: Self.date, by: .congress, rules: rules2024) }
        #expect(last?.message.hasSuffix("unclaimed: XW-2024-01-P03") == true)

        _ = try inquiry.received(.claim(problemIds: Fixture.ecologyIds), at: Self.date, by: Self.ecology, rules: rules2024)
        #expect(inquiry.claimed == Set(Fixture.housingIds + Fixture.ecologyIds))
        #expect(try inquiry.received(.holdSession, at: day("2024-10-24"), by: .congress, rules: rules2024).to == .session)
    }

    /// 审议意见 go to every unit that answered, with the day the reports are due (after today).
    @Test func theOpinionsSetTheReportDay() throws {
        let session = try Fixture.process(in: .session)
        let today = refusal(session) {
            try $0.received(.sendOpinions(reportDue: day("2024-11-05")), at: day("2024-11-05"), by: .congress, rules: rules2024)
        }
        #expect(today?.rule == .invalidArgument)
        var inquiry = session
        let sent = try inquiry.received(.sendOpinions(reportDue: Fixture.reportDue), at: day("2024-11-05"), by: .congress, rules: rules2024)
        #expect(sent.to == .opinionsSent && inquiry.reportDue == Fixture.reportDue)
        #expect(sent.effects.notified == Fixture.units.map { .agency($0) })
    }

    /// 办理情况报告: each unit its own problems, once; reported when the last is in.
    @Test func reportedOnceEveryProblemIsReportedOn() throws {
        var inquiry = try Fixture.process(in: .session)
        _ = try inquiry.received(.sendOpinions(reportDue: Fixture.reportDue), at: day("2024-11-05"), by: .congress, rules: rules2024)
        let first = try inquiry.received(.report(problemIds: Fixture.ecologyIds), at: day("2025-01-10"), by: Self.ecology, rules: rules2024)
        #expect(first.to == .opinionsSent)
        let again = refusal(inquiry) {
            try $0.received(.report(problemIds: Fixture.ecologyIds), at: day("2025-01-11"), by: Self.ecology, rules: rules2024)
        }
        #expect(again?.rule == .alreadyDone)
        _ = try inquiry.received(.report(problemIds: ["XW-2024-01-P01"]), at: day("2025-01-12"), by: Self.housing, rules: rules2024)
        #expect(inquiry.state == .opinionsSent)
        let last = try inquiry.received(.report(problemIds: ["XW-2024-01-P02"]), at: day("2025-01-13"), by: Self.housing, rules: rules2024)
        #expect(last.to == .reported && inquiry.reported.count == 3)
    }

    /// 回头看: a second inquiry or an interpellation must be named; closing with unresolved items is
    /// allowed; only the inquiry's own problems can be unresolved.
    @Test func theLookBackNamesWhatFollows() throws {
        let tracking = try Fixture.process(in: .tracking)
        for outcome in [LookBackOutcome.reinquiry, .interpellation] {
            for missing in [nil, "", "  "] {
                let refused = refusal(tracking) {
                    try $0.received(
                        .lookBack(outcome: outcome, unresolved: Fixture.ecologyIds, followUpId: missing), at: day("2025-06-16"),
                        by: .congress, rules: rules2024)
                }
                #expect(refused?.rule == .invalidArgument, "\(outcome) with \(String(describing: missing))")
            }
        }
        let unknown = refusal(tracking) {
            try $0.received(.lookBack(outcome: .closed, unresolved: ["P-99"], followUpId: nil), at: day("2025-06-16"), by: .congress)
        }
        #expect(unknown?.rule == .invalidArgument)

        var closed = tracking
        _ = try closed.received(
            .lookBack(outcome: .closed, unresolved: Fixture.ecologyIds, followUpId: nil), at: day("2025-06-16"), by: .congress)
        #expect(closed.state == .closed && closed.unresolved == Fixture.ecologyIds && closed.outcome == .closed)

        let again = try Fixture.process(in: .reinquired)
        #expect(again.followUpId == Fixture.followUpId && again.outcome == .reinquiry && again.unresolved == Fixture.ecologyIds)
        #expect(try Fixture.process(in: .interpellated).followUpId == "ZX-2025-01")
    }
}
