import XianjieMessages

extension PublicInterestCaseProcess {
    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .objection, .reply, .reminderDue, .timerExpired:
            return try applyAddresseeOrTimer(event, at: date, by: actor, rules: rules)
        default:
            try actor.require([.procuratorate], for: event.name, subject: caseId)
        }
        switch event {
        case .register:
            try step(event, from: [.received], to: .registered)
        case .assess:
            try step(event, from: [.registered], to: .assessed)
        case .decline(let reason):
            try requireReason(reason, event)
            try step(event, from: [.assessed], to: .declined)
            self.reason = reason
            return [.notify(.congress, "不予立案 \(caseId)\(originNote): \(reason)")]
        case .file:
            try step(event, from: [.assessed], to: .filed)
            return [.notify(.congress, "立案 \(caseId)\(originNote)")]
        case .startInvestigation(let hearing):
            try step(event, from: [.filed], to: .investigating)
            self.hearing = hearing
        case .terminate(let reason):
            try requireReason(reason, event)
            try step(event, from: [.investigating, .litigationReview], to: .terminated)
            self.reason = reason
            return [.notify(.congress, "终结 \(caseId): \(reason)")] + timers.cancelAll()
        case .issueSuggestion(let number, let addressee, let urgent, let approved):
            guard state == .investigating else { throw outOfOrder(event) }
            guard approved else {
                throw ProtocolViolation(
                    .chiefApprovalRequired, "procuratorial suggestion \(number) for \(caseId) lacks the chief's approval")
            }
            guard !number.isBlank else {
                throw ProtocolViolation(.invalidArgument, "procuratorial suggestion for \(caseId) has no document number")
            }
            state = .suggestionIssued
            documentNumber = number
            self.addressee = addressee
            self.urgent = urgent
            return [.notify(.agency(addressee), "检察建议书 \(number) issued")]
        case .deliver:
            return try deliver(at: date, rules: rules)
        case .fileWithSuperior:
            guard deliveredOn != nil else { throw outOfOrder(event) }
            guard !filedWithSuperior else {
                throw ProtocolViolation(.alreadyDone, "suggestion of \(caseId) was already filed with the superior")
            }
            filedWithSuperior = true
            return [.notify(.superiorProcuratorate, "备案: \(documentNumber ?? caseId)")] + timers.cancel(.fileWithSuperior)
        case .copyToCongress:
            guard deliveredOn != nil else { throw outOfOrder(event) }
            guard !copiedToCongress else {
                throw ProtocolViolation(.alreadyDone, "suggestion of \(caseId) was already copied to the congress")
            }
            copiedToCongress = true
            return [.notify(.congress, "抄送: \(documentNumber ?? caseId)")] + timers.cancel(.copyToCongress)
        case .beginReview:
            try step(event, from: [.objectionRaised], to: .underReview)
        case .reviewDecided(let outcome):
            return try decideReview(outcome, event: event, at: date, rules: rules)
        case .beginFollowUp:
            try step(event, from: [.replyReceived, .replyOverdue], to: .followUpInvestigation)
            // Follow-up replaces the missing reply: nothing is owed by the addressee any more.
            return timers.cancel(.procuratorialReply)
        case .followUpConcluded(let performed):
            try step(event, from: [.followUpInvestigation], to: performed ? .rectified : .notPerformed)
            if !performed {
                let text = "不依法履职: \(addressee?.rawValue ?? "addressee") on \(caseId)"
                return [.notify(.superiorProcuratorate, text), .notify(.congress, text)]
            }
        case .close:
            try step(event, from: [.rectified], to: .closed)
            return [.notify(.congress, "办结 \(caseId)")]
        case .lookBack(let confirmed):
            try step(event, from: [.closed], to: .lookBack)
            lookBackConfirmed = confirmed
            guard confirmed else {
                return [.queueForJointMeeting(JointMeetingItem(subjectId: caseId, reason: "回头看: problem recurred"))]
            }
        case .beginLitigationReview:
            try step(event, from: [.notPerformed], to: .litigationReview)
        case .sue(let approved):
            guard state == .litigationReview else { throw outOfOrder(event) }
            guard approved else {
                throw ProtocolViolation(.chiefApprovalRequired, "lawsuit in \(caseId) lacks the chief's approval")
            }
            state = .sued
            return [.notify(.congress, "起诉: \(caseId)")]
        case .judgment:
            try step(event, from: [.sued], to: .judgment)
        case .withdrawOnCompliance:
            try step(event, from: [.sued], to: .withdrawnOnCompliance)
        case .objection, .reply, .reminderDue, .timerExpired:
            break  // handled above
        }
        return []
    }

    private var originNote: String { originSuggestionId.map { " (transfer of \($0))" } ?? "" }

    private func requireReason(_ reason: String, _ event: Event) throws(ProtocolViolation) {
        guard !reason.isBlank else {
            throw ProtocolViolation(.explanationRequired, "\(event.name) of \(caseId) needs a reason")
        }
    }
}
