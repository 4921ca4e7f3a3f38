import Foundation
import XianjieMessages

/// One shared process as the coordinator stores it: the machine, who plays which role, which
/// reminders went out.
package struct ProcessRecord: Codable, Sendable, Equatable {
    package var process: SharedProcess
    /// The agency playing each role (`ProtocolActor.Role` raw value), learned from who sent its documents.
    package var parties: [String: AgencyID]
    /// Timers whose reminder was sent (so a restart does not remind twice).
    package var reminded: Set<TimerKind>
    /// For a deputy suggestion: the lead deputy (领衔代表), the only one who rates it.
    package var leadDeputy: String?
    package var openedOn: CalendarDate
    package var updatedOn: CalendarDate

    package init(process: SharedProcess, openedOn: CalendarDate) {
        self.process = process
        self.parties = [:]
        self.reminded = []
        self.openedOn = openedOn
        self.updatedOn = openedOn
    }

    /// The agency that answers for `actor` in this process: its own, or the one that played the role.
    package func agency(for actor: ProtocolActor) -> AgencyID? {
        if let agency = actor.agency { return agency }
        if let agency = parties[actor.role.rawValue] { return agency }
        return actor.role == .deputy ? parties[ProtocolActor.Role.congress.rawValue] : nil
    }
}

/// What a step may consult besides its own process: the other processes (an agreement a transfer
/// runs under) and the document's recipients.
package struct WorkflowContext {
    package let records: [String: ProcessRecord]
    package let recipients: [AgencyID]?
    package let rules: ProtocolRules

    package func process(_ subject: String) -> SharedProcess? { records[subject]?.process }
}

/// One deputy's participation in one activity (代表参与检察活动档案).
package struct ParticipationEntry: Sendable, Equatable {
    package var recordId: String
    package var personId: String
    package var name: String
    package var activity: ParticipationRecord.Activity
    package var role: ParticipationRecord.Role
    package var day: CalendarDate
    package var subjectId: String?
    /// The agency that recorded it.
    package var source: AgencyID
}

/// One step of a process's history, for `case show` and the audit trail.
package struct WorkflowHistoryEntry: Sendable, Equatable {
    package var subjectId: String
    package var on: CalendarDate
    package var event: String
    package var actor: String
    package var from: String
    package var to: String
}

/// A reminder before a due date, or an overdue notice after it, for the engine to send.
package struct DeadlineAlert: Sendable, Equatable {
    package enum Notice: String, Sendable { case reminder, overdue }

    package var subjectId: String
    package var process: ProcessKind
    package var deadline: Deadline
    package var notice: Notice
    package var on: CalendarDate
    /// Who plays which role in the process (to address the notice).
    package var parties: [String: AgencyID]

    package var text: String {
        switch notice {
        case .reminder:
            "提醒 reminder: \(deadline.kind.rawValue) for \(subjectId) is due from \(deadline.obligated) on \(deadline.due)"
        case .overdue:
            "逾期 overdue: \(deadline.kind.rawValue) for \(subjectId) was due from \(deadline.obligated) on \(deadline.due); 督办 at the next joint meeting"
        }
    }
}

/// What one admitted document, or one day of the clock, changed.
package struct WorkflowChange: Sendable {
    /// The new version of every subject touched, opened ones included.
    package var records: [String: ProcessRecord] = [:]
    package var history: [WorkflowHistoryEntry] = []
    package var alerts: [DeadlineAlert] = []
    /// 督办: items for the next joint meeting's agenda.
    package var agenda: [JointMeetingItem] = []
    /// Deputies' participation in procuratorial work (代表参与检察活动), for their yearly profile.
    package var participations: [ParticipationEntry] = []

    package init() {}

    package var isEmpty: Bool { records.isEmpty }

    package mutating func merge(_ other: WorkflowChange) {
        records.merge(other.records) { $1 }
        history += other.history
        alerts += other.alerts
        agenda += other.agenda
        participations += other.participations
    }
}

/// Every shared process of a bus, and the rules they follow: the coordinator's authoritative state of
/// the joint protocols (DESIGN.md "Protocols and time"). Pure: documents and days in, changes out.
package struct WorkflowBook: Sendable {
    package private(set) var records: [String: ProcessRecord]
    package let rules: ProtocolRules

    /// The first day (ordinal) the deadline engine has something to do for each subject with timers:
    /// a day's run looks only at these instead of every process.
    private var nextEventDay: [String: Int] = [:]

    package init(records: [String: ProcessRecord] = [:], rules: ProtocolRules = ProtocolRules()) {
        self.records = records
        self.rules = rules
        for (subject, record) in records { schedule(subject, record) }
    }

    /// Files a subject under the first day its timers need the engine (a reminder not yet sent, or the
    /// day after a due date), or forgets it when none runs.
    private mutating func schedule(_ subject: String, _ record: ProcessRecord) {
        var first: Int?
        for deadline in record.process.timers.running.values {
            var day = GregorianDay(deadline.due).ordinal + 1
            if let remind = deadline.remindOn, !record.reminded.contains(deadline.kind) {
                day = min(day, GregorianDay(remind).ordinal)
            }
            first = min(first ?? day, day)
        }
        nextEventDay[subject] = first
    }

    package subscript(subject: String) -> ProcessRecord? { records[subject] }

    /// Applies a document sent by `sender` (of registry kind `senderKind`) on `day`.
    ///
    /// Returns nil when the type takes part in no shared process, the change when it does. Throws
    /// when the document breaks a protocol; then nothing changed, in any process. With `recipients`,
    /// every agency the document gives an obligation to (a host unit, an addressee, a responsible
    /// unit, a meeting's members) must be among them.
    package mutating func admit(
        type: MessageType, data: Data, sender: AgencyID, senderKind: String?, on day: CalendarDate,
        recipients: [AgencyID]? = nil
    ) throws(ProtocolViolation) -> WorkflowChange? {
        if type == ParticipationRecord.messageType {
            return try Self.participation(data, sender: sender, senderKind: senderKind)
        }
        guard let steps = try Self.steps(for: type, data: data, actor: Self.actor(kind: senderKind, agency: sender))
        else { return nil }
        var change = WorkflowChange()
        var pending = steps[...]
        while let step = pending.popFirst() {
            if let recipients, let missing = step.addressedTo.first(where: { !recipients.contains($0) }) {
                throw ProtocolViolation(
                    .invalidArgument,
                    "\(type) about \(step.subjectId) gives \(missing) an obligation but is not addressed to it; add it to the recipients")
            }
            var record: ProcessRecord
            if let existing = change.records[step.subjectId] ?? records[step.subjectId] {
                record = existing
                if let opens = step.opens, existing.process.kind != opens.kind {
                    throw ProtocolViolation(
                        .wrongProcess,
                        "\(type) would open \(opens.kind.title) \(step.subjectId), but that id is a \(existing.process.kind.title)")
                }
            } else if let opened = step.opens {
                record = ProcessRecord(process: opened, openedOn: day)
                record.leadDeputy = step.leadDeputy
                change.history.append(
                    WorkflowHistoryEntry(
                        subjectId: step.subjectId, on: day, event: "opened (\(type))", actor: step.actor.description,
                        from: "", to: opened.stateName))
            } else {
                throw ProtocolViolation(
                    step.whenMissing,
                    "\(type) about \(step.subjectId), but no shared process \(step.subjectId) is open on this bus; "
                        + "its earlier documents must come first")
            }
            try bind(step.actor, to: &record, subject: step.subjectId, type: type)
            let events: [ProcessEvent]
            if let contextual = step.contextual {
                let context = WorkflowContext(
                    records: records.merging(change.records) { $1 }, recipients: recipients, rules: rules)
                events = try contextual(record.process, context)
            } else {
                events = try step.events(record.process)
            }
            for event in events {
                let transition = try record.process.received(event, at: day, by: step.actor, rules: rules)
                change.history.append(
                    WorkflowHistoryEntry(
                        subjectId: step.subjectId, on: day, event: event.name, actor: step.actor.description,
                        from: transition.from, to: transition.to))
                try perform(transition.effects, on: &record, day: day, into: &change)
            }
            record.updatedOn = day
            change.records[step.subjectId] = record
            if let followUp = step.followUp { pending += try followUp(record.process) }
            if case .hearing(let hearing) = record.process, hearing.state == .closed,
                records[step.subjectId]?.process.stateName != HearingProcess.State.closed.rawValue
            {
                // Every hearing officer's service goes into their participation record.
                change.participations += hearing.officers.compactMap { officer in
                    officer.personId.map {
                        ParticipationEntry(
                            recordId: "\(hearing.hearingId)/\($0)", personId: $0, name: officer.name, activity: .hearing,
                            role: .hearingOfficer, day: day, subjectId: hearing.caseId, source: sender)
                    }
                }
            }
        }
        records.merge(change.records) { $1 }
        for (subject, record) in change.records { schedule(subject, record) }
        return change
    }

    /// 代表参与检察活动档案: a record a station, the congress or the procuratorate keeps; it moves no process.
    private static func participation(
        _ data: Data, sender: AgencyID, senderKind: String?
    ) throws(ProtocolViolation) -> WorkflowChange {
        guard ["congress", "procuratorate", "station"].contains(senderKind ?? "") else {
            throw ProtocolViolation(
                .wrongParty, "\(sender) may not keep deputies' participation records; stations, the congress and the procuratorate do")
        }
        let record: ParticipationRecord
        do {
            record = try XianjieJSON.decode(ParticipationRecord.self, from: data)
        } catch {
            throw ProtocolViolation(.invalidArgument, "xianjie.participationRecord cannot be read: \(describe(error))")
        }
        guard let personId = record.deputy.personId, !personId.isBlank else {
            throw ProtocolViolation(.leadDeputyRequired, "a participation record must name the deputy (deputy.personId)")
        }
        var change = WorkflowChange()
        change.participations = [
            ParticipationEntry(
                recordId: record.recordId, personId: personId, name: record.deputy.name, activity: record.activity,
                role: record.role, day: record.date, subjectId: record.subjectId, source: sender)
        ]
        return change
    }

    /// The first congress, procuratorate or station to act on a process plays that role in it; another
    /// agency of the same kind may not (a superior procuratorate, another county's congress). A deputy
    /// rating a suggestion must be its lead deputy.
    private func bind(
        _ actor: ProtocolActor, to record: inout ProcessRecord, subject: String, type: MessageType
    ) throws(ProtocolViolation) {
        switch record.process.kind {
        case .agreement, .clueTransfer, .assistance:
            return  // several procuratorates take part by design; the machines check who is who
        default: break
        }
        switch actor.role {
        case .congress, .procuratorate, .station, .superiorProcuratorate:
            guard let agency = actor.agency else { return }
            let key = actor.role.rawValue
            if let bound = record.parties[key], bound != agency {
                throw ProtocolViolation(
                    .wrongParty, "\(subject) is \(bound)'s as its \(key); \(agency) may not send \(type) for it")
            }
            record.parties[key] = agency
        case .deputy:
            if case .deputySuggestion = record.process, let lead = record.leadDeputy, actor.person != lead {
                throw ProtocolViolation(
                    .leadDeputyRequired, "\(subject) is rated by its lead deputy \(lead), not \(actor.person ?? "an unnamed deputy")")
            }
            if let relay = actor.agency, record.parties["deputy"] == nil { record.parties["deputy"] = relay }
        case .agency, .coordinator:
            return
        }
    }

    /// Runs the deadline engine for `day`: reminders whose date arrived, expiries of timers due before it.
    package mutating func advance(to day: CalendarDate) -> WorkflowChange {
        var change = WorkflowChange()
        let ordinal = GregorianDay(day).ordinal
        for subject in nextEventDay.filter({ $0.value <= ordinal }).keys.sorted() {
            guard var record = records[subject] else { continue }
            var touched = false
            let running = record.process.timers.running.sorted { $0.key.rawValue < $1.key.rawValue }
            for (kind, deadline) in running {
                let event: ProcessEvent
                let notice: DeadlineAlert.Notice
                if deadline.due < day {
                    event = .timerExpired(kind)
                    notice = .overdue
                } else if let remind = deadline.remindOn, remind <= day, !record.reminded.contains(kind) {
                    event = .reminderDue(kind)
                    notice = .reminder
                } else {
                    continue
                }
                guard let transition = try? record.process.received(event, at: day, by: .coordinator, rules: rules)
                else { continue }
                touched = true
                if notice == .reminder { record.reminded.insert(kind) } else { record.reminded.remove(kind) }
                change.history.append(
                    WorkflowHistoryEntry(
                        subjectId: subject, on: day, event: event.name, actor: ProtocolActor.coordinator.description,
                        from: transition.from, to: transition.to))
                change.alerts.append(
                    DeadlineAlert(
                        subjectId: subject, process: record.process.kind, deadline: deadline, notice: notice, on: day,
                        parties: record.parties))
                // Timer effects only start and cancel timers and queue 督办: nothing here can be refused.
                try? perform(transition.effects, on: &record, day: day, into: &change)
            }
            if touched {
                record.updatedOn = day
                records[subject] = record
                change.records[subject] = record
                schedule(subject, record)
            }
        }
        return change
    }

    /// What is due (running timers) and overdue, oldest due date first.
    package func obligations() -> [(record: ProcessRecord, deadline: Deadline, overdue: Bool)] {
        var out: [(ProcessRecord, Deadline, Bool)] = []
        for record in records.values {
            let timers = record.process.timers
            for deadline in timers.running.values { out.append((record, deadline, false)) }
            for deadline in timers.overdue.values { out.append((record, deadline, true)) }
        }
        return out.sorted {
            ($0.1.due, $0.0.process.subjectId, $0.1.kind.rawValue) < ($1.1.due, $1.0.process.subjectId, $1.1.kind.rawValue)
        }
    }

    private func perform(
        _ effects: [ProtocolEffect], on record: inout ProcessRecord, day: CalendarDate, into change: inout WorkflowChange
    ) throws(ProtocolViolation) {
        for effect in effects {
            switch effect {
            case .startTimer(let deadline): record.reminded.remove(deadline.kind)
            case .cancelTimer(let kind): record.reminded.remove(kind)
            case .notify: break  // the documents themselves travel to the parties
            case .queueForJointMeeting(let item): change.agenda.append(item)
            case .startProcess(let linked):
                guard change.records[linked.subjectId] == nil, records[linked.subjectId] == nil else {
                    throw ProtocolViolation(
                        .alreadyDone,
                        "\(linked.subjectId) is already a subject on this bus; \(record.process.subjectId) needs a new id for it")
                }
                let opened: SharedProcess
                switch linked.kind {
                case .deputySuggestion:
                    opened = .deputySuggestion(
                        DeputySuggestionProcess(subjectId: linked.subjectId, originCaseId: linked.originSubjectId))
                case .publicInterestCase:
                    opened = .publicInterestCase(
                        PublicInterestCaseProcess(caseId: linked.subjectId, originSuggestionId: linked.originSubjectId))
                case .threeListsItem:
                    guard case .threeListsItem(let item) = record.process, let reopened = item.reopenedItem else { continue }
                    opened = .threeListsItem(reopened)
                case .meetingAssignment:
                    guard case .jointMeeting(let meeting) = record.process,
                        let decision = meeting.decisions.first(where: { $0.decisionId == linked.subjectId })
                    else { continue }
                    opened = .meetingAssignment(MeetingAssignmentProcess(decision: decision, meetingId: meeting.meetingId))
                }
                var new = ProcessRecord(process: opened, openedOn: day)
                new.parties = record.parties
                if case .reverseConversion(let conversion) = record.process { new.leadDeputy = conversion.leadDeputy }
                change.history.append(
                    WorkflowHistoryEntry(
                        subjectId: linked.subjectId, on: day, event: "opened (from \(linked.originSubjectId))",
                        actor: ProtocolActor.coordinator.description, from: "", to: opened.stateName))
                // A meeting's decision is published as it opens: its deadline runs from today.
                if case .meetingAssignment = opened,
                    let published = try? new.process.received(.meetingAssignment(.publish), at: day, by: .coordinator, rules: rules)
                {
                    change.history.append(
                        WorkflowHistoryEntry(
                            subjectId: linked.subjectId, on: day, event: "publish", actor: ProtocolActor.coordinator.description,
                            from: published.from, to: published.to))
                }
                change.records[linked.subjectId] = new
            }
        }
    }

    /// The protocol role of a sender, from its registry kind.
    static func actor(kind: String?, agency: AgencyID) -> ProtocolActor? {
        switch kind {
        case "congress": ProtocolActor(role: .congress, agency: agency)
        case "procuratorate": ProtocolActor(role: .procuratorate, agency: agency)
        case "agency": .agency(agency)
        case "station": ProtocolActor(role: .station, agency: agency)
        case "coordinator": .coordinator
        default: nil
        }
    }
}
