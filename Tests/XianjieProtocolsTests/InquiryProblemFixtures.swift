import XianjieMessages

@testable import XianjieProtocols

/// Drives one problem of a special inquiry (问题交办, DOMAIN.md §4 I) to each state: the ecology
/// bureau's dust problem, claimed on 2024-10-17, its report due on 2025-01-31 from the opinions of
/// 2024-11-05. `claimed` has the report deadline running; `claimedUntracked` is before the opinions.
enum ProblemFixture {
    typealias Event = InquiryProblemProcess.Event
    typealias State = InquiryProblemProcess.State

    static let problem = InquiryFixture.problems[2]
    static let unit = problem.unit
    static let inquiryId = InquiryFixture.inquiryId
    static let reportDue = InquiryFixture.reportDue

    static var assigned: InquiryProblemProcess { InquiryProblemProcess(problem: problem, inquiryId: inquiryId) }

    /// Claimed, before the opinions start the report deadline.
    static var claimedUntracked: InquiryProblemProcess {
        get throws {
            var process = assigned
            _ = try process.received(.claim, at: day("2024-10-17"), by: .agency(unit), rules: rules2024)
            return process
        }
    }

    /// The steps, in order, after the claim and the opinions; `overdue` is the deadline passing first.
    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        switch state {
        case .assigned, .claimed: []
        case .reported: [(.report(status: .inProgress), .agency(unit))]
        case .overdue: [(.timerExpired(.inquiryReport), .coordinator)]
        }
    }

    static func process(in state: State) throws -> InquiryProblemProcess {
        guard state != .assigned else { return assigned }
        var process = try claimedUntracked
        _ = try process.received(.startTracking(due: reportDue), at: day("2024-11-05"), by: .congress, rules: rules2024)
        for (event, actor) in steps(to: state) {
            _ = try process.received(event, at: day("2025-02-01"), by: actor, rules: rules2024)
        }
        return process
    }
}
