import Foundation
import Testing
import XianjieMessages

/// DOMAIN.md §4 D over real processes with a driven clock: a month of weekly and monthly joint
/// meetings announced by the coordinator, agendas collected from what happened on the bus, a meeting
/// short of quorum whose decisions are refused, and an overdue assignment back on the next agenda.
@Suite(.serialized) struct MeetingScenarioTests {
    typealias C = ScenarioCounty
    static let now = Date()
    static let principalCongress = MeetingAttendance.Attendee(
        person: Person(name: "王主任", personId: "C-01", role: "人大常委会副主任"), agency: AgencyID(C.congress),
        side: .congress, role: .principal)
    static let principalProcuratorate = MeetingAttendance.Attendee(
        person: Person(name: "张检察长", personId: "P-01", role: "检察长"), agency: AgencyID(C.procuratorate),
        side: .procuratorate, role: .principal)

    static func decision(_ id: String, _ item: String, unit: String, due: String) -> JointMeetingMinutes.Decision {
        JointMeetingMinutes.Decision(
            decisionId: id, item: item, leadPerson: "负责人", responsibleUnit: AgencyID(unit),
            deadline: CalendarDate(rawValue: due)!)
    }

    @Test(.timeLimit(.minutes(5)))
    func aMonthOfMeetings() async throws {
        let county = try await C(
            start: "2024-06-12",
            settings: [
                "meetings": [
                    "cadence": [
                        ["kind": "weeklyOffice", "title": "衔接办周例会", "weekday": 1],
                        ["kind": "monthlyCoordination", "title": "月碰头会", "dayOfMonth": 5],
                    ],
                    "convener": C.congress, "members": [C.congress, C.procuratorate],
                    "noticeLeadDays": 3, "freezeLeadDays": 1,
                ]
            ])

        // What happens on the bus before the first meeting: a clue, a conversion candidate, and a
        // suggestion the congress will fail to assign within 5 working days (due 19 June).
        try await county.accepted(
            Clue(clueId: "CL-0612", channel: .receptionDay, receivedAt: Self.now, place: "二道河子镇", description: "河道垃圾",
                 confidential: false),
            from: C.station, to: [C.procuratorate], subject: "CL-0612")
        try await county.accepted(
            WorkflowScenarioTests.suggestion("HTB-2024-060", "农村饮水安全", domain: .ecologyAndResources), from: C.congress,
            to: [C.congress], subject: "HTB-2024-060")
        let caseId = "HTJ-2024-61"
        let number = "呼检行公建〔2024〕61号"
        try await county.accepted(
            WorkflowScenarioTests.filing(caseId, clue: "CL-0601", "河道污染"), from: C.procuratorate, to: [C.congress],
            subject: caseId)
        try await county.accepted(
            WorkflowScenarioTests.progress(caseId, .investigationStarted), from: C.procuratorate, to: [C.congress],
            subject: caseId)
        try await county.accepted(
            WorkflowScenarioTests.procuratorialSuggestion(number, caseId: caseId, to: C.water, due: "2024-08-12"),
            from: C.procuratorate, to: [C.water], subject: caseId)
        try await county.accepted(
            SuggestionCopy(
                caseId: caseId, documentNumber: number, summary: "河道污染",
                criteria: SuggestionCopy.Criteria(wideImpact: true, publicAttention: true, typicalViolation: true, deservesAttention: false),
                copiedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: caseId)

        // Friday 14 June: the Monday meeting is announced; a member moves an item.
        try county.clock("2024-06-14")
        let first = "WO-2024-06-17"
        #expect(try await county.waitFor(C.procuratorate) { $0.type == MeetingNotice.messageType && $0.subject == first } != nil)
        #expect(try county.meeting(first)?.state == "agendaOpen")
        try await county.accepted(
            AgendaMotion(meetingId: first, motionId: "M-1", title: "红柳滩生态修复资金", reason: "需协调财政资金", at: Self.now),
            from: C.congress, to: [C.congress, C.procuratorate], subject: first)

        // Sunday 16 June: the agenda freezes with what the bus saw.
        try county.clock("2024-06-16")
        let frozen = try #require(try county.meeting(first))
        #expect(frozen.state == "agendaFrozen")
        #expect(frozen.agenda.contains { $0.category == .newClue && $0.subjectId == "CL-0612" })
        #expect(frozen.agenda.contains { $0.category == .conversionCandidate && $0.subjectId == number })
        #expect(frozen.agenda.contains { $0.category == .motion && $0.title == "红柳滩生态修复资金" })
        #expect(!frozen.agenda.contains { $0.category == .overdue })
        #expect(try await county.waitFor(C.congress) { $0.type == MeetingAgenda.messageType && $0.subject == first } != nil)
        try await county.refused(
            AgendaMotion(meetingId: first, motionId: "M-2", title: "迟到的议题", reason: "—", at: Self.now),
            from: C.procuratorate, to: [C.congress], subject: first, rule: "outOfOrder")

        // Monday 17 June: the procuratorate side is absent. No quorum: decisions are refused;
        // minutes that decide nothing may still be kept.
        try county.clock("2024-06-17")
        try await county.accepted(
            MeetingAttendance(meetingId: first, attendees: [Self.principalCongress], convenedAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: first)
        #expect(try county.meeting(first)?.quorum == false)
        let reason = try await county.refused(
            JointMeetingMinutes(
                meetingId: first, summary: "研究红柳滩修复", decisions: [Self.decision("D-0617-1", "修复方案", unit: C.forestry, due: "2024-07-01")],
                draftedAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: first, rule: "noQuorum")
        #expect(reason.contains("no principal of the procuratorate side"))
        #expect(try county.state("D-0617-1") == nil)
        try await county.accepted(
            JointMeetingMinutes(meetingId: first, summary: "因检察院未出席，议题顺延", decisions: [], draftedAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: first)

        // The congress never assigned HTB-2024-060: overdue on 20 June, on the next agenda.
        try county.clock("2024-06-23")
        let second = try #require(try county.meeting("WO-2024-06-24"))
        #expect(second.agenda.contains { $0.category == .overdue && $0.subjectId == "HTB-2024-060" })
        #expect(!second.agenda.contains { $0.category == .newClue })

        // Monday 24 June: both sides' principals attend; two decisions; both sides co-sign.
        try county.clock("2024-06-24")
        let meeting = "WO-2024-06-24"
        try await county.accepted(
            MeetingAttendance(meetingId: meeting, attendees: [Self.principalCongress, Self.principalProcuratorate], convenedAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: meeting)
        try await county.accepted(
            JointMeetingMinutes(
                meetingId: meeting, summary: "交办两项",
                decisions: [
                    Self.decision("D-0624-1", "制定红柳滩修复方案", unit: C.forestry, due: "2024-06-28"),
                    Self.decision("D-0624-2", "排查窨井盖", unit: C.housing, due: "2024-07-15"),
                ], draftedAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: meeting)
        try await county.accepted(
            MinutesCosign(meetingId: meeting, side: .congress, signedBy: Self.principalCongress.person, signedAt: Self.now),
            from: C.congress, to: [C.procuratorate], subject: meeting)
        #expect(try county.state("D-0624-1") == nil)
        try await county.accepted(
            MinutesCosign(meetingId: meeting, side: .procuratorate, signedBy: Self.principalProcuratorate.person, signedAt: Self.now),
            from: C.procuratorate, to: [C.congress], subject: meeting)
        #expect(try county.meeting(meeting)?.state == "decisionsPublished")
        #expect(try county.state("D-0624-1") == "open")
        try await county.accepted(
            AssignmentProgress(decisionId: "D-0624-2", meetingId: meeting, step: .started, report: "已开始排查", at: Self.now),
            from: C.housing, to: [C.congress], subject: "D-0624-2")
        try await county.refused(
            AssignmentProgress(decisionId: "D-0624-1", meetingId: meeting, step: .done, report: "—", at: Self.now),
            from: C.market, to: [C.congress], subject: "D-0624-1", rule: "notAssignedToUnit")

        // The forestry brigade misses 28 June: overdue, told, and on the 1 July agenda.
        try county.clock("2024-06-30")
        #expect(try county.state("D-0624-1") == "overdue")
        #expect(try await county.waitForNotice(C.forestry, subject: "D-0624-1", .overdue) != nil)
        let third = try #require(try county.meeting("WO-2024-07-01"))
        #expect(third.state == "agendaFrozen")
        #expect(third.agenda.contains { $0.category == .overdue && $0.subjectId == "D-0624-1" })
        #expect(!third.agenda.contains { $0.subjectId == "HTB-2024-060" })

        // The monthly meeting of 5 July is announced and frozen on its own days too.
        try county.clock("2024-07-04")
        let monthly = try #require(try county.meeting("MC-2024-07-05"))
        #expect(monthly.kind == .monthlyCoordination)
        #expect(monthly.state == "agendaFrozen")
        // The list shows what is not settled and what is coming: the inquorate meeting (its minutes
        // were never co-signed) and the next two; the 24 June one published its decisions.
        let list = try county.cluster.cli(["meeting", "list"] + county.operatorArguments)
        for id in [first, "WO-2024-07-01", "MC-2024-07-05"] { #expect(list.contains(id), "\(list)") }
        #expect(!list.contains(meeting))
    }
}
