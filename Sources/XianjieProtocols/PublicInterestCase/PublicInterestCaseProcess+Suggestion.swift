import XianjieMessages

extension PublicInterestCaseProcess {
    /// 送达: the reply, filing and copy timers start on the delivery date.
    mutating func deliver(at date: CalendarDate, rules: ProtocolRules) throws(ProtocolViolation) -> [ProtocolEffect] {
        guard state == .suggestionIssued, let addressee else { throw outOfOrder(.deliver) }
        state = .awaitingReply
        deliveredOn = date
        let period = urgent ? rules.deadlines.procuratorialReplyUrgent : rules.deadlines.procuratorialReply
        return [
            timers.start(
                .procuratorialReply, period: period, from: date, obligated: .agency(addressee),
                supervisor: .congress, rules: rules),
            timers.start(
                .fileWithSuperior, period: rules.deadlines.fileWithSuperior, from: date, obligated: .procuratorate,
                supervisor: .superiorProcuratorate, rules: rules),
            timers.start(
                .copyToCongress, period: rules.deadlines.copyToCongress, from: date, obligated: .procuratorate,
                supervisor: .superiorProcuratorate, rules: rules),
        ]
    }

    /// 复核结果: modified restarts the reply period, withdrawn ends the suggestion, upheld resumes waiting.
    mutating func decideReview(
        _ outcome: ReviewOutcome, event: Event, at date: CalendarDate, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        guard state == .underReview, let addressee else { throw outOfOrder(event) }
        reviewOutcome = outcome
        let notice = ProtocolEffect.notify(.agency(addressee), "复核 of \(caseId): \(outcome.rawValue)")
        switch outcome {
        case .withdrawn:
            state = .suggestionWithdrawn
            return [notice] + timers.cancel(.procuratorialReply)
        case .upheld:
            // The reply is still owed; if its day passed during the review, it is overdue now.
            state = timers.overdue[.procuratorialReply] == nil ? .awaitingReply : .replyOverdue
            return [notice]
        case .modified:
            state = .awaitingReply
            let period = urgent ? rules.deadlines.procuratorialReplyUrgent : rules.deadlines.procuratorialReply
            return [
                notice,
                timers.start(
                    .procuratorialReply, period: period, from: date, obligated: .agency(addressee),
                    supervisor: .congress, rules: rules),
            ]
        }
    }

    /// The addressee's objection and reply, and the deadline engine's events.
    mutating func applyAddresseeOrTimer(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .reply(let status):
            if [.received, .registered, .assessed, .declined, .filed, .investigating, .terminated].contains(state) {
                throw ProtocolViolation(
                    .replyNeverIssued, "a reply to a suggestion never issued: case \(caseId) is \(state.rawValue)")
            }
            try requireAddressee(actor, event)
            guard state == .awaitingReply || state == .replyOverdue else { throw outOfOrder(event) }
            repliedLate = state == .replyOverdue
            state = .replyReceived
            replyStatus = status
            return [.notify(.procuratorate, "书面回复 on \(caseId): \(status.rawValue)")] + timers.cancel(.procuratorialReply)
        case .objection(let reason):
            if addressee == nil {
                throw ProtocolViolation(
                    .replyNeverIssued, "an objection to a suggestion never issued: case \(caseId) is \(state.rawValue)")
            }
            try requireAddressee(actor, event)
            guard state == .awaitingReply else { throw outOfOrder(event) }
            guard !reason.isBlank else {
                throw ProtocolViolation(.explanationRequired, "an objection to \(caseId) needs its grounds")
            }
            state = .objectionRaised
            objectionReason = reason
            return [.notify(.procuratorate, "异议 on \(caseId): \(reason)")]
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: caseId, by: actor)
        case .timerExpired(let kind):
            let effects = try timers.expire(kind, subject: caseId, by: actor)
            if kind == .procuratorialReply, state == .awaitingReply { state = .replyOverdue }
            return effects
        default:
            throw outOfOrder(event)
        }
    }

    private func requireAddressee(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.agency], for: event.name, subject: caseId)
        guard let addressee, actor.agency == addressee else {
            throw ProtocolViolation(
                .replyFromWrongAgency,
                "\(event.name) on \(caseId) from \(actor), but the suggestion is addressed to \(addressee?.rawValue ?? "nobody")")
        }
    }
}
