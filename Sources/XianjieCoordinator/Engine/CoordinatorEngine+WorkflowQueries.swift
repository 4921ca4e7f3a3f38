import Foundation
import XianjieMessages
import XianjieProtocols
import XianjieTrust

extension CoordinatorEngine {
    /// Who may ask: cases, meetings and everyone's deadlines are for the supervising side (congress,
    /// procuratorate, coordinator, operators); an agency or station may ask only what it owes.
    func queryRefusal(_ wire: WireMessage) -> String? {
        guard trust != nil else { return nil }
        let kind = kind(of: wire.header.source) ?? "unknown"
        if ["congress", "procuratorate", "coordinator", "operator"].contains(kind) { return nil }
        // Stations keep deputies' participation records; they may read the profiles.
        if wire.header.type == DeputyProfileQuery.messageType, kind == "station" { return nil }
        if wire.header.type == DueQuery.messageType, let query = try? wire.payload(DueQuery.self),
            query.agency == wire.header.source
        {
            return nil
        }
        return wire.header.type == DueQuery.messageType
            ? "a node of kind \(kind) may ask only for its own deadlines (agency: \(wire.header.source))"
            : "a node of kind \(kind) may not read cases or meetings; the congress, the procuratorate and operators may"
    }

    func refuseQuery(_ wire: WireMessage, identity: Data, _ detail: String, into turn: inout Turn) {
        let header = wire.header
        countRejection(.forbidden)
        let rejection = Rejection(messageId: header.id, type: header.type, reason: .forbidden, detail: detail)
        turn.afterCommit.append { [self] _ in send(rejection, to: header.source, identity: identity, correlationid: header.id) }
    }

    /// `xianjie case show`: a subject's state, history, what is due from whom, its agenda items.
    func caseReport(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let query = try? wire.payload(CaseQuery.self) else { return }
        let header = wire.header
        // After the commit, so the history includes this turn's steps.
        turn.afterCommit.append { [self] _ in
            let report = caseReport(for: query.subjectId)
            send(report, to: header.source, identity: identity, correlationid: header.id)
        }
    }

    func caseReport(for subject: String) -> CaseReport {
        let agendaItems = agenda.filter { $0.subjectId == subject }.map(agendaItem)
        guard let record = workflow[subject] else {
            return CaseReport(
                subjectId: subject, found: false, process: nil, state: nil, today: today, details: nil, obligations: [],
                history: [], agenda: agendaItems)
        }
        var history: [CaseReport.HistoryEntry] = []
        do {
            history = try store.workflowHistory(subject: subject)
        } catch {
            logger.error("cannot read the history of \(subject): \(error)")
        }
        let timers = record.process.timers
        let obligations =
            timers.running.values.map { ($0, false) } + timers.overdue.values.map { ($0, true) }
        return CaseReport(
            subjectId: subject, found: true, process: record.process.kind.rawValue, state: record.process.stateName,
            today: today, details: record.process.details,
            obligations: obligations.sorted { $0.0.due < $1.0.due }.map { deadline, overdue in
                CaseReport.Obligation(
                    timer: deadline.kind.rawValue, due: deadline.due, remindOn: deadline.remindOn,
                    obligated: party(deadline.obligated, parties: record.parties),
                    supervisor: party(deadline.supervisor, parties: record.parties), overdue: overdue)
            },
            history: history, agenda: agendaItems)
    }

    /// `xianjie due`: everything due or overdue, optionally for one agency and within so many days.
    func dueReport(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let query = try? wire.payload(DueQuery.self) else { return }
        let header = wire.header
        let report = dueReport(agency: query.agency, withinDays: query.withinDays)
        turn.afterCommit.append { [self] _ in send(report, to: header.source, identity: identity, correlationid: header.id) }
    }

    func dueReport(agency: AgencyID?, withinDays: Int?) -> DueReport {
        let todayOrdinal = self.todayOrdinal
        var items: [DueReport.Item] = []
        for (record, deadline, overdue) in workflow.obligations() {
            let obligated = party(deadline.obligated, parties: record.parties)
            let supervisor = party(deadline.supervisor, parties: record.parties)
            let daysLeft = GregorianDay(deadline.due).ordinal - todayOrdinal
            if let agency, obligated.agency != agency, supervisor.agency != agency { continue }
            if let withinDays, !overdue, daysLeft > withinDays { continue }
            items.append(
                DueReport.Item(
                    subjectId: record.process.subjectId, process: record.process.kind.rawValue,
                    state: record.process.stateName, timer: deadline.kind.rawValue, due: deadline.due,
                    remindOn: deadline.remindOn, obligated: obligated, supervisor: supervisor, overdue: overdue,
                    daysLeft: daysLeft))
        }
        return DueReport(today: today, items: items, agenda: agenda.map(agendaItem))
    }

    private func agendaItem(_ row: AgendaRow) -> DueReport.AgendaItem {
        DueReport.AgendaItem(
            subjectId: row.subjectId, reason: row.reason,
            obligated: row.obligated.map { party($0, parties: workflow[row.subjectId]?.parties ?? [:]) }, due: row.due,
            queuedOn: row.queuedOn)
    }

    /// `xianjie clock`: reads the deadline engine's day; on a driven clock, an operator moves it forward
    /// and every day in between runs (reminders and expiries fall on their own days).
    func clock(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let request = try? wire.payload(ClockRequest.self) else { return }
        let header = wire.header
        func refuse(_ reason: Rejection.Reason, _ detail: String) {
            countRejection(reason)
            let rejection = Rejection(messageId: header.id, type: header.type, reason: reason, detail: detail)
            turn.afterCommit.append { [self] _ in
                send(rejection, to: header.source, identity: identity, correlationid: header.id)
            }
        }
        var counts = (reminders: 0, overdue: 0)
        if request.set != nil || request.advanceDays != nil {
            guard configuration.clock.driven else {
                refuse(
                    .forbidden,
                    "this coordinator's clock follows the wall clock; only a coordinator configured with clock.driven = true can be moved")
                return
            }
            if trust != nil, kind(of: header.source) != "operator" {
                refuse(.forbidden, "only an operator may move the clock; \(header.source) is not one")
                return
            }
            guard request.set == nil || request.advanceDays == nil else {
                refuse(.invalidEnvelope, "give either set or advanceDays, not both")
                return
            }
            let advance = request.advanceDays ?? 0
            guard advance <= Self.longestClockMove else {
                refuse(.invalidEnvelope, "the clock moves at most \(Self.longestClockMove) days at a time, not \(advance)")
                return
            }
            let target = request.set.map { GregorianDay($0).ordinal } ?? drivenDay + advance
            guard target <= Self.lastDrivenDay else {
                refuse(
                    .invalidEnvelope,
                    "the clock cannot go past \(GregorianDay(ordinal: Self.lastDrivenDay).calendarDate): deadlines months later must still be dates")
                return
            }
            guard target - drivenDay <= Self.longestClockMove else {
                refuse(.invalidEnvelope, "the clock moves at most \(Self.longestClockMove) days at a time; set an earlier day first")
                return
            }
            guard target >= drivenDay else {
                refuse(
                    .invalidEnvelope,
                    "the clock only moves forward: today is \(today), not \(GregorianDay(ordinal: target).calendarDate)")
                return
            }
            let from = today
            drivenDay = target
            turn.batch.workflow.today = drivenDay
            turn.batch.audit.append(
                PendingAudit(.clockChanged, actor: header.source.rawValue, detail: "driven clock moved from \(from) to \(today)"))
            logger.notice("driven clock moved", metadata: ["xianjie.from": "\(from)", "xianjie.to": "\(today)"])
            counts = runDeadlines(through: drivenDay, into: &turn)
        }
        let report = ClockReport(
            today: today, driven: configuration.clock.driven, reminders: counts.reminders, overdue: counts.overdue)
        turn.afterCommit.append { [self] _ in send(report, to: header.source, identity: identity, correlationid: header.id) }
    }

    /// Ten years: every day in between runs the deadline engine inside one turn.
    static let longestClockMove = 3_660
    /// 2999-12-31: a driven clock stays far from the calendar's end.
    static let lastDrivenDay = GregorianDay(year: 2999, month: 12, day: 31).ordinal

    /// `xianjie deputy profile`: a deputy's participation in a year (履职画像).
    func deputyProfile(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let query = try? wire.payload(DeputyProfileQuery.self) else { return }
        let header = wire.header
        turn.afterCommit.append { [self] _ in
            do {
                let profile = try store.deputyProfile(personId: query.personId, year: query.year)
                send(profile, to: header.source, identity: identity, correlationid: header.id)
            } catch {
                logger.error("cannot read the participation of \(query.personId): \(error)")
            }
        }
    }
}
