import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct EvaluationProcessTests {
    typealias Fixture = EvaluationFixture

    static let housing = Fixture.housing
    static let ecology = Fixture.ecology

    func announce(
        present: Int = 26, observers: Int = 0, _ tallies: [EvaluationTally], rules: ProtocolRules = rules2024
    ) throws -> (Transition<EvaluationProcess.State>, EvaluationProcess) {
        var ballot = Fixture.scheduled
        let transition = try ballot.received(
            .announce(membersPresent: present, observers: observers, tallies: tallies), at: Fixture.date, by: .congress, rules: rules)
        return (transition, ballot)
    }

    func refused(present: Int = 26, observers: Int = 0, _ tallies: [EvaluationTally]) -> ProtocolViolation? {
        refusal(Fixture.scheduled) {
            try $0.received(.announce(membersPresent: present, observers: observers, tallies: tallies), at: Fixture.date, by: .congress)
        }
    }

    /// 26/0/0 and 25/1/0 of 26 present: accepted; the tally is kept, with the observers who did not vote.
    @Test func theSeedsBallotsAreAccepted() throws {
        var ballot = Fixture.scheduled
        let announced = try ballot.received(Fixture.accepted, at: Fixture.date, by: .congress, rules: rules2024)
        #expect(announced.to == .accepted && announced.effects.isEmpty)
        #expect(ballot.membersPresent == 26 && ballot.observers == 158 && ballot.tallies.count == 2 && ballot.followUpUnits.isEmpty)
    }

    /// Follow-up when unsatisfied votes exceed the share (half) of the votes cast: 13 of 26 is not
    /// above half, 14 is; with abstentions the share is of the votes cast (13 of 25).
    @Test(arguments: [(13, 13, false), (12, 14, true), (12, 13, true), (26, 0, false)])
    func followUpAboveTheShareOfVotesCast(_ satisfied: Int, _ unsatisfied: Int, _ followUp: Bool) throws {
        let (transition, ballot) = try announce([Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.ecology, satisfied, 0, unsatisfied)])
        #expect(transition.to == (followUp ? .followUp : .accepted), "\(unsatisfied) of \(satisfied + unsatisfied)")
        #expect(ballot.followUpUnits == (followUp ? [Self.ecology] : []))
        #expect(transition.effects.notified == (followUp ? [.agency(Self.ecology)] : []))
    }

    /// The share is a parameter: at a quarter, 7 of 26 calls for follow-up and 6 does not.
    @Test func theShareIsAParameter() throws {
        var rules = rules2024
        rules.escalation.evaluationFollowUpShare = 0.25
        for (unsatisfied, expected) in [(6, EvaluationProcess.State.accepted), (7, .followUp)] {
            let tallies = [Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.ecology, 26 - unsatisfied, 0, unsatisfied)]
            #expect(try announce(tallies, rules: rules).0.to == expected)
        }
    }

    /// A unit with no votes cast (everyone abstained) calls for no follow-up.
    @Test func noVotesCastIsNoFollowUp() throws {
        let (transition, _) = try announce(present: 0, [Fixture.tally(Self.housing, 0, 0, 0), Fixture.tally(Self.ecology, 0, 0, 0)])
        #expect(transition.to == .accepted)
    }

    /// Only members present vote: more votes for a unit than members present, more present than
    /// entitled, negative counts, a unit missing, extra or rated twice.
    @Test func aTallyThatDoesNotAddUpIsRefused() {
        let over = refused(present: 25, [Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.ecology, 25, 0, 0)])
        #expect(over?.rule == .invalidTally)
        #expect(over?.message.contains("26 votes for jinzhou.housing but 25 members present; only members present vote") == true)
        let cases: [(Int, Int, [EvaluationTally])] = [
            (27, 0, [Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.ecology, 26, 0, 0)]),
            (26, -1, [Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.ecology, 26, 0, 0)]),
            (26, 0, [Fixture.tally(Self.housing, 27, -1, 0), Fixture.tally(Self.ecology, 26, 0, 0)]),
            (26, 0, [Fixture.tally(Self.housing, 26, 0, 0)]),
            (26, 0, [Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.housing, 26, 0, 0)]),
            (26, 0, [Fixture.tally(Self.housing, 26, 0, 0), Fixture.tally(Self.ecology, 26, 0, 0), Fixture.tally("jinzhou.water", 1, 0, 0)]),
        ]
        for (present, observers, tallies) in cases {
            #expect(refused(present: present, observers: observers, tallies)?.rule == .invalidTally, "\(present) \(observers) \(tallies)")
        }
        let missing = refused([Fixture.tally(Self.housing, 26, 0, 0)])
        #expect(missing?.message.contains("no tally for jinzhou.ecology") == true)
    }
}
