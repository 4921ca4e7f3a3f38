/// Every legal period of DOMAIN.md §4 A and B as a parameter (期限参数), with the defaults given there.
///
/// Decoding a configuration file takes the default for every key it leaves out.
package struct DeadlineParameters: Codable, Sendable, Hashable {
    /// 交办: assign a suggestion made between sessions within 5 working days of registration.
    package var assignSuggestion: DeadlinePeriod
    /// 答复: reply within 3 months of assignment.
    package var suggestionReply: DeadlinePeriod
    /// 延期答复: with an explanation, up to 6 months of assignment.
    package var suggestionReplyExtended: DeadlinePeriod
    /// 征询意见: the deputy rates the reply within 20 working days.
    package var deputyFeedback: DeadlinePeriod
    /// 重新办理: a second reply within 1 month of an unsatisfied rating.
    package var rehandlingReply: DeadlinePeriod
    /// 检察建议书面回复: 2 months from delivery.
    package var procuratorialReply: DeadlinePeriod
    /// 紧急情形 (损害继续扩大): 15 days from delivery.
    package var procuratorialReplyUrgent: DeadlinePeriod
    /// 报上一级检察院备案: within 5 days of delivery.
    package var fileWithSuperior: DeadlinePeriod
    /// 抄送人大: within 10 days of delivery.
    package var copyToCongress: DeadlinePeriod
    /// 提醒: remind the obligated party this long before a due date.
    package var reminderLead: DeadlinePeriod
    /// 听证公告: a hearing is announced at least this many calendar days ahead.
    package var hearingNoticeDays: Int

    package init(
        assignSuggestion: DeadlinePeriod = .workingDays(5),
        suggestionReply: DeadlinePeriod = .months(3),
        suggestionReplyExtended: DeadlinePeriod = .months(6),
        deputyFeedback: DeadlinePeriod = .workingDays(20),
        rehandlingReply: DeadlinePeriod = .months(1),
        procuratorialReply: DeadlinePeriod = .months(2),
        procuratorialReplyUrgent: DeadlinePeriod = .days(15),
        fileWithSuperior: DeadlinePeriod = .days(5),
        copyToCongress: DeadlinePeriod = .days(10),
        reminderLead: DeadlinePeriod = .workingDays(5),
        hearingNoticeDays: Int = 3
    ) {
        self.assignSuggestion = assignSuggestion
        self.suggestionReply = suggestionReply
        self.suggestionReplyExtended = suggestionReplyExtended
        self.deputyFeedback = deputyFeedback
        self.rehandlingReply = rehandlingReply
        self.procuratorialReply = procuratorialReply
        self.procuratorialReplyUrgent = procuratorialReplyUrgent
        self.fileWithSuperior = fileWithSuperior
        self.copyToCongress = copyToCongress
        self.reminderLead = reminderLead
        self.hearingNoticeDays = hearingNoticeDays
    }

    private enum CodingKeys: String, CodingKey {
        case assignSuggestion, suggestionReply, suggestionReplyExtended, deputyFeedback, rehandlingReply
        case procuratorialReply, procuratorialReplyUrgent, fileWithSuperior, copyToCongress, reminderLead
        case hearingNoticeDays
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeadlineParameters()
        func value(_ key: CodingKeys, _ fallback: DeadlinePeriod) throws -> DeadlinePeriod {
            try c.decodeIfPresent(DeadlinePeriod.self, forKey: key) ?? fallback
        }
        self.init(
            assignSuggestion: try value(.assignSuggestion, d.assignSuggestion),
            suggestionReply: try value(.suggestionReply, d.suggestionReply),
            suggestionReplyExtended: try value(.suggestionReplyExtended, d.suggestionReplyExtended),
            deputyFeedback: try value(.deputyFeedback, d.deputyFeedback),
            rehandlingReply: try value(.rehandlingReply, d.rehandlingReply),
            procuratorialReply: try value(.procuratorialReply, d.procuratorialReply),
            procuratorialReplyUrgent: try value(.procuratorialReplyUrgent, d.procuratorialReplyUrgent),
            fileWithSuperior: try value(.fileWithSuperior, d.fileWithSuperior),
            copyToCongress: try value(.copyToCongress, d.copyToCongress),
            reminderLead: try value(.reminderLead, d.reminderLead),
            hearingNoticeDays: try c.decodeIfPresent(Int.self, forKey: .hearingNoticeDays) ?? d.hearingNoticeDays
        )
    }
}
