import XianjieMessages

@testable import XianjieProtocols

/// Drives a three-lists item (DOMAIN.md §4 G) to each state along the normal path.
enum ItemFixture {
    typealias Event = ThreeListsProcess.Event
    typealias State = ThreeListsProcess.State

    static let unit: AgencyID = "qibin.water"
    static let deadline = day("2024-12-31")
    static let lookBackDay = day("2025-06-30")

    /// The steps, in order, from `identified`; `regressed` branches off at the look-back.
    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        let path: [(Event, ProtocolActor, State)] = [
            (.assign(unit: unit, leadPerson: "王局长", deadline: deadline), .coordinator, .assigned),
            (.submitPlan, .agency(unit), .planSubmitted),
            (.startWork, .agency(unit), .inProgress),
            (.reportDone, .agency(unit), .reportedDone),
            (.verify(passed: true), .coordinator, .verified),
            (.close, .coordinator, .closed),
            (.scheduleLookBack(on: lookBackDay), .congress, .lookBackScheduled),
            (.lookBackResult(confirmed: true, newItemId: nil), .congress, .confirmed),
        ]
        if state == .regressed {
            return steps(to: .lookBackScheduled) + [(.lookBackResult(confirmed: false, newItemId: "T-01-R1"), .congress)]
        }
        guard let last = path.firstIndex(where: { $0.2 == state }) else { return [] }
        return path[...last].map { ($0.0, $0.1) }
    }

    static func process(in state: State) throws -> ThreeListsProcess {
        var item = ThreeListsProcess(itemId: "T-01", problem: "河道乱堆")
        for (event, actor) in steps(to: state) {
            _ = try item.received(event, at: day("2024-10-08"), by: actor)
        }
        return item
    }
}
