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
        ])
}
