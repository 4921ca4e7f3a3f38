import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct InvestigationProcessTests {
    typealias Fixture = InvestigationFixture

    func propose(_ proposers: [Person], by proposer: InvestigationProposer = .members, rules: ProtocolRules = rules2024)
        -> ProtocolViolation?
    {
        refusal(Fixture.unproposed) {
            try $0.received(.propose(question: Fixture.question, proposedBy: proposer, proposers: proposers), at: Fixture.date, by: .congress, rules: rules)
        }
    }

    /// 五分之一以上常委会组成人员联名: 5 of 25 may move it, 4 may not; with 26 members, 6 are needed.
    @Test func aMembersMotionNeedsOneFifth() throws {
        #expect(rules2024.escalation.standingCommitteeSize == 25)
        let four = propose(Fixture.members(4))
        #expect(four?.rule == .notEnoughSigners)
        #expect(four?.message.contains("one fifth of the 25 (5 or more)") == true)
        var investigation = Fixture.unproposed
        let five = try investigation.received(
            .propose(question: Fixture.question, proposedBy: .members, proposers: Fixture.members(5)), at: Fixture.date,
            by: .congress, rules: rules2024)
        #expect(five.to == .proposed && investigation.proposedBy == .members && investigation.proposers.count == 5)

        var rules = rules2024
        rules.escalation.standingCommitteeSize = 26
        #expect(propose(Fixture.members(5), rules: rules)?.rule == .notEnoughSigners)
        var six = Fixture.unproposed
        _ = try six.received(
            .propose(question: Fixture.question, proposedBy: .members, proposers: Fixture.members(6)), at: Fixture.date,
            by: .congress, rules: rules)
        #expect(six.state == .proposed)
    }

    /// The 主任会议 moves it on its own: no signers needed (any named are not kept).
    @Test func theCouncilNeedsNoSigners() throws {
        var investigation = Fixture.unproposed
        _ = try investigation.received(
            .propose(question: Fixture.question, proposedBy: .council, proposers: Fixture.members(1)), at: Fixture.date, by: .congress)
        #expect(investigation.state == .proposed && investigation.proposedBy == .council && investigation.proposers.isEmpty)
        #expect(investigation.question == Fixture.question)
    }

    /// Members named once by personId; a question that says something.
    @Test func theMotionIsWellFormed() {
        let unnamed = Fixture.members(5) + [Person(name: "无编号")]
        let twice = Fixture.members(5) + [Fixture.members(1)[0]]
        #expect(propose(unnamed)?.rule == .invalidArgument)
        #expect(propose(twice)?.rule == .invalidArgument)
        let blank = refusal(Fixture.unproposed) {
            try $0.received(.propose(question: " ", proposedBy: .council, proposers: []), at: Fixture.date, by: .congress)
        }
        #expect(blank?.rule == .invalidArgument)
    }

    /// 调查委员会: at least one member, each named once by personId; then report and resolution.
    @Test func theCommitteeInvestigatesReportsAndTheCommitteeResolves() throws {
        let decided = try Fixture.process(in: .decided)
        for members in [[], [Person(name: "无编号")], [Fixture.committee[0], Fixture.committee[0]]] {
            #expect(refusal(decided) { try $0.received(.formCommittee(members), at: Fixture.date, by: .congress) }?.rule == .invalidArgument)
        }
        let resolved = try Fixture.process(in: .resolved)
        #expect(resolved.committee == Fixture.committee)
    }
}
