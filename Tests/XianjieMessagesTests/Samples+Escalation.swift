import Foundation
import XianjieMessages

/// Samples of the congress escalation and evaluation documents (DOMAIN.md §4 I), after scenario 8 (closed-loop
/// inquiry): the look-back on the county's 2023 special inquiry into rural and urban living conditions finds
/// problems unresolved, and a second special inquiry assigns 21 problems in 9 categories to 7 units, which
/// claim them one by one; the session, the opinions, the handling reports, a ballot of 26 satisfied of 26
/// present, the bulletin and the tracking follow, and the look-back closes it. Beside it an interpellation of
/// the water bureau answered twice, a specific-question investigation through its five stages, and the
/// 25/1/0 ballot of the year before. One value per enum case.
extension Samples {
    static let firstInquiry = "inq-2023-01"
    static let secondInquiry = "inq-2024-02"
    static let inquiryInterpellation = "ip-2024-01"
    static let investigation = "inv-2024-01"
    static let inquiryBallot = "ballot-2024-02"

    static func instant(_ text: String) -> Date { Timestamp.parse(text)! }

    /// The 7 units whose heads answer.
    static let inquiryUnits: [AgencyID] = [
        "hutubi.urban", "hutubi.housing", "hutubi.water", "hutubi.agriculture", "hutubi.market", "hutubi.forestry",
        "hutubi.transport",
    ]

    /// Who leads each unit's handling, and answers for it.
    static let unitHeads: [AgencyID: Person] = [
        "hutubi.urban": Person(name: "李局长", role: "县城市管理局局长"),
        "hutubi.housing": Person(name: "张局长", role: "县住房和城乡建设局局长"),
        "hutubi.water": Person(name: "赵局长", role: "县水利局局长"),
        "hutubi.agriculture": Person(name: "孙局长", role: "县农业农村局局长"),
        "hutubi.market": Person(name: "周局长", role: "县市场监督管理局局长"),
        "hutubi.forestry": Person(name: "吴局长", role: "县林业和草原局局长"),
        "hutubi.transport": Person(name: "郑局长", role: "县交通运输局局长"),
    ]

    /// The 21 problems of the second inquiry, in 9 categories, assigned one by one at the assignment meeting.
    static let inquiryProblems: [InquiryAssignment.Problem] = inquiryProblemTable.enumerated().map { index, row in
        InquiryAssignment.Problem(
            problemId: "\(secondInquiry)-P\(String(format: "%02d", index + 1))", category: row.category,
            title: row.title, unit: row.unit)
    }

    private static let inquiryProblemTable: [(category: String, title: String, unit: AgencyID)] = [
        ("城乡生活垃圾治理", "城区垃圾中转站超负荷运转，渗滤液外溢", "hutubi.urban"),
        ("城乡生活垃圾治理", "乡镇垃圾收运车辆不足，清运不及时", "hutubi.urban"),
        ("城乡生活垃圾治理", "农村生活垃圾分类试点村覆盖不足", "hutubi.agriculture"),
        ("农村生活污水治理", "五工台镇污水管网未接通，处理站闲置", "hutubi.housing"),
        ("农村生活污水治理", "农村改厕后粪污无害化处理不到位", "hutubi.agriculture"),
        ("河道“四乱”整治", "汤河沿岸历史遗留违建未拆除", "hutubi.water"),
        ("河道“四乱”整治", "呼图壁河采砂坑未回填", "hutubi.water"),
        ("河道“四乱”整治", "河道内建筑垃圾堆放反弹", "hutubi.urban"),
        ("饮用水水源保护", "水源地一级保护区内仍有耕种", "hutubi.water"),
        ("饮用水水源保护", "农村供水工程水质检测频次不足", "hutubi.water"),
        ("违法建设治理", "城郊结合部新增违法建设", "hutubi.urban"),
        ("违法建设治理", "老旧小区私搭乱建整治未完成", "hutubi.housing"),
        ("违法建设治理", "窨井盖缺失破损排查整改不彻底", "hutubi.housing"),
        ("农贸市场环境秩序", "农贸市场周边占道经营", "hutubi.market"),
        ("农贸市场环境秩序", "活禽交易区环境卫生差", "hutubi.market"),
        ("林草生态修复", "红柳滩被毁林地补植成活率低", "hutubi.forestry"),
        ("林草生态修复", "农田防护林带断带缺株", "hutubi.forestry"),
        ("农业面源污染防治", "废旧地膜回收率低", "hutubi.agriculture"),
        ("农业面源污染防治", "畜禽养殖粪污直排", "hutubi.agriculture"),
        ("道路运输扬尘管控", "渣土运输车辆抛洒滴漏", "hutubi.transport"),
        ("道路运输扬尘管控", "乡村公路两侧堆放秸秆杂物", "hutubi.transport"),
    ]

    /// The special inquiries: topics, stages, assignment, claims, opinions, reports and look-backs.
    static let specialInquiries: [any MessagePayload] =
        [
            SpecialInquiryTopic(
                inquiryId: firstInquiry, title: "关于全县城乡人居环境整治工作情况的专题询问",
                topic: "城乡人居环境整治三年行动的落实情况：垃圾污水治理、河道管护、违法建设整治和村容村貌提升。",
                units: ["hutubi.urban", "hutubi.housing", "hutubi.water", "hutubi.agriculture"],
                decidedAt: instant("2023-03-14T03:00:00Z")),
            InquiryLookBack(
                inquiryId: firstInquiry,
                unresolvedProblemIds: ["inq-2023-01-P03", "inq-2023-01-P07", "inq-2023-01-P11"], outcome: .reinquiry,
                followUpId: secondInquiry,
                summary: "回头看发现，汤河沿岸违建拆除、采砂坑回填和城郊违法建设整治三项问题仍未解决，部分已整改问题出现反弹，决定开展第二次专题询问。",
                at: instant("2024-02-27T03:00:00Z")),
            SpecialInquiryTopic(
                inquiryId: secondInquiry, title: "关于城乡人居环境整治突出问题整改情况的再次专题询问",
                topic: "首次专题询问回头看发现的未解决问题和反弹问题的整改情况，以及长效管护机制的建立。",
                units: inquiryUnits, decidedAt: instant("2024-03-12T03:00:00Z"), previousInquiryId: firstInquiry,
                attachments: [attachment]),
            InquiryProgress(
                inquiryId: secondInquiry, stage: .research, at: instant("2024-04-19T09:00:00Z"),
                summary: "常委会组成人员和部分代表分4组深入7个乡镇开展调研，梳理出9类21个突出问题。",
                attachments: [attachment]),
            InquiryAssignment(
                inquiryId: secondInquiry, meetingAt: instant("2024-05-08T03:00:00Z"), problems: inquiryProblems),
        ]
        + inquiryUnits.enumerated().map { index, unit in
            InquiryClaim(
                inquiryId: secondInquiry, problemIds: inquiryProblems.filter { $0.unit == unit }.map(\.problemId),
                leadPerson: unitHeads[unit]!,
                claimedAt: instant("2024-05-08T04:00:00Z").addingTimeInterval(Double(index) * 600))
        }
        + [
            InquiryProgress(
                inquiryId: secondInquiry, stage: .session, at: instant("2024-06-25T03:00:00Z"),
                summary: "常委会组成人员逐一询问，7个单位主要负责人到会应询，现场作出整改承诺。", attendance: 26),
            InquiryOpinions(
                inquiryId: secondInquiry,
                opinions: "一、压实整改责任，逐项建立台账，明确时限；二、建立河道、垃圾、污水长效管护机制；三、加大资金投入，补齐设施短板；四、每季度向常委会报告整改进展。",
                reportDue: instant("2024-10-05T10:00:00Z"), sentAt: instant("2024-07-05T03:00:00Z")),
            InquiryHandlingReport(
                inquiryId: secondInquiry,
                problems: [
                    .init(problemId: "\(secondInquiry)-P06", status: .resolved, measures: "汤河沿岸12处历史遗留违建已全部拆除，河岸完成复绿。"),
                    .init(
                        problemId: "\(secondInquiry)-P07", status: .inProgress,
                        measures: "已回填采砂坑5处，剩余3处列入年度计划，11月底前完成。"),
                    .init(problemId: "\(secondInquiry)-P09", status: .resolved, measures: "水源地一级保护区内耕地全部退耕，设置隔离围栏。"),
                    .init(
                        problemId: "\(secondInquiry)-P10", status: .unresolved,
                        measures: "检测能力不足，已申请购置检测设备，明年一季度到位前委托第三方检测。"),
                ],
                reportedAt: instant("2024-09-28T03:00:00Z")),
            InquiryProgress(
                inquiryId: secondInquiry, stage: .bulletin, at: instant("2024-11-05T03:00:00Z"),
                summary: "形成专题询问工作专报，报送县委、县政府。"),
            InquiryProgress(
                inquiryId: secondInquiry, stage: .tracking, at: instant("2024-11-20T03:00:00Z"),
                summary: "常委会各工作委员会分口跟踪督办，逐项核对整改台账。"),
            InquiryLookBack(
                inquiryId: secondInquiry, unresolvedProblemIds: [], outcome: .closed,
                summary: "21个问题全部整改到位，长效管护机制已建立，专题询问办结。", at: instant("2025-03-18T03:00:00Z")),
            InquiryLookBack(
                inquiryId: "inq-2022-03", unresolvedProblemIds: ["inq-2022-03-P02"], outcome: .interpellation,
                followUpId: inquiryInterpellation,
                summary: "农村饮水安全问题经两次督办仍未解决，常委会组成人员联名提出质询案。",
                at: instant("2024-08-20T03:00:00Z")),
        ]

    /// The proposers of the interpellation of the water bureau: members of the standing committee.
    static let interpellationProposers: [Person] = [
        Person(name: "陈委员", personId: "HTB-C-003", role: "县人大常委会委员"),
        Person(name: "杨委员", personId: "HTB-C-007", role: "县人大常委会委员"),
        Person(name: "黄委员", personId: "HTB-C-011", role: "县人大常委会委员"),
        Person(name: "何委员", personId: "HTB-C-015", role: "县人大常委会委员"),
    ]

    static let interpellationQuestion = "县水利局对农村供水工程水质不达标问题长期未予解决，请说明原因、责任和整改计划。"

    /// Drafted, co-signed, submitted, decided, answered twice and assessed twice; another withdrawn, a third
    /// answered in writing.
    static let interpellations: [any MessagePayload] = [
        Interpellation(
            interpellationId: inquiryInterpellation, action: .draft, addressee: "hutubi.water",
            question: interpellationQuestion, signers: Array(interpellationProposers.prefix(2)),
            at: instant("2024-08-22T03:00:00Z")),
        Interpellation(
            interpellationId: inquiryInterpellation, action: .cosign, addressee: "hutubi.water",
            question: interpellationQuestion, signers: Array(interpellationProposers.suffix(2)),
            at: instant("2024-08-23T03:00:00Z")),
        Interpellation(
            interpellationId: inquiryInterpellation, action: .submit, addressee: "hutubi.water",
            question: interpellationQuestion, signers: [], at: instant("2024-08-26T03:00:00Z")),
        Interpellation(
            interpellationId: "ip-2024-02", action: .withdraw, addressee: "hutubi.transport",
            question: "县交通运输局对乡村公路养护资金使用不规范问题未予纠正，请说明情况。", signers: [],
            reason: "县交通运输局已在质询案提出前主动整改并向常委会书面报告，提出人同意撤回。", at: instant("2024-09-02T03:00:00Z")),
        InterpellationDecision(
            interpellationId: inquiryInterpellation, form: .oral, answerDue: instant("2024-09-25T03:00:00Z"),
            meetingAt: instant("2024-09-25T03:00:00Z"), decidedAt: instant("2024-08-28T03:00:00Z")),
        InterpellationDecision(
            interpellationId: "ip-2024-03", form: .written, answerDue: instant("2024-10-31T10:00:00Z"),
            decidedAt: instant("2024-10-08T03:00:00Z")),
        InterpellationAnswer(
            interpellationId: inquiryInterpellation, round: 1,
            answer: "水质不达标主要因水源井老化、消毒设施运行不正常，已对12处供水工程开展排查。",
            answeredBy: unitHeads["hutubi.water"]!, answeredAt: instant("2024-09-25T03:30:00Z")),
        InterpellationAssessment(
            interpellationId: inquiryInterpellation, round: 1, unsatisfied: ["HTB-C-003", "HTB-C-007", "HTB-C-011"],
            assessedAt: instant("2024-09-25T05:00:00Z")),
        InterpellationAnswer(
            interpellationId: inquiryInterpellation, round: 2,
            answer: "已明确分管副局长为责任人，投入资金380万元更换水源井4眼、消毒设备12套，年底前全部达标，每月公布水质检测结果。",
            answeredBy: unitHeads["hutubi.water"]!, answeredAt: instant("2024-10-24T03:30:00Z")),
        InterpellationAssessment(
            interpellationId: inquiryInterpellation, round: 2, unsatisfied: [],
            assessedAt: instant("2024-10-24T05:00:00Z")),
    ]

    static let investigationQuestion = "呼图壁河流域生态补偿资金的拨付和使用情况。"

    /// Proposed by a fifth of the members, decided, investigated by a committee, reported, resolved; another
    /// proposed by the council of chairpersons.
    static let investigations: [any MessagePayload] = [
        SpecificInvestigation(
            investigationId: investigation, stage: .proposed, question: investigationQuestion, proposedBy: .members,
            proposers: interpellationProposers + [Person(name: "林委员", personId: "HTB-C-019")],
            text: "常委会组成人员5人联名提议，就呼图壁河流域生态补偿资金使用情况组织特定问题调查。",
            at: instant("2024-05-20T03:00:00Z")),
        SpecificInvestigation(
            investigationId: investigation, stage: .decided, question: investigationQuestion,
            text: "常委会全体会议表决通过关于成立特定问题调查委员会的决定。", at: instant("2024-06-26T03:00:00Z")),
        SpecificInvestigation(
            investigationId: investigation, stage: .committeeFormed, question: investigationQuestion,
            committee: [congressPrincipal.person] + Array(interpellationProposers.prefix(2)),
            text: "调查委员会由常委会副主任任主任委员，委员2人。", at: instant("2024-06-28T03:00:00Z")),
        SpecificInvestigation(
            investigationId: investigation, stage: .report, question: investigationQuestion,
            text: "调查发现部分补偿资金滞留乡镇财政、挪作他用，提出追回资金和完善拨付制度的建议。",
            at: instant("2024-09-20T03:00:00Z")),
        SpecificInvestigation(
            investigationId: investigation, stage: .resolution, question: investigationQuestion,
            text: "常委会作出决议：责成县政府三个月内追回被挪用资金，并向常委会报告。", at: instant("2024-09-26T03:00:00Z")),
        SpecificInvestigation(
            investigationId: "inv-2024-02", stage: .proposed, question: "县城供热管网改造工程质量问题。", proposedBy: .council,
            text: "主任会议提议，就县城供热管网改造工程质量问题组织特定问题调查。", at: instant("2024-11-11T03:00:00Z")),
    ]

    /// The ballot on the second inquiry's units (26 present of 26, 132 observers, all satisfied) and the year
    /// before's on the water bureau (25 satisfied, 1 basically satisfied).
    static let evaluations: [any MessagePayload] = [
        EvaluationSchedule(
            ballotId: inquiryBallot, subjectId: secondInquiry, units: inquiryUnits, membersTotal: 26,
            scheduledFor: instant("2024-10-29T03:00:00Z")),
        BallotResult(
            ballotId: inquiryBallot, reportHeardAt: instant("2024-10-29T03:00:00Z"), membersPresent: 26,
            observers: 132,
            tallies: inquiryUnits.map { .init(unit: $0, satisfied: 26, basicallySatisfied: 0, unsatisfied: 0) },
            announcedAt: instant("2024-10-29T06:00:00Z")),
        EvaluationSchedule(
            ballotId: "ballot-2023-04", units: ["hutubi.water"], membersTotal: 26,
            scheduledFor: instant("2023-12-20T03:00:00Z")),
        BallotResult(
            ballotId: "ballot-2023-04", reportHeardAt: instant("2023-12-20T03:00:00Z"), membersPresent: 26,
            observers: 0, tallies: [.init(unit: "hutubi.water", satisfied: 25, basicallySatisfied: 1, unsatisfied: 0)],
            announcedAt: instant("2023-12-20T05:00:00Z")),
    ]

    static let escalation: [any MessagePayload] = specialInquiries + interpellations + investigations + evaluations
}
