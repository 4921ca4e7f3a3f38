import Foundation
import Testing
import XianjieMessages

@testable import XianjieProtocols

/// The coordinator's book of shared processes: documents in, changes out; refusals change nothing.
@Suite struct WorkflowBookTests {
    static let congress: AgencyID = "hutubi.congress"
    static let procuratorate: AgencyID = "hutubi.procuratorate"
    static let water: AgencyID = "hutubi.water"
    static let market: AgencyID = "hutubi.market"
    let now = Date()

    func admit<P: MessagePayload>(
        _ book: inout WorkflowBook, _ payload: P, from sender: AgencyID, kind: String, on date: String
    ) throws(ProtocolViolation) -> WorkflowChange? {
        let data = try! XianjieJSON.encode(payload)
        return try book.admit(type: P.messageType, data: data, sender: sender, senderKind: kind, on: day(date))
    }

    func issued(_ book: inout WorkflowBook, urgent: Bool = false, on date: String = "2024-09-02") throws {
        let chief = Person(name: "张检察长", personId: "P-1")
        _ = try admit(
            &book,
            CaseFilingDecision(
                caseId: "C-1", decision: .filed, originClueId: "clue-1", domain: .foodAndDrugSafety, summary: "乳粉",
                decidedAt: now, approvedBy: chief), from: Self.procuratorate, kind: "procuratorate", on: date)
        _ = try admit(
            &book, CaseProgress(caseId: "C-1", step: .investigationStarted, at: now), from: Self.procuratorate,
            kind: "procuratorate", on: date)
        _ = try admit(
            &book,
            ProcuratorialSuggestion(
                documentNumber: "N-1", caseId: "C-1", kind: .publicInterest, addressee: Self.market, facts: "f",
                legalBasis: "l", recommendations: ["r"], urgent: urgent, issuedAt: now,
                replyDueBy: day("2024-09-17"), approvedBy: chief, deliveryMode: .written),
            from: Self.procuratorate, kind: "procuratorate", on: date)
    }

    static let coordinator: AgencyID = "hutubi.coordinator"
    static let meetingId = "PJ-2024-10-15"
    static let decisions = [
        JointMeetingMinutes.Decision(
            decisionId: "PJ-2024-10-15-D1", item: "制定机井整改方案", leadPerson: "王局长", responsibleUnit: water,
            deadline: day("2024-12-20")),
        JointMeetingMinutes.Decision(
            decisionId: "PJ-2024-10-15-D2", item: "回头看红柳滩修复", leadPerson: "张检察长", responsibleUnit: procuratorate,
            deadline: day("2024-12-31")),
    ]

    /// A plenary joint meeting driven by its documents from the notice to its minutes, not yet signed.
    func minutesDrafted(_ book: inout WorkflowBook) throws {
        let id = Self.meetingId
        let notice = MeetingNotice(
            meetingId: id, kind: .periodicJoint, title: "联席会议", scheduledFor: day("2024-10-15"), convener: Self.congress,
            members: [Self.congress, Self.procuratorate, Self.water], issuedAt: now)
        let opened = try admit(&book, notice, from: Self.congress, kind: "congress", on: "2024-10-10")
        #expect(opened?.records[id]?.process.stateName == "agendaOpen")
        let motion = AgendaMotion(meetingId: id, motionId: "M-1", title: "机井肥水倒灌", reason: "62口井", at: now)
        _ = try admit(&book, motion, from: Self.procuratorate, kind: "procuratorate", on: "2024-10-11")
        let agenda = MeetingAgenda(
            meetingId: id, items: [MeetingAgenda.Item(itemId: "A-1", category: .motion, title: "机井肥水倒灌")],
            frozenOn: day("2024-10-14"))
        _ = try admit(&book, agenda, from: Self.coordinator, kind: "coordinator", on: "2024-10-14")
        let attendees = [
            MeetingAttendance.Attendee(person: Person(name: "李主任"), agency: Self.congress, side: .congress, role: .groupLeader),
            MeetingAttendance.Attendee(
                person: Person(name: "张检察长"), agency: Self.procuratorate, side: .procuratorate, role: .principal),
        ]
        _ = try admit(
            &book, MeetingAttendance(meetingId: id, attendees: attendees, convenedAt: now), from: Self.congress,
            kind: "congress", on: "2024-10-15")
        _ = try admit(
            &book, JointMeetingMinutes(meetingId: id, summary: "纪要", decisions: Self.decisions, draftedAt: now),
            from: Self.congress, kind: "congress", on: "2024-10-15")
        #expect(book[id]?.process.stateName == "minutesDrafted")
    }

    func cosign(_ book: inout WorkflowBook, _ side: MeetingSide, from sender: AgencyID, on date: String) throws -> WorkflowChange? {
        let signature = MinutesCosign(meetingId: Self.meetingId, side: side, signedBy: Person(name: "签发人"), signedAt: now)
        return try admit(&book, signature, from: sender, kind: side.rawValue, on: date)
    }

    @Test func aMeetingRunsFromItsNoticeToPublishedAssignments() throws {
        var book = WorkflowBook(rules: rules2024)
        try minutesDrafted(&book)
        let first = try #require(try cosign(&book, .congress, from: Self.congress, on: "2024-10-16"))
        #expect(first.history.map(\.event) == ["cosign(congress)"])
        #expect(book[Self.meetingId]?.process.stateName == "minutesDrafted")
        #expect(Self.decisions.allSatisfy { book[$0.decisionId] == nil })

        // The second side's signature publishes the decisions in the same step.
        let second = try #require(try cosign(&book, .procuratorate, from: Self.procuratorate, on: "2024-10-17"))
        #expect(book[Self.meetingId]?.process.stateName == "decisionsPublished")
        let opened = "opened (from \(Self.meetingId))"
        #expect(second.history.map(\.event) == ["cosign(procuratorate)", "publish", opened, "publish", opened, "publish"])
        for decision in Self.decisions {
            let record = try #require(book[decision.decisionId])
            #expect(record.process.stateName == "open" && record.openedOn == day("2024-10-17"))
            let deadline = try #require(record.process.timers.deadline(.meetingAssignment))
            #expect(deadline.due == decision.deadline && deadline.obligated == .agency(decision.responsibleUnit))
            guard case .meetingAssignment(let assignment) = record.process else {
                Issue.record("\(decision.decisionId) is a \(record.process.kind.title)")
                continue
            }
            #expect(assignment.published && assignment.meetingId == Self.meetingId && assignment.decision == decision)
        }
        #expect(book.obligations().map(\.record.process.subjectId) == Self.decisions.map(\.decisionId))
    }

    @Test func progressFromAnotherUnitIsRefused() throws {
        var book = WorkflowBook(rules: rules2024)
        try minutesDrafted(&book)
        _ = try cosign(&book, .procuratorate, from: Self.procuratorate, on: "2024-10-16")
        _ = try cosign(&book, .congress, from: Self.congress, on: "2024-10-16")
        let before = book.records
        let water = Self.decisions[0].decisionId
        let progress = { (decisionId: String, step: AssignmentProgress.Step) in
            AssignmentProgress(decisionId: decisionId, meetingId: Self.meetingId, step: step, report: "进展", at: self.now)
        }
        for (decisionId, sender, kind) in [
            (water, Self.market, "agency"), (water, Self.procuratorate, "procuratorate"), ("PJ-2024-10-15-D9", Self.water, "agency"),
        ] {
            do {
                _ = try admit(&book, progress(decisionId, .started), from: sender, kind: kind, on: "2024-10-18")
                Issue.record("progress on \(decisionId) from \(sender) was accepted")
            } catch {
                #expect(error.rule == .notAssignedToUnit, "\(decisionId) from \(sender): \(error)")
            }
        }
        #expect(book.records == before)
        // The responsible unit's own reports move it.
        _ = try admit(&book, progress(water, .started), from: Self.water, kind: "agency", on: "2024-10-18")
        #expect(book[water]?.process.stateName == "inProgress")
        _ = try admit(&book, progress(water, .done), from: Self.water, kind: "agency", on: "2024-11-20")
        #expect(book[water]?.process.stateName == "done")
        #expect(book[water]?.process.timers.running.isEmpty == true)
    }

    @Test func aFilingDecisionOpensTheCaseAndTheSuggestionStartsItsTimers() throws {
        var book = WorkflowBook(rules: rules2024)
        try issued(&book, urgent: true)
        let record = try #require(book["C-1"])
        #expect(record.process.stateName == "awaitingReply")
        #expect(record.parties["procuratorate"] == Self.procuratorate)
        let reply = try #require(record.process.timers.deadline(.procuratorialReply))
        #expect(reply.due == day("2024-09-17"))
        #expect(reply.remindOn == day("2024-09-10"))
        #expect(record.process.timers.isRunning(.fileWithSuperior))
        #expect(record.process.timers.isRunning(.copyToCongress))
    }

    @Test func aRefusedDocumentChangesNothing() throws {
        var book = WorkflowBook(rules: rules2024)
        try issued(&book)
        let before = book.records
        let wrongNumber = RectificationReply(
            documentNumber: "N-2", caseId: "C-1", status: .rectified, measures: ["m"], repliedAt: now)
        #expect(throws: ProtocolViolation.self) {
            try admit(&book, wrongNumber, from: Self.market, kind: "agency", on: "2024-09-03")
        }
        let fromWrongAgency = RectificationReply(
            documentNumber: "N-1", caseId: "C-1", status: .rectified, measures: ["m"], repliedAt: now)
        do {
            _ = try admit(&book, fromWrongAgency, from: Self.water, kind: "agency", on: "2024-09-03")
            Issue.record("a reply from an agency that is not the addressee was accepted")
        } catch {
            #expect(error.rule == .replyFromWrongAgency)
        }
        #expect(book.records == before)
    }

    @Test func aListIsAllOrNothing() throws {
        var book = WorkflowBook(rules: rules2024)
        let items = (1...3).map { IssueList.Item(itemId: "W-\($0)", problem: "机井\($0)") }
        _ = try admit(
            &book, IssueList(listId: "L", items: items, issuedAt: now), from: Self.procuratorate, kind: "procuratorate",
            on: "2024-09-02")
        // W-3's deadline is not after today: the whole list is refused, W-1 and W-2 stay identified.
        let assignments = [("W-1", "2024-10-01"), ("W-2", "2024-10-01"), ("W-3", "2024-09-02")].map {
            ResponsibilityList.Assignment(itemId: $0.0, unit: Self.water, leadPerson: "局长", deadline: day($0.1))
        }
        do {
            _ = try admit(
                &book, ResponsibilityList(listId: "L", assignments: assignments, issuedAt: now), from: Self.procuratorate,
                kind: "procuratorate", on: "2024-09-02")
            Issue.record("a list with an invalid item was accepted")
        } catch {
            #expect(error.rule == .invalidArgument)
        }
        #expect(book["W-1"]?.process.stateName == "identified")
        #expect(book["W-2"]?.process.stateName == "identified")
    }

    @Test func theDeadlineEngineRemindsOnceThenExpiresTheDayAfterTheDueDate() throws {
        var book = WorkflowBook(rules: rules2024)
        try issued(&book, urgent: true)
        var alerts: [(String, DeadlineAlert.Notice, TimerKind)] = []
        var agenda: [JointMeetingItem] = []
        var ordinal = GregorianDay(day("2024-09-03")).ordinal
        while ordinal <= GregorianDay(day("2024-09-18")).ordinal {
            let today = GregorianDay(ordinal: ordinal).calendarDate
            let change = book.advance(to: today)
            alerts += change.alerts.map { (today.rawValue, $0.notice, $0.deadline.kind) }
            agenda += change.agenda
            ordinal += 1
        }
        // Filing (5 days) and copy (10 days) were never done: reminded, then overdue too.
        let reply = alerts.filter { $0.2 == .procuratorialReply }
        #expect(reply.map(\.0) == ["2024-09-10", "2024-09-18"])
        #expect(reply.map(\.1) == [.reminder, .overdue])
        #expect(alerts.filter { $0.2 == .fileWithSuperior }.map(\.0) == ["2024-09-06", "2024-09-08"])
        #expect(book["C-1"]?.process.stateName == "replyOverdue")
        #expect(agenda.map(\.subjectId) == ["C-1", "C-1", "C-1"])
        // Running the same day again sends nothing twice.
        #expect(book.advance(to: day("2024-09-18")).alerts.isEmpty)
        // The late reply meets the obligation: the overdue timer is cleared.
        _ = try admit(
            &book,
            RectificationReply(documentNumber: "N-1", caseId: "C-1", status: .rectified, measures: ["m"], repliedAt: now),
            from: Self.market, kind: "agency", on: "2024-09-19")
        #expect(book["C-1"]?.process.timers.overdue[.procuratorialReply] == nil)
        #expect(book.obligations().allSatisfy { $0.deadline.kind != .procuratorialReply })
    }

    @Test func aRecordSurvivesEncoding() throws {
        var book = WorkflowBook(rules: rules2024)
        try issued(&book)
        _ = book.advance(to: day("2024-10-28"))
        let record = try #require(book["C-1"])
        let decoded = try JSONDecoder().decode(ProcessRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
    }

    @Test func documentsOutsideTheProtocolsAreNotWorkflow() throws {
        var book = WorkflowBook()
        let clue = Clue(clueId: "c", channel: .hotline12345, receivedAt: now, place: "p", description: "d", confidential: false)
        #expect(try admit(&book, clue, from: "hutubi.station.a", kind: "station", on: "2024-09-02") == nil)
        // A sender of no protocol role (an operator) may not send a workflow document.
        let suggestion = DeputySuggestion(
            suggestionId: "S", title: "t", content: "c", leadDeputy: Person(name: "李", personId: "D-1"),
            session: .betweenSessions, submittedAt: now)
        #expect(throws: ProtocolViolation.self) {
            try admit(&book, suggestion, from: "operator.x", kind: "operator", on: "2024-09-02")
        }
    }
}
