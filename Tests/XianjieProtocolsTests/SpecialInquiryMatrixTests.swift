import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 I (a special inquiry) as a table: every event kind in every state, and every wrong
/// sender. The inquiry runs no timers of its own (each problem's report deadline is an
/// ``InquiryProblemProcess``).
@Suite struct SpecialInquiryMatrixTests {
    typealias Fixture = InquiryFixture
    typealias State = SpecialInquiryProcess.State
    typealias Sample = EventSample<SpecialInquiryProcess.Event>

    static let date = day("2025-03-03")
    static let housing = ProtocolActor.agency(Fixture.housing)
    static let ecology = ProtocolActor.agency(Fixture.ecology)
    static let p01 = Fixture.housingIds[0]
    static let p03 = Fixture.ecologyIds[0]

    /// One sample of every event kind: the assignment as it must be and in each way it may not; the
    /// ecology bureau's claim and report of its own problem (the last outstanding in `assigned` and
    /// `opinionsSent`), of the housing bureau's, of one already done and of an unknown one; each outcome
    /// of the look-back, and one deciding a second inquiry without naming it.
    static let samples: [Sample] = [
        Sample("research", .research, by: .congress),
        Sample("assign", .assign(problems: Fixture.problems), by: .congress),
        Sample(
            "assign(strangerUnit)",
            .assign(problems: [InquiryProblem(problemId: "X-1", category: "其他", title: "—", unit: "jinzhou.finance")]),
            by: .congress),
        Sample("assign(problemTwice)", .assign(problems: Fixture.problems + [Fixture.problems[0]]), by: .congress),
        Sample("assign(noProblems)", .assign(problems: []), by: .congress),
        Sample("claim", .claim(problemIds: [p03]), by: ecology),
        Sample("claim(again)", .claim(problemIds: [p01]), by: housing),
        Sample("claim(otherUnit)", .claim(problemIds: [p01]), by: ecology),
        Sample("claim(unknown)", .claim(problemIds: ["XW-2024-01-P99"]), by: ecology),
        Sample("holdSession", .holdSession, by: .congress),
        Sample("sendOpinions", .sendOpinions(reportDue: day("2025-05-30")), by: .congress),
        Sample("sendOpinions(dueToday)", .sendOpinions(reportDue: date), by: .congress),
        Sample("report", .report(problemIds: [p03]), by: ecology),
        Sample("report(again)", .report(problemIds: [p01]), by: housing),
        Sample("report(otherUnit)", .report(problemIds: [p01]), by: ecology),
        Sample("publishBulletin", .publishBulletin, by: .congress),
        Sample("track", .track, by: .congress),
        Sample("lookBack(closed)", Fixture.lookBack(to: .closed), by: .congress),
        Sample("lookBack(reinquiry)", Fixture.lookBack(to: .reinquired), by: .congress),
        Sample("lookBack(interpellation)", Fixture.lookBack(to: .interpellated), by: .congress),
        Sample(
            "lookBack(noFollowUp)", .lookBack(outcome: .reinquiry, unresolved: Fixture.ecologyIds, followUpId: nil),
            by: .congress),
    ]

    static let table = TransitionTable<State>(
        legal: [
            .topicSet: ["research": .research, "assign": .assigned],
            .research: ["assign": .assigned],
            .assigned: ["claim": .assigned],
            .session: ["sendOpinions": .opinionsSent],
            .opinionsSent: ["report": .reported],
            .reported: ["publishBulletin": .bulletin],
            .bulletin: ["track": .tracking],
            .tracking: [
                "lookBack(closed)": .closed, "lookBack(reinquiry)": .reinquired, "lookBack(interpellation)": .interpellated,
            ],
            .closed: [:], .reinquired: [:], .interpellated: [:],
        ],
        refusal: { event, state in
            switch (state, event) {
            case (.topicSet, _) where event.hasPrefix("assign("), (.research, _) where event.hasPrefix("assign("):
                return .invalidArgument
            // The housing bureau's problem: claimed (reported) already, or not the ecology bureau's.
            case (.assigned, "claim(again)"), (.opinionsSent, "report(again)"): return .alreadyDone
            case (.assigned, "claim(otherUnit)"), (.opinionsSent, "report(otherUnit)"): return .notAssignedToUnit
            case (.assigned, "claim(unknown)"): return .invalidArgument
            // The ecology bureau has not claimed yet.
            case (.assigned, "holdSession"): return .problemNotClaimed
            case (.session, "sendOpinions(dueToday)"), (.tracking, "lookBack(noFollowUp)"): return .invalidArgument
            default: return .outOfOrder
            }
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 11 states × 21 event kinds = 231 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Once every problem is claimed the session may be held, and nothing more can be claimed.
    @Test func onceEveryProblemIsClaimed() throws {
        var start = try Fixture.process(in: .assigned)
        _ = try start.received(.claim(problemIds: [Self.p03]), at: Self.date, by: Self.ecology, rules: rules2024)
        let table = TransitionTable<State>(
            legal: [.assigned: ["holdSession": .session]],
            refusal: { event, _ in
                switch event {
                case "claim", "claim(again)": .alreadyDone
                case "claim(otherUnit)": .notAssignedToUnit
                case "claim(unknown)": .invalidArgument
                default: .outOfOrder
                }
            })
        expectEverySample(Self.samples, to: start, table: table, on: Self.date)
    }

    /// Every event from every role that may not send it, in the state where it is due; the units'
    /// claims and reports from the congress and every other role.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples {
            let state = Self.table.stateAccepting(sample.name, in: State.allCases) ?? Self.dueState(of: sample.name)
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.ecology)
                if role == .procuratorate, sample.parties == [.agency] {
                    // The procuratorate may be the unit questioned; as another unit it is refused all the same.
                    expectRefused(sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                } else {
                    expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                }
                checked += 1
            }
        }
        #expect(checked == 21 * 6)
    }

    /// The state where a refused-only sample would otherwise be due.
    static func dueState(of name: String) -> State {
        switch name {
        case _ where name.hasPrefix("assign("): .topicSet
        case _ where name.hasPrefix("claim("), "holdSession": .assigned
        case _ where name.hasPrefix("sendOpinions("): .session
        case _ where name.hasPrefix("report("): .opinionsSent
        default: .tracking
        }
    }
}
