import XianjieMessages

/// 线索移送 under an agreement (DOMAIN.md §4 E): sent → acknowledged (registered) → closed with the
/// feedback; a jurisdiction dispute is negotiated (back to the receiver) or referred to the common
/// superior. The agreement's acknowledgement and feedback periods run as deadlines; overdue → 督办.
package struct ClueTransferProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case sent, acknowledged, disputed, referredToCommonSuperior, closed
    }

    package enum Event: Codable, Sendable, Equatable {
        /// The sending party transfers the clue to the receiving party.
        case send(from: AgencyID, to: AgencyID, acknowledgeWithinDays: Int, feedbackWithinDays: Int)
        /// 签收登记 by the receiver.
        case acknowledge(registeredAs: String?)
        /// 办理结果反馈 by the receiver.
        case feedback(ClueTransferFeedback.Outcome)
        case dispute(JurisdictionDispute.Action, reason: String, commonSuperior: AgencyID?)
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .send: "send"
            case .acknowledge: "acknowledge"
            case .feedback: "feedback"
            case .dispute(let action, _, _): "dispute(\(action.rawValue))"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let transferId: String
    package let agreementId: String
    package internal(set) var state: State = .sent
    package internal(set) var from: AgencyID?
    package internal(set) var to: AgencyID?
    package internal(set) var feedbackWithinDays = 0
    package internal(set) var registeredAs: String?
    package internal(set) var outcome: ClueTransferFeedback.Outcome?
    package internal(set) var commonSuperior: AgencyID?
    package internal(set) var timers = TimerBook()

    package init(transferId: String, agreementId: String) {
        self.transferId = transferId
        self.agreementId = agreementId
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .send(let from, let to, let acknowledgeDays, let feedbackDays):
            try actor.require([.procuratorate], for: event.name, subject: transferId)
            guard self.from == nil, state == .sent else { throw outOfOrder(event) }
            guard from != to else {
                throw ProtocolViolation(.invalidArgument, "transfer \(transferId) is addressed to its own sender")
            }
            self.from = from
            self.to = to
            feedbackWithinDays = feedbackDays
            return [
                .notify(.agency(to), "线索移送 \(transferId) under \(agreementId)"),
                timers.start(
                    .clueAcknowledgement, period: .days(acknowledgeDays), from: date, obligated: .agency(to),
                    supervisor: .agency(from), rules: rules),
            ]
        case .acknowledge(let registeredAs):
            try requireReceiver(actor, event)
            guard state == .sent else { throw outOfOrder(event) }
            state = .acknowledged
            self.registeredAs = registeredAs
            return timers.cancel(.clueAcknowledgement) + [startFeedback(at: date, rules: rules)]
        case .feedback(let outcome):
            try requireReceiver(actor, event)
            guard state == .acknowledged else { throw outOfOrder(event) }
            state = .closed
            self.outcome = outcome
            return timers.cancel(.clueFeedback) + [.notify(.agency(from ?? "?"), "反馈: \(transferId) \(outcome.rawValue)")]
        case .dispute(let action, let reason, let superior):
            try actor.require([.procuratorate], for: event.name, subject: transferId)
            guard let agency = actor.agency, agency == from || agency == to else {
                throw ProtocolViolation(
                    .notAParty, "only the sender or the receiver of \(transferId) may dispute its jurisdiction, not \(actor)")
            }
            guard !reason.isBlank else {
                throw ProtocolViolation(.explanationRequired, "a jurisdiction dispute over \(transferId) needs its grounds")
            }
            switch action {
            case .raised:
                guard state == .sent || state == .acknowledged else { throw outOfOrder(event) }
                state = .disputed
                return timers.cancelAll()
            case .negotiated:
                guard state == .disputed else { throw outOfOrder(event) }
                state = .acknowledged
                return [startFeedback(at: date, rules: rules)]
            case .referredToCommonSuperior:
                guard state == .disputed else { throw outOfOrder(event) }
                guard let superior else {
                    throw ProtocolViolation(.invalidArgument, "a referral of \(transferId) must name the common superior")
                }
                state = .referredToCommonSuperior
                commonSuperior = superior
                return [.notify(.agency(superior), "管辖争议: \(transferId) referred for decision")]
            }
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: transferId, by: actor)
        case .timerExpired(let kind):
            return try timers.expire(kind, subject: transferId, by: actor)
        }
    }

    private mutating func startFeedback(at date: CalendarDate, rules: ProtocolRules) -> ProtocolEffect {
        timers.start(
            .clueFeedback, period: .days(feedbackWithinDays), from: date, obligated: .agency(to ?? "?"),
            supervisor: .agency(from ?? "?"), rules: rules)
    }

    private func requireReceiver(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.procuratorate], for: event.name, subject: transferId)
        guard actor.agency == to else {
            throw ProtocolViolation(
                .replyFromWrongAgency, "\(event.name) of \(transferId) from \(actor), but it was transferred to \(to?.rawValue ?? "nobody")")
        }
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: transferId)
    }
}
