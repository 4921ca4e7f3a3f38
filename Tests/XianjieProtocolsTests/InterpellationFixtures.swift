import XianjieMessages

@testable import XianjieProtocols

/// Drives an interpellation (质询案, DOMAIN.md §4 I) of the housing bureau to each state: drafted by
/// two members, a third co-signs (so `drafted` has the 3 the default rules require), a written answer
/// due 2025-07-25; two of the three proposers are unsatisfied with the first answer.
enum InterpellationFixture {
    typealias Event = InterpellationProcess.Event
    typealias State = InterpellationProcess.State

    static let interpellationId = "ZX-2025-01"
    static let addressee = InquiryFixture.housing
    static let drafters = [Person(name: "王建国", personId: "D-101"), Person(name: "刘秀英", personId: "D-102")]
    static let cosigner = Person(name: "张立新", personId: "D-103")
    static let proposerIds = ["D-101", "D-102", "D-103"]
    static let answerDue = day("2025-07-25")
    /// Two of three: more than half.
    static let unsatisfied = Event.assess(unsatisfied: ["D-101", "D-102"])

    static var draft: InterpellationProcess {
        InterpellationProcess(interpellationId: interpellationId, addressee: addressee, proposers: drafters)
    }

    /// The steps, in order, from the draft by two members, each with its sender and day.
    static func steps(to state: State) -> [(Event, ProtocolActor, CalendarDate)] {
        let agency = ProtocolActor.agency(addressee)
        let path: [(Event, ProtocolActor, CalendarDate)] = [
            (.cosign([cosigner]), .congress, day("2025-06-21")),
            (.submit, .congress, day("2025-06-23")),
            (.decide(form: .written, answerDue: answerDue), .congress, day("2025-06-25")),
            (.answer(round: 1), agency, day("2025-07-20")),
        ]
        let count: Int =
            switch state {
            case .drafted: 1
            case .submitted, .withdrawn: 2
            case .formDecided: 3
            case .answered, .accepted, .unsatisfied, .closedUnsatisfied: 4
            }
        let verdict: [(Event, ProtocolActor, CalendarDate)] =
            switch state {
            case .accepted: [(.assess(unsatisfied: []), .congress, day("2025-07-28"))]
            case .unsatisfied: [(unsatisfied, .congress, day("2025-07-28"))]
            case .closedUnsatisfied:
                [
                    (unsatisfied, .congress, day("2025-07-28")), (.answer(round: 2), agency, day("2025-08-20")),
                    (unsatisfied, .congress, day("2025-08-25")),
                ]
            case .withdrawn: [(.withdraw(reason: "被质询机关已主动整改"), .congress, day("2025-06-24"))]
            default: []
            }
        return Array(path.prefix(count)) + verdict
    }

    static func process(in state: State) throws -> InterpellationProcess {
        var interpellation = draft
        for (event, actor, day) in steps(to: state) {
            _ = try interpellation.received(event, at: day, by: actor, rules: rules2024)
        }
        return interpellation
    }
}
