import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct ThreeListsProcessTests {
    typealias Event = ThreeListsProcess.Event
    static let unit: AgencyID = "qibin.water"
    static let samples: [(String, Event, ProtocolActor)] = [
        ("assign", .assign(unit: unit, leadPerson: "王局长", deadline: day("2024-12-31")), .coordinator),
        ("plan", .submitPlan, .agency(unit)), ("start", .startWork, .agency(unit)), ("report", .reportDone, .agency(unit)),
        ("verify", .verify(passed: true), .coordinator), ("close", .close, .coordinator),
        ("schedule", .scheduleLookBack(on: day("2025-06-30")), .congress),
        ("confirm", .lookBackResult(confirmed: true, newItemId: nil), .congress),
        ("expire", .timerExpired(.rectification), .coordinator),
    ]
    static let legal: [ThreeListsProcess.State: Set<String>] = [
        .identified: ["assign"], .assigned: ["plan", "expire"], .planSubmitted: ["start", "expire"],
        .inProgress: ["report", "expire"], .reportedDone: ["verify"], .verified: ["close"], .closed: ["schedule"],
        .lookBackScheduled: ["confirm"], .confirmed: [], .regressed: [],
    ]

    static func process(in state: ThreeListsProcess.State) throws -> ThreeListsProcess {
        var item = ThreeListsProcess(itemId: "T-01", problem: "河道乱堆")
        if state == .regressed {
            item = try process(in: .lookBackScheduled)
            _ = try item.received(.lookBackResult(confirmed: false, newItemId: "T-01-R1"), at: day("2025-06-30"), by: .congress)
            return item
        }
        for (_, event, actor) in samples.dropLast() where item.state != state {
            _ = try item.received(event, at: day("2024-10-08"), by: actor)
        }
        return item
    }

    @Test(arguments: ThreeListsProcess.State.allCases)
    func everyEventIsAcceptedExactlyWhereLegal(_ state: ThreeListsProcess.State) throws {
        let start = try Self.process(in: state)
        #expect(start.state == state)
        for (name, event, actor) in Self.samples {
            var item = start
            let accepted = (try? item.received(event, at: day("2024-10-09"), by: actor)) != nil
            #expect(accepted == Self.legal[state]!.contains(name), "\(name) in \(state)")
            if !accepted { #expect(item == start) }
        }
    }

    @Test func reportsFromAnotherUnitAreRefused() throws {
        let item = try Self.process(in: .inProgress)
        let refused = refusal(item) { try $0.received(.reportDone, at: day("2024-11-01"), by: .agency("qibin.housing")) }
        #expect(refused?.rule == .notAssignedToUnit)
        #expect(refused?.message.contains("a rectification report for an item not assigned to this unit") == true)
        let identified = try Self.process(in: .identified)
        #expect(refusal(identified) { try $0.received(.submitPlan, at: day("2024-11-01"), by: .agency(Self.unit)) }?.rule == .notAssignedToUnit)
    }

    @Test func failedVerificationReturnsToWorkAndOverdueEscalates() throws {
        var item = try Self.process(in: .inProgress)
        let overdue = try item.received(.timerExpired(.rectification), at: day("2025-01-01"), by: .coordinator)
        #expect(overdue.effects.jointMeetingItems.first?.subjectId == "T-01")
        #expect(overdue.effects.notified == [.agency(Self.unit), .coordinator])
        _ = try item.received(.reportDone, at: day("2025-01-05"), by: .agency(Self.unit))
        let failed = try item.received(.verify(passed: false), at: day("2025-01-06"), by: .coordinator)
        #expect(failed.to == .inProgress)
        #expect(item.failedVerifications == 1)
    }

    @Test func regressedLookBackReopensAsANewItem() throws {
        var item = try Self.process(in: .lookBackScheduled)
        #expect(refusal(item) { try $0.received(.lookBackResult(confirmed: false, newItemId: nil), at: day("2025-06-30"), by: .congress) }?.rule == .invalidArgument)
        let regressed = try item.received(.lookBackResult(confirmed: false, newItemId: "T-01-R1"), at: day("2025-06-30"), by: .congress)
        #expect(regressed.to == .regressed)
        #expect(regressed.effects.startedProcesses == [LinkedProcess(kind: .threeListsItem, subjectId: "T-01-R1", originSubjectId: "T-01")])
        #expect(regressed.effects.cancelledTimers == [.lookBack])
        let reopened = try #require(item.reopenedItem)
        #expect(reopened.state == .identified && reopened.reopenedFrom == "T-01")
        #expect(try roundTrip(item) == item)
    }
}
