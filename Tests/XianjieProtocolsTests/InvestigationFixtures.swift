import XianjieMessages

@testable import XianjieProtocols

/// Drives a specific-question investigation (特定问题调查, DOMAIN.md §4 I) to each state: moved by 5
/// of the 25 members (one fifth, the default), decided, a committee of three formed, reported, resolved.
enum InvestigationFixture {
    typealias Event = InvestigationProcess.Event
    typealias State = InvestigationProcess.State

    static let investigationId = "DC-2025-01"
    static let question = "城区集中供热管网改造资金使用情况"
    static let date = day("2025-03-03")
    /// `count` members D-201, D-202, … by personId.
    static func members(_ count: Int) -> [Person] {
        (0..<count).map { Person(name: "委员\($0 + 1)", personId: "D-\(201 + $0)") }
    }
    static let committee = [
        Person(name: "赵志刚", personId: "D-301"), Person(name: "孙丽", personId: "D-302"),
        Person(name: "周海", personId: "D-303"),
    ]

    static var unproposed: InvestigationProcess { InvestigationProcess(investigationId: investigationId) }

    static func steps(to state: State) -> [Event] {
        let path: [Event] = [
            .propose(question: question, proposedBy: .members, proposers: members(5)),
            .decide, .formCommittee(committee), .report, .resolve,
        ]
        let count: Int =
            switch state {
            case .none: 0
            case .proposed: 1
            case .decided: 2
            case .investigating: 3
            case .reported: 4
            case .resolved: 5
            }
        return Array(path.prefix(count))
    }

    static func process(in state: State) throws -> InvestigationProcess {
        var investigation = unproposed
        for event in steps(to: state) {
            _ = try investigation.received(event, at: date, by: .congress, rules: rules2024)
        }
        return investigation
    }
}
