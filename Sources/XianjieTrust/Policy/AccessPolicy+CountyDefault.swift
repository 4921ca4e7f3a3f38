import XianjieMessages

extension AccessPolicy {
    /// The policy of the sample county (DOMAIN.md §2 and §4, 呼图壁县). `deploy/` holds the same rules as a file.
    ///
    /// - Deputy suggestions (track A): the congress registers them and shares them with the procuratorate
    ///   (screening, §4 C) and the agencies assigned to handle them (交办); a liaison station forwards a deputy's
    ///   suggestion to the congress, which registers it.
    /// - Transfers (转交): congress → procuratorate, copied to congress committees.
    /// - Assessments (研判结果): procuratorate → congress.
    /// - Procuratorial suggestions (检察建议书): only a procuratorate, to the agency, a copy to congress, and the
    ///   filing with the superior procuratorate. A station or an agency may not send one.
    /// - Rectification replies (书面回复): agency → procuratorate, copied to congress.
    /// - Clues (线索): stations, congress and procuratorates → a procuratorate (cross-region transfers too).
    /// - Work bulletins (工作专报): congress, procuratorate or coordinator, broadcast on `notices`.
    /// - Workflow documents of the joint protocols (DOMAIN.md §4): 交办 congress → agencies (copy to the
    ///   procuratorate); 承办 and 答复函 host unit → congress; 征询意见 congress → station, congress, agency; 征询意见表
    ///   congress or station → congress, agency; case decisions and progress, 终结决定书 and 起诉书 procuratorate →
    ///   congress, procuratorate, agency; 抄送人大 procuratorate → congress; 异议 agency → procuratorate, congress;
    ///   转化研判 congress → procuratorate, congress; 问题清单, 责任清单, 核查 and 回头看 congress or procuratorate →
    ///   agency, congress, procuratorate, station; 整改清单 and 整改进展 agency → congress, procuratorate.
    /// - Deadline notices (提醒 / 逾期通知): the coordinator only, to any party of a process.
    /// - Joint meetings (联席会议, DOMAIN.md §4 D): 会议通知 coordinator, congress or procuratorate → every member
    ///   kind; 议题提议 any member → congress, procuratorate; 会议议程 the coordinator only → every member kind;
    ///   签到, 纪要 and 纪要会签 congress or procuratorate → every member kind; 交办事项进展 agency, congress or
    ///   procuratorate → congress, procuratorate.
    /// - Cross-region cooperation (跨区域协作, DOMAIN.md §4 E): 协作机制意见, 会签 and 暂停 / 恢复 / 终止 procuratorate
    ///   or congress → procuratorate, congress; 线索移送函, 签收登记, 办理结果反馈, 管辖争议, 委托调查取证 and its result,
    ///   信息共享 procuratorate → procuratorate, congress.
    /// - Hearings and deputy participation (DOMAIN.md §4 H): 听证公告 and 听证笔录 procuratorate → congress,
    ///   procuratorate, agency, station; 代表参与检察活动档案 procuratorate, congress or station → congress, procuratorate.
    /// - Congress escalation and evaluation (DOMAIN.md §4 I): 专题询问选题, 进展, 问题交办, 审议意见, 回头看, 质询案, 答复形式,
    ///   答复满意度, 特定问题调查, 满意度测评安排 and 测评结果 congress → congress, procuratorate, agency; 认领, 办理情况报告
    ///   and 质询答复 agency → congress, procuratorate.
    /// - Attachments (附件分块): any agency, station, congress or procuratorate → any of them; the chunks go where
    ///   the document that references them goes.
    package static let countyDefault = AccessPolicy(
        description: "Sample county (呼图壁县): who may send which document to whom. DOMAIN.md §2, §4.",
        rules: [
            PolicyRule(
                types: ["xianjie.deputySuggestion"], senders: .kinds(.congress),
                recipients: .kinds(.congress, .procuratorate, .agency),
                note: "代表建议: registered by congress, shared with the procuratorate and assigned to agencies"),
            PolicyRule(
                types: ["xianjie.deputySuggestion"], senders: .kinds(.station), recipients: .kinds(.congress),
                note: "代表建议 drafted at a liaison station goes to congress for registration"),
            PolicyRule(
                types: ["xianjie.suggestionTransfer"], senders: .kinds(.congress),
                recipients: .kinds(.procuratorate, .congress),
                note: "转交: congress to the procuratorate, copied to the supervision committee"),
            PolicyRule(
                types: ["xianjie.transferAssessment"], senders: .kinds(.procuratorate), recipients: .kinds(.congress),
                note: "研判结果: the procuratorate answers the congress's transfer"),
            PolicyRule(
                types: ["xianjie.procuratorialSuggestion"], senders: .kinds(.procuratorate),
                recipients: .kinds(.agency, .congress, .procuratorate),
                note: "检察建议书: only a procuratorate issues it; copy to congress, filing with the superior"),
            PolicyRule(
                types: ["xianjie.rectificationReply"], senders: .kinds(.agency),
                recipients: .kinds(.procuratorate, .congress),
                note: "书面回复: the agency answers the procuratorate, copied to congress"),
            PolicyRule(
                types: ["xianjie.clue"], senders: .kinds(.station, .congress, .procuratorate),
                recipients: .kinds(.procuratorate),
                note: "线索: to the handling procuratorate only (the reporter may be confidential)"),
            PolicyRule(
                types: ["xianjie.workBulletin"], senders: .kinds(.congress, .procuratorate, .coordinator),
                topics: ["notices"], note: "工作专报: broadcast to everyone on notices"),
            PolicyRule(
                types: ["xianjie.suggestionAssignment"], senders: .kinds(.congress),
                recipients: .kinds(.agency, .congress, .procuratorate),
                note: "交办: congress assigns a suggestion to its host and co-units, copied to the procuratorate"),
            PolicyRule(
                types: ["xianjie.suggestionHandling", "xianjie.replyLetter"], senders: .kinds(.agency),
                recipients: .kinds(.congress),
                note: "承办 / 答复函: the host unit accepts, asks for the extended period and replies through congress"),
            PolicyRule(
                types: ["xianjie.feedbackRequest"], senders: .kinds(.congress),
                recipients: .kinds(.station, .congress, .agency),
                note: "征询意见: congress asks the deputy, through a liaison station, copied to the host unit"),
            PolicyRule(
                types: ["xianjie.deputyFeedback"], senders: .kinds(.congress, .station),
                recipients: .kinds(.congress, .agency),
                note: "征询意见表: the deputy's rating, relayed by congress or a liaison station, to congress and the host unit"),
            PolicyRule(
                types: [
                    "xianjie.caseFilingDecision", "xianjie.caseProgress", "xianjie.terminationDecision",
                    "xianjie.litigationComplaint",
                ], senders: .kinds(.procuratorate),
                recipients: .kinds(.congress, .procuratorate, .agency),
                note: "立案决定书, 办案进展, 终结决定书, 起诉书: only a procuratorate; to congress, the superior and the agency concerned"),
            PolicyRule(
                types: ["xianjie.suggestionCopy"], senders: .kinds(.procuratorate),
                recipients: .kinds(.congress),
                note: "抄送人大: the procuratorate copies a procuratorial suggestion to congress"),
            PolicyRule(
                types: ["xianjie.objection"], senders: .kinds(.agency),
                recipients: .kinds(.procuratorate, .congress),
                note: "异议: the addressed agency objects to the procuratorate, copied to congress"),
            PolicyRule(
                types: ["xianjie.conversionDecision"], senders: .kinds(.congress),
                recipients: .kinds(.procuratorate, .congress),
                note: "转化研判: congress screens a copied suggestion and tells the procuratorate"),
            PolicyRule(
                types: ["xianjie.issueList", "xianjie.responsibilityList", "xianjie.verification", "xianjie.lookBack"],
                senders: .kinds(.congress, .procuratorate),
                recipients: .kinds(.agency, .congress, .procuratorate, .station),
                note: "问题清单, 责任清单, 核查, 回头看: congress or the procuratorate, to the units, each other and the stations"),
            PolicyRule(
                types: ["xianjie.rectificationList", "xianjie.rectificationProgress"], senders: .kinds(.agency),
                recipients: .kinds(.congress, .procuratorate),
                note: "整改清单, 整改进展: the responsible unit reports to congress and the procuratorate"),
            PolicyRule(
                types: ["xianjie.deadlineNotice"], senders: .kinds(.coordinator),
                recipients: .kinds(.congress, .procuratorate, .agency, .station),
                note: "提醒 / 逾期通知: only the coordinator's deadline engine sends them"),
            PolicyRule(
                types: ["xianjie.meetingNotice"], senders: .kinds(.coordinator, .congress, .procuratorate),
                recipients: .kinds(.congress, .procuratorate, .agency, .station),
                note: "联席会议通知: the coordinator (by cadence), congress or the procuratorate calls a joint meeting"),
            PolicyRule(
                types: ["xianjie.agendaMotion"], senders: .kinds(.congress, .procuratorate, .agency, .station),
                recipients: .kinds(.congress, .procuratorate),
                note: "议题提议: any member proposes an agenda item to the congress and procuratorate sides"),
            PolicyRule(
                types: ["xianjie.meetingAgenda"], senders: .kinds(.coordinator),
                recipients: .kinds(.congress, .procuratorate, .agency, .station),
                note: "会议议程: only the coordinator freezes and sends the agenda"),
            PolicyRule(
                types: ["xianjie.meetingAttendance", "xianjie.jointMeetingMinutes", "xianjie.minutesCosign"],
                senders: .kinds(.congress, .procuratorate),
                recipients: .kinds(.congress, .procuratorate, .agency, .station),
                note: "签到, 联席会议纪要, 纪要会签: the congress and procuratorate sides record the meeting, to every member"),
            PolicyRule(
                types: ["xianjie.assignmentProgress"], senders: .kinds(.agency, .congress, .procuratorate),
                recipients: .kinds(.congress, .procuratorate),
                note: "交办事项进展: the responsible unit reports on a meeting's decision to congress and the procuratorate"),
            PolicyRule(
                types: ["xianjie.cooperationAgreement", "xianjie.agreementSignature", "xianjie.agreementStatusChange"],
                senders: .kinds(.procuratorate, .congress), recipients: .kinds(.procuratorate, .congress),
                note: "跨区域协作机制意见, 会签, 暂停 / 恢复 / 终止: the parties of a cross-region agreement (procuratorates, possibly congresses) draft, sign, suspend, resume or end it, to each other"),
            PolicyRule(
                types: [
                    "xianjie.clueTransfer", "xianjie.clueTransferAck", "xianjie.clueTransferFeedback",
                    "xianjie.jurisdictionDispute", "xianjie.assistanceRequest", "xianjie.assistanceResult",
                    "xianjie.informationShare",
                ], senders: .kinds(.procuratorate), recipients: .kinds(.procuratorate, .congress),
                note: "线索移送函, 签收登记, 办理结果反馈, 管辖争议, 委托调查取证 and its result, 信息共享: between the procuratorates of an agreement, copied to congress"),
            PolicyRule(
                types: ["xianjie.hearingNotice", "xianjie.hearingRecord"], senders: .kinds(.procuratorate),
                recipients: .kinds(.congress, .procuratorate, .agency, .station),
                note: "听证公告, 听证笔录: only a procuratorate announces and records a hearing; to congress, the superior, the agency concerned and the stations whose deputies sit as hearing officers"),
            PolicyRule(
                types: ["xianjie.participationRecord"], senders: .kinds(.procuratorate, .congress, .station),
                recipients: .kinds(.congress, .procuratorate),
                note: "代表参与检察活动档案: the procuratorate, congress or a liaison station records a deputy's participation, to congress and the procuratorate"),
            PolicyRule(
                types: [
                    "xianjie.inquiryTopic", "xianjie.inquiryProgress", "xianjie.inquiryAssignment",
                    "xianjie.inquiryOpinions", "xianjie.inquiryLookBack", "xianjie.interpellation",
                    "xianjie.interpellationDecision", "xianjie.interpellationAssessment",
                    "xianjie.specificInvestigation", "xianjie.evaluationSchedule", "xianjie.ballotResult",
                ], senders: .kinds(.congress), recipients: .kinds(.congress, .procuratorate, .agency),
                note: "专题询问, 质询, 特定问题调查, 满意度测评: only congress escalates and evaluates; to congress, the procuratorate and the units concerned"),
            PolicyRule(
                types: ["xianjie.inquiryClaim", "xianjie.inquiryHandlingReport", "xianjie.interpellationAnswer"],
                senders: .kinds(.agency, .procuratorate), recipients: .kinds(.congress, .procuratorate),
                note: "认领, 办理情况报告, 质询答复: the unit questioned (an agency, or the procuratorate) claims and reports on an inquiry's problems and answers an interpellation, to congress and the procuratorate"),
            PolicyRule(
                types: ["xianjie.attachmentChunk"], senders: .kinds(.congress, .procuratorate, .agency, .station),
                recipients: .kinds(.congress, .procuratorate, .agency, .station),
                note: "附件分块: the bytes of a file a document references travel before it, to the same recipients (the document itself is checked by its own rule)"),
        ])
}
