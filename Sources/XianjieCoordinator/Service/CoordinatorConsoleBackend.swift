import Foundation
import Synchronization
import XianjieConsole
import XianjieMessages
import XianjieProtocols

/// The console's view of the coordinator: users, statistics and registry changes, all through the store.
struct CoordinatorConsoleBackend: ConsoleBackend {
    let store: CoordinatorStore
    let utcOffsetMinutes: Int
    /// Set once the engine has loaded its state and its loop runs.
    let started: ReadyFlag

    func authenticate(name: String, code: String) async -> ConsoleRole? {
        (try? store.consoleRole(name: name, code: code)) ?? nil
    }

    func role(of name: String) async -> ConsoleRole? {
        (try? store.consoleRole(of: name)) ?? nil
    }

    func statistics(days: Int, agency: String?, workflow: ConsoleSnapshot.WorkflowFigures) async throws -> ConsoleStatistics {
        let now = Date()
        let offset = Double(utcOffsetMinutes * 60)
        // Whole days in the clock's time zone, today included.
        let todayStart = ((now.timeIntervalSince1970 + offset) / 86_400).rounded(.down) * 86_400 - offset
        let from = Date(timeIntervalSince1970: todayStart - Double(days - 1) * 86_400)
        let rows = try store.statisticsCounts(from: from, through: now, utcOffsetMinutes: utcOffsetMinutes)
        var byDay: [String: [String: Int]] = [:]
        var byAgency: [String: [String: Int]] = [:]
        var totals: [String: Int] = [:]
        for row in rows where agency == nil || row.source == agency {
            guard let kind = ConsoleStatistics.kind(of: row.type) else { continue }
            byDay[row.day, default: [:]][kind, default: 0] += row.count
            byAgency[row.source, default: [:]][kind, default: 0] += row.count
            totals[kind, default: 0] += row.count
        }
        let format = { (date: Date) in
            GregorianDay(ordinal: Int(((date.timeIntervalSince1970 + offset) / 86_400).rounded(.down))).calendarDate.rawValue
        }
        let dayList = (0..<days).map { i in
            let day = format(from.addingTimeInterval(Double(i) * 86_400 + 3600))
            return ConsoleStatistics.Day(day: day, counts: byDay[day] ?? [:])
        }
        return ConsoleStatistics(
            from: format(from.addingTimeInterval(3600)), to: format(now), agency: agency, days: dayList,
            byAgency: byAgency.sorted { $0.key < $1.key }.map { ConsoleStatistics.Agency(agency: $0.key, counts: $0.value) },
            totals: totals, workflow: workflow)
    }

    func setAgency(_ agency: String, active: Bool, by user: String) async throws {
        try store.setStatus(active ? .active : .suspended, of: AgencyID(agency), by: "console:\(user)", reason: "from the console")
    }

    func isReady() async -> Bool {
        guard started.isSet else { return false }
        return (try? store.registryVersion()) != nil
    }
}

/// A flag set once, read from any thread.
final class ReadyFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}
