import XianjieMessages

/// 公益诉讼案件 with pre-litigation procuratorial suggestion (诉前检察建议, DOMAIN.md §4 B).
///
/// From receipt of a clue or transfer to closure, look-back, litigation or termination. Timers run
/// from delivery (送达): the reply (2 months; 15 days when urgent), filing with the superior
/// procuratorate (5 days) and the copy to the congress (10 days).
package struct PublicInterestCaseProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case received, registered, assessed
        /// 不予立案: the reason goes back to the congress.
        case declined
        /// 立案 (立案决定书).
        case filed
        /// 调查: site checks, interviews, file review; optional hearing.
        case investigating
        /// 终结.
        case terminated
        /// 制发检察建议: approved by the chief, not yet delivered.
        case suggestionIssued
        /// 送达, waiting for the written reply.
        case awaitingReply
        /// 异议: the addressee objected.
        case objectionRaised
        /// 复核.
        case underReview
        /// 撤回: the review withdrew the suggestion.
        case suggestionWithdrawn
        case replyReceived
        /// 逾期未回复.
        case replyOverdue
        /// 跟进调查 (mandatory after a reply or its absence).
        case followUpInvestigation
        /// 整改到位.
        case rectified
        case closed
        /// 回头看.
        case lookBack
        /// 不依法履职.
        case notPerformed
        /// 起诉审查.
        case litigationReview
        /// 提起行政公益诉讼.
        case sued
        /// 判决.
        case judgment
        /// 诉讼中履职到位, 撤回起诉.
        case withdrawnOnCompliance
    }

    /// 复核结果.
    package enum ReviewOutcome: String, Codable, Sendable, Hashable, CaseIterable {
        /// 变更: the suggestion is amended and the reply period restarts.
        case modified
        /// 撤回.
        case withdrawn
        /// 维持: the original reply timer keeps running.
        case upheld
    }

    package enum Event: Codable, Sendable, Equatable {
        case register
        case assess
        case decline(reason: String)
        case file
        case startInvestigation(hearing: Bool)
        case terminate(reason: String)
        /// 制发: needs the chief procurator's approval (检察长批准).
        case issueSuggestion(documentNumber: String, addressee: AgencyID, urgent: Bool, approvedByChief: Bool)
        /// 送达 (in writing or by announcement): starts the reply, filing and copy timers.
        case deliver
        /// 报上一级检察院备案.
        case fileWithSuperior
        /// 抄送人大.
        case copyToCongress
        /// Addressee: 异议.
        case objection(reason: String)
        case beginReview
        case reviewDecided(ReviewOutcome)
        /// Addressee: 书面回复.
        case reply(RectificationReply.Status)
        case beginFollowUp
        /// 跟进调查结论: performed (整改到位) or not.
        case followUpConcluded(performed: Bool)
        case close
        case lookBack(confirmed: Bool)
        case beginLitigationReview
        case sue(approvedByChief: Bool)
        case judgment(summary: String)
        case withdrawOnCompliance
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .register: "register"
            case .assess: "assess"
            case .decline: "decline"
            case .file: "file"
            case .startInvestigation: "startInvestigation"
            case .terminate: "terminate"
            case .issueSuggestion: "issueSuggestion"
            case .deliver: "deliver"
            case .fileWithSuperior: "fileWithSuperior"
            case .copyToCongress: "copyToCongress"
            case .objection: "objection"
            case .beginReview: "beginReview"
            case .reviewDecided: "reviewDecided"
            case .reply: "reply"
            case .beginFollowUp: "beginFollowUp"
            case .followUpConcluded: "followUpConcluded"
            case .close: "close"
            case .lookBack: "lookBack"
            case .beginLitigationReview: "beginLitigationReview"
            case .sue: "sue"
            case .judgment: "judgment"
            case .withdrawOnCompliance: "withdrawOnCompliance"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let caseId: String
    /// The deputy suggestion this case came from (转交), whose congress hears of a decline.
    package let originSuggestionId: String?
    package internal(set) var state: State = .received
    package internal(set) var hearing = false
    package internal(set) var documentNumber: String?
    package internal(set) var addressee: AgencyID?
    package internal(set) var urgent = false
    package internal(set) var deliveredOn: CalendarDate?
    package internal(set) var filedWithSuperior = false
    package internal(set) var copiedToCongress = false
    package internal(set) var objectionReason: String?
    package internal(set) var reviewOutcome: ReviewOutcome?
    package internal(set) var replyStatus: RectificationReply.Status?
    /// Whether the written reply came after its deadline had passed (nil before any reply).
    package internal(set) var repliedLate: Bool?
    /// Why the case was declined or terminated.
    package internal(set) var reason: String?
    package internal(set) var lookBackConfirmed: Bool?
    package internal(set) var timers = TimerBook()

    package init(caseId: String, originSuggestionId: String? = nil) {
        self.caseId = caseId
        self.originSuggestionId = originSuggestionId
    }


    func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: caseId)
    }

    /// Moves from `from` to `to` or throws out-of-order.
    mutating func step(_ event: Event, from: Set<State>, to: State) throws(ProtocolViolation) {
        guard from.contains(state) else { throw outOfOrder(event) }
        state = to
    }
}
