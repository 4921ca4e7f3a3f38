import XianjieMessages

/// 代表建议办理 (DOMAIN.md §4 A): one deputy suggestion from registration to the deputy's rating,
/// with the optional parallel transfer to the procuratorate (转交检察院) and the look-back.
///
/// A pure value: `received` validates the event, moves the state and returns the effects
/// (timers, notices, 督办). A refused event throws ``ProtocolViolation`` and changes nothing.
package struct DeputySuggestionProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// 提出: the deputy handed the suggestion in.
        case submitted
        /// 登记: the congress registered it (domain and impact flags set).
        case registered
        /// 交办: host and co-units named; the reply timer runs.
        case assigned
        /// 办理中: the host unit acknowledged and is handling it.
        case handling
        /// 逾期未答复: the reply (or second reply) timer expired.
        case replyOverdue
        /// 已答复: the host unit replied (答复函).
        case replied
        /// 征询意见: the deputy has the feedback form (20 working days).
        case feedbackPending
        /// 重新办理: rated unsatisfied; a second reply is due within 1 month.
        case rehandling
        /// 办结.
        case closed
        /// 回头看: the closed suggestion was looked back on.
        case lookBack
    }

    /// 征询意见表: 满意 / 基本满意 / 不满意.
    package enum Rating: String, Codable, Sendable, Hashable, CaseIterable {
        case satisfied, basicallySatisfied, unsatisfied
    }

    /// The parallel transfer to the procuratorate (转交 → 研判结果).
    package enum TransferStatus: Codable, Sendable, Hashable {
        case none
        case transferred(on: CalendarDate)
        case caseFiled(caseId: String?)
        case declined(reason: String)
    }

    package enum Event: Codable, Sendable, Equatable {
        /// Congress: 登记, with the clerk's scope flags.
        case register(session: DeputySuggestion.Session, domain: PublicInterestDomain?, impact: ImpactFlags?)
        /// Congress: 交办 to a host unit and co-units.
        case assign(host: AgencyID, coUnits: [AgencyID])
        /// Host unit: acknowledges and starts handling.
        case startHandling
        /// Host unit: 延期 to the extended period, with an explanation (说明理由).
        case requestExtension(explanation: String)
        /// Host unit: 答复函 (first or second reply).
        case reply
        /// Congress: sends the feedback form (征询意见表) to the deputy.
        case requestFeedback
        /// Deputy: 满意 / 基本满意 / 不满意.
        case rate(Rating)
        /// Congress: 转交检察院 (cc 监察和司法委员会), only when in scope.
        case transferToProcuratorate
        /// Procuratorate: 研判结果 of the transfer.
        case transferAssessed(TransferAssessment.Outcome, caseId: String?, reason: String?)
        /// Congress: 回头看 of a closed suggestion.
        case lookBack(findings: String)
        /// Deadline engine: the reminder date of a timer arrived.
        case reminderDue(TimerKind)
        /// Deadline engine: a timer expired.
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .register: "register"
            case .assign: "assign"
            case .startHandling: "startHandling"
            case .requestExtension: "requestExtension"
            case .reply: "reply"
            case .requestFeedback: "requestFeedback"
            case .rate: "rate"
            case .transferToProcuratorate: "transferToProcuratorate"
            case .transferAssessed: "transferAssessed"
            case .lookBack: "lookBack"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let subjectId: String
    /// Set when the suggestion came from a procuratorial suggestion (反向转化, §4 C).
    package let originCaseId: String?
    package internal(set) var state: State = .submitted
    package internal(set) var session: DeputySuggestion.Session?
    package internal(set) var domain: PublicInterestDomain?
    package internal(set) var impact: ImpactFlags?
    package internal(set) var hostUnit: AgencyID?
    package internal(set) var coUnits: [AgencyID] = []
    package internal(set) var assignedOn: CalendarDate?
    /// 1 for the first reply, 2 after an unsatisfied rating.
    package internal(set) var round = 1
    package internal(set) var extended = false
    package internal(set) var ratings: [Rating] = []
    package internal(set) var transfer: TransferStatus = .none
    package internal(set) var timers = TimerBook()

    package init(subjectId: String, originCaseId: String? = nil) {
        self.subjectId = subjectId
        self.originCaseId = originCaseId
    }


    func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: subjectId)
    }
}
