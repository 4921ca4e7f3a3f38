import XianjieMessages

@testable import XianjieProtocols

/// Drives a satisfaction ballot (满意度测评, DOMAIN.md §4 I) to each state: two units rated by the 26
/// members entitled to vote, all present, with observers (列席) who do not vote. Accepted on 26/0/0
/// and 25/1/0 (the seeds' figures); follow-up when 14 of the ecology bureau's 26 votes are unsatisfied.
enum EvaluationFixture {
    typealias Event = EvaluationProcess.Event
    typealias State = EvaluationProcess.State

    static let ballotId = "CP-2024-01"
    static let housing = InquiryFixture.housing
    static let ecology = InquiryFixture.ecology
    static let date = day("2024-12-26")

    static let accepted = Event.announce(
        membersPresent: 26, observers: 158,
        tallies: [tally(housing, 26, 0, 0), tally(ecology, 25, 1, 0)])
    static let followUp = Event.announce(
        membersPresent: 26, observers: 158,
        tallies: [tally(housing, 26, 0, 0), tally(ecology, 10, 2, 14)])

    static func tally(_ unit: AgencyID, _ satisfied: Int, _ basically: Int, _ unsatisfied: Int) -> EvaluationTally {
        EvaluationTally(unit: unit, satisfied: satisfied, basicallySatisfied: basically, unsatisfied: unsatisfied)
    }

    static var scheduled: EvaluationProcess {
        EvaluationProcess(ballotId: ballotId, units: [housing, ecology], membersTotal: 26, subjectId: InquiryFixture.inquiryId)
    }

    static func process(in state: State) throws -> EvaluationProcess {
        var ballot = scheduled
        switch state {
        case .scheduled: break
        case .accepted: _ = try ballot.received(accepted, at: date, by: .congress, rules: rules2024)
        case .followUp: _ = try ballot.received(followUp, at: date, by: .congress, rules: rules2024)
        }
        return ballot
    }
}
