import Foundation
import GRDB
import XianjieMessages
import XianjieProtocols

/// What a turn writes for the joint protocols: changed processes (their timers follow), history, agenda.
package struct WorkflowWrites: Sendable {
    package var changes: [(change: WorkflowChange, messageId: String?, day: CalendarDate)] = []
    /// The driven clock's day and the last day the deadline engine ran, as day ordinals.
    package var today: Int?
    package var firedThrough: Int?
    /// 督办 items taken onto a frozen meeting agenda: (meeting, subject, reason).
    package var agendaTaken: [(meetingId: String, subjectId: String, reason: String)] = []
    /// When the last agenda froze (seconds since 1970), for "new clues since the last meeting".
    package var lastFreezeAt: Int?

    package init() {}

    package var isEmpty: Bool {
        changes.isEmpty && today == nil && firedThrough == nil && agendaTaken.isEmpty && lastFreezeAt == nil
    }
}

/// An item queued for the next joint meeting (督办), as stored.
package struct AgendaRow: Sendable, Equatable {
    package var subjectId: String
    package var reason: String
    package var obligated: ProtocolActor?
    package var due: CalendarDate?
    package var queuedOn: CalendarDate
}

/// The joint protocols as they stood at the last commit.
package struct PersistedWorkflow: Sendable {
    package var records: [String: ProcessRecord] = [:]
    package var agenda: [AgendaRow] = []
    package var today: Int?
    package var firedThrough: Int?
    package var lastFreezeAt: Int?
}

extension CoordinatorStore {
    static let todayKey = "workflow.clock.today"
    static let firedThroughKey = "workflow.clock.firedThrough"
    static let lastFreezeKey = "workflow.meetings.lastFreezeAt"

    package func loadWorkflow() throws -> PersistedWorkflow {
        try writer.read { db in
            var state = PersistedWorkflow()
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: "SELECT subject, body FROM workflow_process") {
                let subject: String = row[0]
                let body: Data = row[1]
                do {
                    state.records[subject] = try decoder.decode(ProcessRecord.self, from: body)
                } catch {
                    throw StoreError.unreadableRow(table: "workflow_process", key: subject, underlying: error)
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT subject, reason, obligated, due, queuedOn FROM agenda_item WHERE meeting IS NULL ORDER BY id")
            {
                let obligated: String? = row[2]
                let due: String? = row[3]
                state.agenda.append(
                    AgendaRow(
                        subjectId: row[0], reason: row[1],
                        obligated: obligated.flatMap { try? decoder.decode(ProtocolActor.self, from: Data($0.utf8)) },
                        due: due.flatMap(CalendarDate.init(rawValue:)),
                        queuedOn: CalendarDate(rawValue: row[4]) ?? CalendarDate(rawValue: "1970-01-01")!))
            }
            state.today = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE name = ?", arguments: [Self.todayKey])
            state.firedThrough = try Int.fetchOne(
                db, sql: "SELECT value FROM meta WHERE name = ?", arguments: [Self.firedThroughKey])
            state.lastFreezeAt = try Int.fetchOne(
                db, sql: "SELECT value FROM meta WHERE name = ?", arguments: [Self.lastFreezeKey])
            return state
        }
    }

    /// The subjects (ids) of the documents of `type` accepted after `since`, oldest first.
    package func acceptedSubjects(type: MessageType, since: Date) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT coalesce(subject, id) FROM message WHERE type = ? AND acceptedAt > ? ORDER BY rowid",
                arguments: [type.rawValue, since.timeIntervalSince1970])
        }
    }

    /// 履职画像: a deputy's participation records in a year.
    package func deputyProfile(personId: String, year: Int) throws -> DeputyProfile {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT recordId, name, activity, role, day, subject, source FROM participation
                    WHERE personId = ? AND day >= ? AND day <= ? ORDER BY day, recordId
                    """,
                arguments: [personId, String(format: "%04d-01-01", year), String(format: "%04d-12-31", year)])
            var byActivity: [String: Int] = [:]
            var byRole: [String: Int] = [:]
            var name: String?
            var entries: [DeputyProfile.Entry] = []
            for row in rows {
                let activityText: String = row[2]
                let roleText: String = row[3]
                guard let activity = ParticipationRecord.Activity(rawValue: activityText),
                    let role = ParticipationRecord.Role(rawValue: roleText),
                    let day = CalendarDate(rawValue: row[4])
                else { continue }
                name = name ?? row[1]
                byActivity[activityText, default: 0] += 1
                byRole[roleText, default: 0] += 1
                entries.append(
                    DeputyProfile.Entry(
                        recordId: row[0], activity: activity, role: role, date: day, subjectId: row[5],
                        source: AgencyID(row[6] as String)))
            }
            return DeputyProfile(
                personId: personId, name: name, year: year, total: entries.count, byActivity: byActivity, byRole: byRole,
                records: entries)
        }
    }

    /// A subject's history, oldest first.
    package func workflowHistory(subject: String) throws -> [CaseReport.HistoryEntry] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT onDay, at, event, actor, fromState, toState, messageId FROM workflow_history
                    WHERE subject = ? ORDER BY id
                    """, arguments: [subject]
            ).map { row in
                CaseReport.HistoryEntry(
                    on: CalendarDate(rawValue: row[0]) ?? CalendarDate(rawValue: "1970-01-01")!,
                    at: Date(timeIntervalSince1970: row[1]), event: row[2], actor: row[3], from: row[4], to: row[5],
                    messageId: row[6])
            }
        }
    }

    static func writeWorkflow(_ db: Database, _ writes: WorkflowWrites) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let now = Date().timeIntervalSince1970
        for (change, messageId, day) in writes.changes {
            for (subject, record) in change.records.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: """
                        INSERT INTO workflow_process (subject, kind, state, body, updatedOn) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(subject) DO UPDATE SET
                            kind = excluded.kind, state = excluded.state, body = excluded.body, updatedOn = excluded.updatedOn
                        """,
                    arguments: [
                        subject, record.process.kind.rawValue, record.process.stateName, try encoder.encode(record),
                        record.updatedOn.rawValue,
                    ])
                // The timer index: what is due from whom, for operators reading the file and for `due`.
                try db.execute(sql: "DELETE FROM workflow_timer WHERE subject = ?", arguments: [subject])
                let timers = record.process.timers
                for (deadline, overdue) in timers.running.values.map({ ($0, false) }) + timers.overdue.values.map({ ($0, true) }) {
                    try db.execute(
                        sql: """
                            INSERT INTO workflow_timer (subject, kind, due, remindOn, obligated, supervisor, overdue, reminded)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            subject, deadline.kind.rawValue, deadline.due.rawValue, deadline.remindOn?.rawValue,
                            deadline.obligated.description, deadline.supervisor.description, overdue,
                            record.reminded.contains(deadline.kind),
                        ])
                }
            }
            for entry in change.history {
                try db.execute(
                    sql: """
                        INSERT INTO workflow_history (subject, onDay, at, event, actor, fromState, toState, messageId)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.subjectId, entry.on.rawValue, now, entry.event, entry.actor, entry.from, entry.to, messageId,
                    ])
            }
            for entry in change.participations {
                // A record sent again under the same id replaces the earlier one.
                try db.execute(
                    sql: """
                        INSERT INTO participation (recordId, personId, name, activity, role, day, subject, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(recordId) DO UPDATE SET personId = excluded.personId, name = excluded.name,
                            activity = excluded.activity, role = excluded.role, day = excluded.day,
                            subject = excluded.subject, source = excluded.source
                        """,
                    arguments: [
                        entry.recordId, entry.personId, entry.name, entry.activity.rawValue, entry.role.rawValue,
                        entry.day.rawValue, entry.subjectId, entry.source.rawValue,
                    ])
            }
            for item in change.agenda {
                try db.execute(
                    sql: "INSERT INTO agenda_item (subject, reason, obligated, due, queuedOn) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        item.subjectId, item.reason,
                        try item.obligated.map { String(decoding: try encoder.encode($0), as: UTF8.self) },
                        item.due?.rawValue, day.rawValue,
                    ])
            }
        }
        for taken in writes.agendaTaken {
            try db.execute(
                sql: "UPDATE agenda_item SET meeting = ? WHERE meeting IS NULL AND subject = ? AND reason = ?",
                arguments: [taken.meetingId, taken.subjectId, taken.reason])
        }
        for (key, value) in [
            (todayKey, writes.today), (firedThroughKey, writes.firedThrough), (lastFreezeKey, writes.lastFreezeAt),
        ] {
            guard let value else { continue }
            try db.execute(
                sql: """
                    INSERT INTO meta (name, value) VALUES (?, ?)
                    ON CONFLICT(name) DO UPDATE SET value = excluded.value
                    """, arguments: [key, value])
        }
    }
}
