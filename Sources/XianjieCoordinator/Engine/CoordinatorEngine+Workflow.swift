import Foundation
import XianjieMessages
import XianjieProtocols
import XianjieTrust

/// What the joint protocols say about a durable document.
enum WorkflowAdmission {
    /// Its type is part of no shared process.
    case notWorkflow
    /// It moved one or more processes (already applied in memory; written with the turn).
    case admitted(WorkflowChange, on: CalendarDate)
    /// It breaks a protocol: refused, nothing changed.
    case refused(ProtocolViolation)
}

extension CoordinatorEngine {
    /// The deadline engine's day: the driven clock's, or the wall clock's in the configured time zone.
    var todayOrdinal: Int { configuration.clock.driven ? drivenDay : configuration.clock.wallDay() }
    var today: CalendarDate { GregorianDay(ordinal: todayOrdinal).calendarDate }

    /// A sender's registry kind (`congress`, `procuratorate`, …): from the registry, or without trust
    /// from what the node said in its hello.
    func kind(of agency: AgencyID) -> String? {
        if agency == .coordinator { return "coordinator" }
        if let trust { return trust.entry(agency)?.entry.kind }
        return nodes[agency]?.kind
    }

    func workflowAdmission(of wire: WireMessage) -> WorkflowAdmission {
        let header = wire.header
        let day = today
        do {
            guard
                let change = try workflow.admit(
                    type: header.type, data: wire.data, sender: header.source, senderKind: kind(of: header.source),
                    on: day, recipients: header.recipients ?? [])
            else { return .notWorkflow }
            return .admitted(change, on: day)
        } catch {
            return .refused(error)
        }
    }

    /// Refuses a document that breaks a protocol: a typed rejection naming the rule, audited, its sequence consumed.
    func refuse(_ wire: WireMessage, identity: Data, violation: ProtocolViolation, into turn: inout Turn) async {
        var problem = EnvelopeError(.workflowViolation, violation.message)
        problem.rule = violation.rule.description
        await reject(wire, identity: identity, error: problem, into: &turn)
    }

    /// Writes a change with the turn: processes, timers, history, agenda; sends its deadline notices.
    func record(_ change: WorkflowChange, messageId: String?, day: CalendarDate, into turn: inout Turn) {
        var change = change
        change.agenda = change.agenda.filter { item in
            guard !agenda.contains(where: { $0.subjectId == item.subjectId && $0.reason == item.reason }) else { return false }
            agenda.append(
                AgendaRow(subjectId: item.subjectId, reason: item.reason, obligated: item.obligated, due: item.due, queuedOn: day))
            return true
        }
        turn.batch.workflow.changes.append((change, messageId, day))
        if configuration.clock.driven { turn.batch.workflow.today = drivenDay }
        turn.batch.workflow.firedThrough = firedThrough
        for entry in change.history {
            turn.batch.audit.append(
                PendingAudit(
                    .workflowTransition, actor: entry.actor, subject: entry.subjectId, messageId: messageId,
                    detail: "\(entry.event): \(entry.from.isEmpty ? "opened" : entry.from) → \(entry.to) on \(entry.on)"))
        }
        for item in change.agenda {
            logger.notice(
                "督办: queued for the next joint meeting",
                metadata: ["xianjie.subject": "\(item.subjectId)", "xianjie.reason": "\(item.reason)"])
        }
        for alert in change.alerts { send(alert, into: &turn) }
    }

    /// Runs the deadline engine for every day up to `target` not yet run; returns what it sent.
    @discardableResult
    func runDeadlines(through target: Int, into turn: inout Turn) -> (reminders: Int, overdue: Int) {
        var counts = (reminders: 0, overdue: 0)
        while firedThrough < target {
            firedThrough += 1
            let day = GregorianDay(ordinal: firedThrough).calendarDate
            let change = workflow.advance(to: day)
            counts.reminders += change.alerts.filter { $0.notice == .reminder }.count
            counts.overdue += change.alerts.filter { $0.notice == .overdue }.count
            if !change.isEmpty { record(change, messageId: nil, day: day, into: &turn) }
            runMeetings(on: day, into: &turn)
        }
        turn.batch.workflow.firedThrough = firedThrough
        return counts
    }

    /// With the wall clock: a new day runs the deadline engine (and catches up days the coordinator was down).
    func runDeadlinesIfDayChanged() async {
        guard !configuration.clock.driven, configuration.clock.wallDay() > firedThrough else { return }
        var turn = Turn()
        runDeadlines(through: configuration.clock.wallDay(), into: &turn)
        await finish(turn)
    }

    // MARK: Deadline notices

    /// A reminder to the obligated party; an overdue notice to it and its supervisor (督办).
    private func send(_ alert: DeadlineAlert, into turn: inout Turn) {
        let deadline = alert.deadline
        var parties = [deadline.obligated]
        if alert.notice == .overdue {
            parties.append(deadline.supervisor)
            // The procuratorate owns its case: an overdue reply means it must start the follow-up.
            if alert.process == .publicInterestCase { parties.append(.procuratorate) }
        }
        let recipients = Array(Set(parties.flatMap { agencies(for: $0, parties: alert.parties) })).sorted()
        let notice = DeadlineNotice(
            subjectId: alert.subjectId, process: alert.process.rawValue, timer: deadline.kind.rawValue,
            notice: alert.notice == .reminder ? .reminder : .overdue, due: deadline.due,
            obligated: party(deadline.obligated, parties: alert.parties),
            supervisor: party(deadline.supervisor, parties: alert.parties), text: alert.text, on: alert.on)
        turn.batch.audit.append(
            PendingAudit(
                .deadlineFired, actor: AgencyID.coordinator.rawValue, subject: alert.subjectId,
                detail: alert.text + " (to " + (recipients.isEmpty ? "nobody reachable" : recipients.map(\.rawValue).joined(separator: ", ")) + ")"))
        logger.notice(
            alert.notice == .reminder ? "deadline reminder" : "deadline overdue",
            metadata: [
                "xianjie.subject": "\(alert.subjectId)", "xianjie.timer": "\(deadline.kind.rawValue)",
                "xianjie.due": "\(deadline.due)", "xianjie.obligated": "\(deadline.obligated)",
            ])
        guard !recipients.isEmpty else { return }
        emit(notice, to: recipients, subject: alert.subjectId, into: &turn)
    }

    /// A document the coordinator itself takes part with (a meeting notice, a frozen agenda): applied
    /// to the book as the coordinator's own step, then sent. Returns the violation if the step is illegal.
    @discardableResult
    func act<P: MessagePayload>(
        _ payload: P, to recipients: [AgencyID], subject: String, on day: CalendarDate, into turn: inout Turn
    ) -> ProtocolViolation? {
        let data: Data
        do {
            data = try XianjieJSON.encode(payload)
        } catch {
            logger.error("cannot encode \(P.messageType): \(error)")
            return ProtocolViolation(.invalidArgument, "cannot encode \(P.messageType)")
        }
        let change: WorkflowChange?
        do {
            change = try workflow.admit(
                type: P.messageType, data: data, sender: .coordinator, senderKind: "coordinator", on: day,
                recipients: recipients)
        } catch {
            logger.error("the coordinator's own \(P.messageType) for \(subject) was refused: \(error)")
            return error
        }
        let id = emit(payload, to: recipients, subject: subject, into: &turn)
        if let change { record(change, messageId: id, day: day, into: &turn) }
        return nil
    }

    /// A durable document from the coordinator itself: its own sequence, signed, queued like any other.
    @discardableResult
    func emit<P: MessagePayload>(_ payload: P, to recipients: [AgencyID], subject: String?, into turn: inout Turn) -> String? {
        // Another region's agencies hear from their own coordinator, not from this one.
        let recipients = localOnly(recipients)
        guard !recipients.isEmpty else { return nil }
        let sequence = (sources[.coordinator] ?? 0) + 1
        let header = EnvelopeHeader(
            source: .coordinator, type: P.messageType, subject: subject, dataschema: P.schemaID, recipients: recipients,
            sequence: sequence)
        do {
            var wire = try WireMessage.make(payload, header: header)
            if let trust { wire = trust.sign(wire) }
            sources[.coordinator] = sequence
            turn.batch.sourceSequences[.coordinator] = sequence
            let hash = MessageSignature.hash(wire)
            enqueue(wire, recipients: recipients, at: Date(), hash: hash, into: &turn)
            turn.batch.audit.append(
                PendingAudit(
                    .messageAccepted, actor: AgencyID.coordinator.rawValue, subject: subject, messageId: header.id,
                    messageHash: hash,
                    detail: "\(P.messageType) #\(sequence) from coordinator to \(recipients.map(\.rawValue).joined(separator: ", "))"))
            return header.id
        } catch {
            logger.error("cannot encode \(P.messageType): \(error)")
            return nil
        }
    }

    /// The agencies that answer for a protocol actor in a process.
    func agencies(for actor: ProtocolActor, parties: [String: AgencyID]) -> [AgencyID] {
        if let agency = actor.agency { return [agency] }
        if let agency = parties[actor.role.rawValue] { return [agency] }
        switch actor.role {
        case .deputy: return parties[ProtocolActor.Role.congress.rawValue].map { [$0] } ?? agencies(ofKind: "congress")
        case .congress: return agencies(ofKind: "congress")
        case .procuratorate: return agencies(ofKind: "procuratorate")
        case .superiorProcuratorate: return configuration.superiorProcuratorate.map { [$0] } ?? []
        case .coordinator:
            // The coordinator supervises on behalf of whoever issued the list or called the meeting.
            return [parties[ProtocolActor.Role.procuratorate.rawValue], parties[ProtocolActor.Role.congress.rawValue]]
                .compactMap { $0 }
        case .agency, .station: return []
        }
    }

    func agencies(ofKind kind: String) -> [AgencyID] {
        if let trust { return trust.agencies(ofKind: kind) }
        return nodes.filter { $0.value.kind == kind }.map(\.key).sorted()
    }

    func party(_ actor: ProtocolActor, parties: [String: AgencyID]) -> DeadlineNotice.Party {
        DeadlineNotice.Party(
            role: actor.role.rawValue, agency: actor.agency ?? agencies(for: actor, parties: parties).first,
            person: actor.person)
    }
}
