import XianjieMessages

/// The legal timers the machines start (计时器); the coordinator's deadline engine runs them and
/// feeds `.reminderDue(kind)` and `.timerExpired(kind)` back as events.
package enum TimerKind: String, Codable, Sendable, Hashable, CaseIterable, CodingKeyRepresentable {
    /// 交办: assign a suggestion (5 working days).
    case assignSuggestion
    /// 答复: the host unit's reply (3 months, 6 with an explanation).
    case suggestionReply
    /// 征询意见: the deputy's rating (20 working days).
    case deputyFeedback
    /// 重新办理: the second reply after an unsatisfied rating (1 month).
    case rehandlingReply
    /// 检察建议回复: the addressee's written reply (2 months; 15 days when urgent).
    case procuratorialReply
    /// 备案: filing the suggestion with the superior procuratorate (5 days).
    case fileWithSuperior
    /// 抄送人大: copying the suggestion to the congress (10 days).
    case copyToCongress
    /// 整改期限: the rectification deadline of a three-lists item.
    case rectification
    /// 回头看: the scheduled look-back of a closed item.
    case lookBack
    /// 交办期限: a joint meeting's decision, due by its deadline.
    case meetingAssignment
    /// 签收: a transferred clue's acknowledgement, within the agreement's days.
    case clueAcknowledgement
    /// 反馈: the receiver's feedback on a transferred clue, within the agreement's days.
    case clueFeedback
    /// 委托调查取证: an entrusted evidence request's due day.
    case assistance
    /// 办理报告: a special inquiry's problem, reported by its unit by the day the opinions set.
    case inquiryReport
    /// 质询答复: the interpellated agency's answer by the day the 主任会议 set, and its re-answer.
    case interpellationAnswer
}

/// A running timer: what is due from whom, by when, who supervises it.
package struct Deadline: Codable, Sendable, Hashable {
    package var kind: TimerKind
    package var due: CalendarDate
    /// When the deadline engine should send a reminder (nil when the period is too short).
    package var remindOn: CalendarDate?
    package var obligated: ProtocolActor
    /// Who receives the overdue notice besides the obligated party (督办).
    package var supervisor: ProtocolActor

    package init(
        kind: TimerKind, due: CalendarDate, remindOn: CalendarDate?, obligated: ProtocolActor,
        supervisor: ProtocolActor
    ) {
        self.kind = kind
        self.due = due
        self.remindOn = remindOn
        self.obligated = obligated
        self.supervisor = supervisor
    }
}
