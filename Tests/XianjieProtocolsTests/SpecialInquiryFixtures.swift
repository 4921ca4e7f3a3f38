import XianjieMessages

@testable import XianjieProtocols

/// Drives a special inquiry (专题询问, DOMAIN.md §4 I) to each state: three units answer on urban
/// renewal; two of them get three problems at the 交办会 (the water bureau gets none). In `assigned`
/// the housing bureau has claimed its two problems and the ecology bureau not yet its one; in
/// `opinionsSent` the housing bureau has reported and the ecology bureau not yet.
enum InquiryFixture {
    typealias Event = SpecialInquiryProcess.Event
    typealias State = SpecialInquiryProcess.State

    static let inquiryId = "XW-2024-01"
    static let housing: AgencyID = "jinzhou.housing"
    static let ecology: AgencyID = "jinzhou.ecology"
    static let water: AgencyID = "jinzhou.water"
    static let units = [housing, ecology, water]
    static let problems = [
        InquiryProblem(problemId: "XW-2024-01-P01", category: "老旧小区改造", title: "加装电梯进度滞后", unit: housing),
        InquiryProblem(problemId: "XW-2024-01-P02", category: "老旧小区改造", title: "雨污分流未完成", unit: housing),
        InquiryProblem(problemId: "XW-2024-01-P03", category: "大气污染防治", title: "工地扬尘治理不到位", unit: ecology),
    ]
    static let housingIds = ["XW-2024-01-P01", "XW-2024-01-P02"]
    static let ecologyIds = ["XW-2024-01-P03"]
    static let reportDue = day("2025-01-31")
    static let followUpId = "XW-2025-02"

    static var topicSet: SpecialInquiryProcess { SpecialInquiryProcess(inquiryId: inquiryId, units: units) }

    /// The look-back that ends the inquiry in `state` (closed, reinquired or interpellated).
    static func lookBack(to state: State) -> Event {
        switch state {
        case .reinquired: .lookBack(outcome: .reinquiry, unresolved: ecologyIds, followUpId: followUpId)
        case .interpellated: .lookBack(outcome: .interpellation, unresolved: ecologyIds, followUpId: "ZX-2025-01")
        default: .lookBack(outcome: .closed, unresolved: [], followUpId: nil)
        }
    }

    /// The steps, in order, from `topicSet`, each with its sender and day.
    static func steps(to state: State) -> [(Event, ProtocolActor, CalendarDate)] {
        let path: [(Event, ProtocolActor, CalendarDate)] = [
            (.research, .congress, day("2024-09-10")),
            (.assign(problems: problems), .congress, day("2024-10-15")),
            (.claim(problemIds: housingIds), .agency(housing), day("2024-10-16")),
            (.claim(problemIds: ecologyIds), .agency(ecology), day("2024-10-17")),
            (.holdSession, .congress, day("2024-10-24")),
            (.sendOpinions(reportDue: reportDue), .congress, day("2024-11-05")),
            (.report(problemIds: housingIds), .agency(housing), day("2025-01-20")),
            (.report(problemIds: ecologyIds), .agency(ecology), day("2025-01-22")),
            (.publishBulletin, .congress, day("2025-02-10")),
            (.track, .congress, day("2025-02-15")),
            (lookBack(to: state), .congress, day("2025-06-16")),
        ]
        let count: Int =
            switch state {
            case .topicSet: 0
            case .research: 1
            case .assigned: 3
            case .session: 5
            case .opinionsSent: 7
            case .reported: 8
            case .bulletin: 9
            case .tracking: 10
            case .closed, .reinquired, .interpellated: 11
            }
        return Array(path.prefix(count))
    }

    static func process(in state: State) throws -> SpecialInquiryProcess {
        var inquiry = topicSet
        for (event, actor, day) in steps(to: state) {
            _ = try inquiry.received(event, at: day, by: actor, rules: rules2024)
        }
        return inquiry
    }
}
