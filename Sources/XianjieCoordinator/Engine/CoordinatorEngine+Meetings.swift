import Foundation
import XianjieMessages
import XianjieProtocols

/// 联席会议 (DOMAIN.md §4 D): the coordinator announces recurring meetings, collects and freezes
/// their agendas; the members convene, minute and co-sign them (documents the book checks).
extension CoordinatorEngine {
    /// One day of the meeting calendar: notices for meetings coming within the notice lead, and the
    /// agendas due to freeze.
    func runMeetings(on day: CalendarDate, into turn: inout Turn) {
        let settings = configuration.meetings
        let today = GregorianDay(day)
        for cadence in settings.cadence {
            for offset in 0...settings.noticeLeadDays {
                let date = today.adding(days: offset)
                guard Self.falls(cadence, on: date) else { continue }
                let meetingId = Self.meetingId(cadence.kind, date.calendarDate)
                guard workflow[meetingId] == nil else { continue }
                announce(
                    kind: cadence.kind, title: "\(cadence.title) \(date.calendarDate)", on: date.calendarDate,
                    meetingId: meetingId, members: nil, convener: nil, day: day, into: &turn)
            }
        }
        let open = workflow.records.values.compactMap { record -> JointMeetingProcess? in
            guard case .jointMeeting(let meeting) = record.process, meeting.state == .agendaOpen else { return nil }
            return meeting
        }
        for meeting in open.sorted(by: { $0.meetingId < $1.meetingId })
        where GregorianDay(meeting.scheduledFor).ordinal - settings.freezeLeadDays <= today.ordinal {
            freezeAgenda(of: meeting, on: day, into: &turn)
        }
    }

    /// Sends a meeting notice (and opens the meeting); nil, or why not.
    @discardableResult
    func announce(
        kind: MeetingKind, title: String, on date: CalendarDate, meetingId: String, members: [AgencyID]?,
        convener: AgencyID?, day: CalendarDate, into turn: inout Turn
    ) -> ProtocolViolation? {
        let members = members ?? configuration.meetings.members ?? (agencies(ofKind: "congress") + agencies(ofKind: "procuratorate"))
        guard let convener = convener ?? configuration.meetings.convener ?? agencies(ofKind: "congress").first ?? members.first
        else {
            logger.warning("no meeting members registered; \(meetingId) is not announced")
            return ProtocolViolation(.invalidArgument, "no congress or procuratorate node is registered to invite")
        }
        let notice = MeetingNotice(
            meetingId: meetingId, kind: kind, title: title, scheduledFor: date, convener: convener, members: members,
            issuedAt: Date())
        logger.notice("meeting announced", metadata: ["xianjie.meeting": "\(meetingId)", "xianjie.on": "\(date)"])
        return act(notice, to: members, subject: meetingId, on: day, into: &turn)
    }

    /// Collects the agenda (督办 items, new clues, conversion candidates, look-backs due, motions),
    /// freezes it and sends it to the members.
    func freezeAgenda(of meeting: JointMeetingProcess, on day: CalendarDate, into turn: inout Turn) {
        var items: [MeetingAgenda.Item] = []
        func add(_ category: MeetingAgenda.Category, _ subject: String?, _ title: String, due: CalendarDate? = nil,
                 obligated: DeadlineNotice.Party? = nil) {
            items.append(
                MeetingAgenda.Item(
                    itemId: "\(meeting.meetingId)/\(items.count + 1)", category: category, subjectId: subject, title: title,
                    due: due, obligated: obligated))
        }
        let taken = agenda
        for row in taken {
            add(.overdue, row.subjectId, row.reason, due: row.due,
                obligated: row.obligated.map { party($0, parties: workflow[row.subjectId]?.parties ?? [:]) })
        }
        do {
            for clue in try store.acceptedSubjects(type: Clue.messageType, since: lastFreezeAt) {
                add(.newClue, clue, "新线索 \(clue)")
            }
        } catch {
            logger.error("cannot read the clues for the agenda of \(meeting.meetingId): \(error)")
        }
        let window = GregorianDay(day).adding(days: configuration.meetings.lookBackWindowDays).calendarDate
        for record in workflow.records.values.sorted(by: { $0.process.subjectId < $1.process.subjectId }) {
            switch record.process {
            case .reverseConversion(let c) where [.copiedToCongress, .screening, .conversionProposed].contains(c.state):
                add(.conversionCandidate, c.documentNumber, "检察建议 \(c.documentNumber)（案件 \(c.caseId)）可转化为代表建议")
            case .threeListsItem(let item) where item.state == .lookBackScheduled && (item.lookBackOn.map { $0 <= window } ?? false):
                add(.lookBackDue, item.itemId, "回头看：\(item.problem)", due: item.lookBackOn)
            case .publicInterestCase(let c) where c.state == .closed:
                add(.lookBackDue, c.caseId, "办结案件回头看：\(c.caseId)")
            default: break
            }
        }
        for motion in meeting.motions { add(.motion, motion.subjectId, motion.title) }

        let frozen = MeetingAgenda(meetingId: meeting.meetingId, items: items, frozenOn: day)
        guard act(frozen, to: meeting.members, subject: meeting.meetingId, on: day, into: &turn) == nil else { return }
        agenda.removeAll { row in taken.contains(row) }
        turn.batch.workflow.agendaTaken += taken.map { (meeting.meetingId, $0.subjectId, $0.reason) }
        lastFreezeAt = Date()
        turn.batch.workflow.lastFreezeAt = Int(lastFreezeAt.timeIntervalSince1970)
        logger.notice(
            "meeting agenda frozen", metadata: ["xianjie.meeting": "\(meeting.meetingId)", "xianjie.items": "\(items.count)"])
    }

    static func falls(_ cadence: MeetingConfiguration.Cadence, on day: GregorianDay) -> Bool {
        if let weekday = cadence.weekday { return day.weekday == weekday }
        if let dayOfMonth = cadence.dayOfMonth { return day.day == dayOfMonth }
        return false
    }

    /// `WO-2024-06-03` (weekly office), `MC-2024-06-05` (monthly coordination), …
    static func meetingId(_ kind: MeetingKind, _ date: CalendarDate) -> String {
        let prefix =
            switch kind {
            case .weeklyOffice: "WO"
            case .monthlyCoordination: "MC"
            case .periodicJoint: "PJ"
            case .topic: "TM"
            case .assignment: "AM"
            }
        return "\(prefix)-\(date)"
    }

    // MARK: Queries

    /// `xianjie meeting show|list`: meetings with their agenda, quorum and decisions.
    func meetingReport(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let query = try? wire.payload(MeetingQuery.self) else { return }
        let header = wire.header
        turn.afterCommit.append { [self] _ in
            send(meetingReport(meetingId: query.meetingId), to: header.source, identity: identity, correlationid: header.id)
        }
    }

    func meetingReport(meetingId: String?) -> MeetingReport {
        let horizon = GregorianDay(ordinal: todayOrdinal - 7).calendarDate
        let meetings = workflow.records.values.compactMap { record -> JointMeetingProcess? in
            guard case .jointMeeting(let meeting) = record.process else { return nil }
            if let meetingId { return meeting.meetingId == meetingId ? meeting : nil }
            return meeting.state != .decisionsPublished || meeting.scheduledFor >= horizon ? meeting : nil
        }
        return MeetingReport(
            today: today,
            meetings: meetings.sorted { ($0.scheduledFor, $0.meetingId) < ($1.scheduledFor, $1.meetingId) }.map { m in
                MeetingReport.Meeting(
                    meetingId: m.meetingId, kind: m.kind, title: m.title, scheduledFor: m.scheduledFor,
                    state: m.state.rawValue, convener: m.convener ?? .coordinator, members: m.members, quorum: m.quorum,
                    quorumProblem: m.quorumProblem, agenda: m.agenda, motions: m.motions.map(\.title),
                    decisions: m.decisions.map { d in
                        MeetingReport.DecisionStatus(
                            decisionId: d.decisionId, item: d.item, responsibleUnit: d.responsibleUnit, deadline: d.deadline,
                            state: workflow[d.decisionId]?.process.stateName ?? "notPublished")
                    })
            })
    }

    /// `xianjie meeting schedule`: an operator (or an agency) calls a topic or assignment meeting.
    func scheduleMeeting(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let request = try? wire.payload(MeetingSchedule.self) else { return }
        let header = wire.header
        let day = today
        var problem: String?
        if request.scheduledFor < day {
            problem = "a meeting cannot be scheduled in the past (today is \(day))"
        }
        var meetingId = Self.meetingId(request.kind, request.scheduledFor)
        var n = 2
        while workflow[meetingId] != nil {
            meetingId = Self.meetingId(request.kind, request.scheduledFor) + "-\(n)"
            n += 1
        }
        if problem == nil,
            let violation = announce(
                kind: request.kind, title: request.title, on: request.scheduledFor, meetingId: meetingId,
                members: request.members, convener: request.convener, day: day, into: &turn)
        {
            problem = violation.message
        }
        if let problem {
            countRejection(.invalidEnvelope)
            let rejection = Rejection(messageId: header.id, type: header.type, reason: .invalidEnvelope, detail: problem)
            turn.afterCommit.append { [self] _ in send(rejection, to: header.source, identity: identity, correlationid: header.id) }
            return
        }
        turn.afterCommit.append { [self] _ in
            send(meetingReport(meetingId: meetingId), to: header.source, identity: identity, correlationid: header.id)
        }
    }
}
