import Foundation
import XianjieMessages

/// Samples of the joint-meeting documents (DOMAIN.md §4 D) and the coordinator's meeting queries: the
/// liaison office's weekly office meeting (周例会) of 25 November 2024 and the monthly coordination
/// meeting (月碰头会) of 5 December, whose minutes the congress and procuratorate sides co-sign and whose
/// decisions the units then carry out. One value per enum case where the case changes the meaning.
extension Samples {
    static let weeklyMeeting = "WO-2024-11-25"
    static let monthlyMeeting = "MC-2024-12-05"

    static let congressPrincipal = MeetingAttendance.Attendee(
        person: Person(name: "马主任", personId: "HTB-C-001", role: "县人大常委会副主任"), agency: "hutubi.congress",
        side: .congress, role: .principal)
    static let procuratoratePrincipal = MeetingAttendance.Attendee(
        person: chief, agency: "hutubi.procuratorate", side: .procuratorate, role: .principal)

    static let meetingDecisions: [JointMeetingMinutes.Decision] = [
        .init(
            decisionId: "MC-2024-12-05-D1", item: "督促县住房和城乡建设局于12月20日前书面答复窨井盖建议，逾期由人大常委会约谈。",
            subjectId: "sugg-2024-021", leadPerson: "张局长", responsibleUnit: "hutubi.housing",
            deadline: day("2024-12-20")),
        .init(
            decisionId: "MC-2024-12-05-D2", item: "制定红柳滩被毁林地春季补植方案，报联席会议办公室备案。",
            leadPerson: "王副局长", responsibleUnit: "hutubi.forestry", deadline: day("2025-01-15")),
    ]

    /// Calling the meetings, the members' motions and the agendas the coordinator froze.
    static let meetingPreparation: [any MessagePayload] = [
        MeetingNotice(
            meetingId: weeklyMeeting, kind: .weeklyOffice, title: "衔接工作周例会（11月第4周）", scheduledFor: day("2024-11-25"),
            place: "县人大常委会三楼会议室", convener: "hutubi.congress", members: ["hutubi.congress", "hutubi.procuratorate"],
            issuedAt: now),
        MeetingNotice(
            meetingId: monthlyMeeting, kind: .monthlyCoordination, title: "代表建议与检察建议衔接转化月碰头会（12月）",
            scheduledFor: day("2024-12-05"), place: "县人民检察院一楼听证室", convener: "hutubi.procuratorate",
            members: ["hutubi.congress", "hutubi.procuratorate", "hutubi.housing", "hutubi.forestry", "hutubi.market"],
            issuedAt: now),
        AgendaMotion(
            meetingId: monthlyMeeting, motionId: "MC-2024-12-05-M1", title: "红柳滩生态修复资金缺口",
            subjectId: "case-2024-05", reason: "补植红柳需资金约48万元，林草局年度预算无法覆盖，需协调县财政统筹解决。",
            proposedBy: Person(name: "陈检察官", personId: "HTB-P-014", role: "承办检察官"), at: now),
        MeetingAgenda(
            meetingId: monthlyMeeting,
            items: [
                .init(
                    itemId: "\(monthlyMeeting)/1", category: .overdue, subjectId: "sugg-2024-021",
                    title: "答复逾期，提交联席会议督办", due: day("2024-12-02"), obligated: hostAgency),
                .init(
                    itemId: "\(monthlyMeeting)/2", category: .newClue, subjectId: "clue-2024-051",
                    title: "新线索：二道河子镇机井肥水倒灌"),
                .init(
                    itemId: "\(monthlyMeeting)/3", category: .conversionCandidate, subjectId: "呼检行公建〔2024〕7号",
                    title: "检察建议 呼检行公建〔2024〕7号（案件 case-2024-07）可转化为代表建议"),
                .init(
                    itemId: "\(monthlyMeeting)/4", category: .lookBackDue, subjectId: "item-2024-03-1",
                    title: "回头看：红柳滩林地被开垦", due: day("2024-12-10")),
                .init(
                    itemId: "\(monthlyMeeting)/5", category: .motion, subjectId: "case-2024-05", title: "红柳滩生态修复资金缺口"),
            ], frozenOn: day("2024-12-03")),
        MeetingAgenda(meetingId: weeklyMeeting, items: [], frozenOn: day("2024-11-22")),
    ]

    /// The meetings held: attendance, minutes, the two sides' signatures, then the units' progress.
    static let meetingRecords: [any MessagePayload] = [
        MeetingAttendance(meetingId: weeklyMeeting, attendees: [congressPrincipal], convenedAt: now),
        MeetingAttendance(
            meetingId: monthlyMeeting,
            attendees: [
                .init(
                    person: Person(name: "刘组长", personId: "HTB-L-001", role: "衔接工作领导小组组长"), agency: "hutubi.congress",
                    side: .congress, role: .groupLeader),
                .init(
                    person: Person(name: "周副组长", personId: "HTB-L-002", role: "受委托副组长"), agency: "hutubi.procuratorate",
                    side: .procuratorate, role: .deputyLeader),
                congressPrincipal, procuratoratePrincipal,
                .init(
                    person: Person(name: "张局长", role: "县住房和城乡建设局局长"), agency: "hutubi.housing", side: .agency,
                    role: .member),
                .init(
                    person: Person(name: "赵研究员", role: "特邀专家"), agency: "hutubi.forestry", side: .other, role: .member),
            ], convenedAt: now),
        JointMeetingMinutes(
            meetingId: weeklyMeeting, summary: "检察院主要负责人未出席，未达法定人数；本周议题顺延至月碰头会。", decisions: [],
            draftedAt: now),
        JointMeetingMinutes(
            meetingId: monthlyMeeting,
            summary: "会议听取了窨井盖建议办理和红柳滩生态修复情况汇报，研究了婴幼儿乳粉检察建议转化事项，交办两项。",
            decisions: meetingDecisions, draftedAt: now),
        MinutesCosign(meetingId: monthlyMeeting, side: .congress, signedBy: congressPrincipal.person, signedAt: now),
        MinutesCosign(meetingId: monthlyMeeting, side: .procuratorate, signedBy: chief, signedAt: now),
        AssignmentProgress(
            decisionId: "MC-2024-12-05-D2", meetingId: monthlyMeeting, step: .started,
            report: "已委托县林业调查规划队勘测被毁林地，补植方案初稿正在编制。", at: now, attachments: [attachment]),
        AssignmentProgress(
            decisionId: "MC-2024-12-05-D1", meetingId: monthlyMeeting, step: .done,
            report: "已于12月18日书面答复领衔代表，答复函同时抄送县人大常委会。", at: now),
    ]

    /// `xianjie meeting list|show|schedule` and the coordinator's answer.
    static let meetingQueries: [any MessagePayload] = [
        MeetingQuery(),
        MeetingQuery(meetingId: monthlyMeeting),
        MeetingSchedule(kind: .topic, title: "婴幼儿乳粉销售监管专题联席会议", scheduledFor: day("2024-12-12")),
        MeetingSchedule(
            kind: .assignment, title: "机井肥水倒灌问题交办会议", scheduledFor: day("2024-12-16"),
            members: ["hutubi.congress", "hutubi.procuratorate", "hutubi.water"], convener: "hutubi.congress"),
        MeetingReport(
            today: day("2024-12-06"),
            meetings: [
                .init(
                    meetingId: weeklyMeeting, kind: .weeklyOffice, title: "衔接工作周例会（11月第4周）",
                    scheduledFor: day("2024-11-25"), state: "minutesDrafted", convener: "hutubi.congress",
                    members: ["hutubi.congress", "hutubi.procuratorate"], quorum: false,
                    quorumProblem: "no principal of the procuratorate side attended", agenda: [], motions: [],
                    decisions: []),
                .init(
                    meetingId: monthlyMeeting, kind: .monthlyCoordination, title: "代表建议与检察建议衔接转化月碰头会（12月）",
                    scheduledFor: day("2024-12-05"), state: "decisionsPublished", convener: "hutubi.procuratorate",
                    members: ["hutubi.congress", "hutubi.procuratorate", "hutubi.housing", "hutubi.forestry"],
                    quorum: true,
                    agenda: [
                        .init(
                            itemId: "\(monthlyMeeting)/1", category: .overdue, subjectId: "sugg-2024-021",
                            title: "答复逾期，提交联席会议督办", due: day("2024-12-02"), obligated: hostAgency)
                    ],
                    motions: ["红柳滩生态修复资金缺口"],
                    decisions: meetingDecisions.map {
                        .init(
                            decisionId: $0.decisionId, item: $0.item, responsibleUnit: $0.responsibleUnit,
                            deadline: $0.deadline, state: "open")
                    }),
            ]),
    ]

    static let meetings: [any MessagePayload] = meetingPreparation + meetingRecords + meetingQueries
}
