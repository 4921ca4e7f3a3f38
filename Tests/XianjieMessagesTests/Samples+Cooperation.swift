import Foundation
import XianjieMessages

/// Samples of the cross-region cooperation documents (DOMAIN.md §4 E) and the coordinator's agreement
/// queries: the S101 road agreement that the procuratorates of 呼图壁县, 昌吉市 and 玛纳斯县 signed on
/// 5 June 2024, and the Luan river (滦河) basin agreement of 宽城, 围场 and 隆化, agreed on trial and
/// then amended. One value per enum case where the case changes the meaning.
extension Samples {
    static let s101Agreement = "S101-2024-01"
    static let luanAgreement = "LUANHE-2024-01"
    static let s101Transfer = "S101-2024-01-T1"
    static let luanTransfer = "LUANHE-2024-01-T1"

    static let s101Parties: [AgencyID] = ["hutubi.procuratorate", "changjishi.procuratorate", "manas.procuratorate"]
    static let luanParties: [AgencyID] = ["kuancheng.procuratorate", "weichang.procuratorate", "longhua.procuratorate"]

    /// The road through the three jurisdictions, one section each.
    static let s101Area = AgreementArea(
        kind: .road, name: "S101公路昌吉州段", segments: ["昌吉市段", "呼图壁县段", "玛纳斯县段"])
    /// The whole basin: the main stream and its 15 tributaries.
    static let luanArea = AgreementArea(kind: .riverBasin, name: "滦河流域（干流及15条支流）", segments: [])

    static let s101Terms = CooperationAgreement(
        agreementId: s101Agreement, version: 1, title: "关于建议S101公路昌吉州段跨区域公益诉讼协作机制意见",
        parties: s101Parties, area: s101Area, domains: [.ecologyAndResources],
        modules: [
            .jurisdiction, .clueTransfer, .jointCaseHandling, .informationSharing, .jointMeetings, .entrustedEvidence,
        ],
        trial: false, acknowledgeWithinDays: 7, feedbackWithinDays: 60,
        draftedAt: Timestamp.parse("2024-05-20T02:00:00Z")!)
    static let luanTerms = CooperationAgreement(
        agreementId: luanAgreement, version: 1, title: "关于建立跨区域滦河流域检察公益诉讼协作机制的意见（试行）",
        parties: luanParties, area: luanArea, domains: [.ecologyAndResources],
        modules: [.jurisdiction, .clueTransfer, .jointCaseHandling, .informationSharing, .exchangeVisits],
        trial: true, acknowledgeWithinDays: 5, feedbackWithinDays: 90, draftedAt: now)

    /// The agreements, their signatures (会签) and their suspension, resumption and end.
    static let cooperationAgreements: [any MessagePayload] = [
        s101Terms,
        luanTerms,
        // The amendment: evidence collection and joint meetings added, no longer on trial.
        CooperationAgreement(
            agreementId: luanAgreement, version: 2, title: "关于建立跨区域滦河流域检察公益诉讼协作机制的意见",
            parties: luanParties, area: luanArea, domains: [.ecologyAndResources],
            modules: CooperationModule.allCases, trial: false, acknowledgeWithinDays: 5, feedbackWithinDays: 60,
            draftedAt: now),
        AgreementSignature(
            agreementId: s101Agreement, version: 1, signedBy: chief,
            signedAt: Timestamp.parse("2024-06-05T02:00:00Z")!),
        AgreementSignature(
            agreementId: luanAgreement, version: 2,
            signedBy: Person(name: "赵检察长", personId: "KC-P-001", role: "宽城满族自治县人民检察院检察长"), signedAt: now),
        AgreementStatusChange(
            agreementId: luanAgreement, action: .suspend, reason: "试行期满，协作意见修订期间暂停线索移送，已移送的线索继续办理。",
            at: now),
        AgreementStatusChange(
            agreementId: luanAgreement, action: .resume, reason: "修订后的协作意见经三方会签，恢复执行。", at: now),
        AgreementStatusChange(
            agreementId: s101Agreement, action: .terminate, reason: "三方协商一致，本意见由全州跨区域公益诉讼协作机制意见取代，自即日起终止。",
            at: now),
    ]

    /// A clue found on another party's stretch, passed on, acknowledged and answered; a dispute over
    /// jurisdiction; evidence collected for another party; information shared.
    static let cooperationExchanges: [any MessagePayload] = [
        ClueTransfer(
            transferId: s101Transfer, agreementId: s101Agreement, clueId: "clue-2024-063", domain: .ecologyAndResources,
            segment: "玛纳斯县段", place: "S101公路玛纳斯县段沿线景区",
            summary: "本院在S101公路巡查中发现玛纳斯县段沿线景区有人倾倒建筑垃圾、碾压草场植被，属贵院管辖，依协作机制意见移送。",
            sentAt: now, attachments: [attachment]),
        ClueTransfer(
            transferId: luanTransfer, agreementId: luanAgreement, clueId: "KC-clue-2024-012",
            domain: .ecologyAndResources, place: "滦河干流上游河段",
            summary: "上游河道内有私设钓鱼台和电鱼痕迹，发生地在隆化县境内，移送隆化县人民检察院。", sentAt: now),
        ClueTransferAck(transferId: s101Transfer, registeredAs: "玛检公线〔2024〕21号", at: now),
        ClueTransferAck(transferId: luanTransfer, at: now),
        ClueTransferFeedback(
            transferId: s101Transfer, outcome: .filed, caseId: "MNS-2024-08",
            summary: "已立案调查，向县林业和草原局发出诉前检察建议，督促清运建筑垃圾、恢复草场植被。", at: now),
        ClueTransferFeedback(
            transferId: luanTransfer, outcome: .handled, summary: "经核查，水务部门已拆除私设钓鱼台，公益损害已消除，未予立案。", at: now),
        ClueTransferFeedback(
            transferId: "S101-2024-01-T2", outcome: .declined, summary: "经现场核查，该路段不属于本院管辖，已退回移送院。", at: now),
        JurisdictionDispute(
            transferId: "S101-2024-01-T2", action: .raised, reason: "倾倒点位于呼图壁县与玛纳斯县交界处，两院均认为不属本院管辖。", at: now),
        JurisdictionDispute(
            transferId: "S101-2024-01-T2", action: .negotiated, reason: "经联席会议协商，由最先发现线索的呼图壁县人民检察院管辖。", at: now),
        JurisdictionDispute(
            transferId: "S101-2024-01-T3", action: .referredToCommonSuperior, reason: "协商未果，报请共同上级检察院指定管辖。",
            commonSuperior: "changji.procuratorate", at: now),
        AssistanceRequest(
            requestId: "S101-2024-01-A1", agreementId: s101Agreement, caseId: "case-2024-11",
            tasks: [
                "调取S101公路呼图壁县段至玛纳斯县段景区管理单位近三年环境卫生巡查记录",
                "对玛纳斯县段倾倒点现场勘验，拍照并以无人机航拍固定证据",
                "询问周边牧民，制作询问笔录",
            ], dueBy: day("2024-12-06"), at: now),
        AssistanceResult(
            requestId: "S101-2024-01-A1", summary: "已完成现场勘验和无人机航拍，调取巡查记录12份，询问牧民3人，材料随附。", at: now,
            attachments: [attachment]),
        AssistanceResult(requestId: "S101-2024-01-A2", summary: "涉案企业已注销，无法调取相关材料。", at: now),
        InformationShare(
            shareId: "LUANHE-2024-01-S1", agreementId: luanAgreement, domain: .ecologyAndResources,
            title: "滦河流域集中攻坚行动情况通报",
            content: "实地踏查滦河流域15条支流，河流长度439.37公里，涉及乡镇17个，针对发现问题立案3件，共清理河道垃圾14.5吨，督促拆除私设钓鱼台60个。",
            at: now, attachments: [attachment]),
        InformationShare(
            shareId: "S101-2024-01-S1", agreementId: s101Agreement, domain: .ecologyAndResources,
            title: "S101公路沿线景区巡查安排",
            content: "三院于每季度首月联合巡查S101公路昌吉州段沿线景区一次，巡查发现的线索按协作机制意见移送。", at: now),
    ]

    /// `xianjie agreement list|show` and the coordinator's answer.
    static let cooperationQueries: [any MessagePayload] = [
        AgreementQuery(),
        AgreementQuery(agreementId: s101Agreement),
        AgreementReport(
            today: day("2024-11-22"),
            agreements: [
                .init(
                    agreementId: s101Agreement, version: 1, title: s101Terms.title, state: "active",
                    parties: s101Parties, signedBy: s101Parties, area: s101Area, domains: s101Terms.domains,
                    modules: s101Terms.modules, trial: false, acknowledgeWithinDays: 7, feedbackWithinDays: 60,
                    transfers: [s101Transfer]),
                .init(
                    agreementId: luanAgreement, version: 1, title: luanTerms.title, state: "amended",
                    parties: luanParties, signedBy: ["kuancheng.procuratorate"], area: luanArea,
                    domains: luanTerms.domains, modules: luanTerms.modules, trial: true, acknowledgeWithinDays: 5,
                    feedbackWithinDays: 90, transfers: [luanTransfer]),
            ]),
    ]

    static let cooperation: [any MessagePayload] = cooperationAgreements + cooperationExchanges + cooperationQueries
}
