import XianjieMessages

extension DeputySuggestionProcess {
    private static let activeStates: Set<State> = [
        .registered, .assigned, .handling, .replyOverdue, .replied, .feedbackPending, .rehandling,
    ]

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .register(let session, let domain, let impact):
            try actor.require([.congress], for: event.name, subject: subjectId)
            guard state == .submitted else { throw outOfOrder(event) }
            self.session = session
            self.domain = domain
            self.impact = impact
            state = .registered
            guard session == .betweenSessions else { return [] }
            return [
                timers.start(
                    .assignSuggestion, period: rules.deadlines.assignSuggestion, from: date, obligated: .congress,
                    supervisor: .coordinator, rules: rules)
            ]

        case .assign(let host, let coUnits):
            try actor.require([.congress], for: event.name, subject: subjectId)
            guard state == .registered else { throw outOfOrder(event) }
            guard !coUnits.contains(host), Set(coUnits).count == coUnits.count else {
                throw ProtocolViolation(
                    .invalidArgument, "assignment of \(subjectId): the host unit \(host) and co-units must be distinct")
            }
            hostUnit = host
            self.coUnits = coUnits
            assignedOn = date
            state = .assigned
            var effects = timers.cancel(.assignSuggestion)
            effects.append(.notify(.agency(host), "交办: host unit of deputy suggestion \(subjectId)"))
            effects += coUnits.map { .notify(.agency($0), "交办: co-unit of deputy suggestion \(subjectId)") }
            effects.append(
                timers.start(
                    .suggestionReply, period: rules.deadlines.suggestionReply, from: date, obligated: .agency(host),
                    supervisor: .congress, rules: rules))
            return effects

        case .startHandling:
            try requireHost(actor, event)
            guard state == .assigned else { throw outOfOrder(event) }
            state = .handling
            return []

        case .requestExtension(let explanation):
            try requireHost(actor, event)
            guard state == .assigned || state == .handling else { throw outOfOrder(event) }
            guard !extended else {
                throw ProtocolViolation(.alreadyDone, "suggestion \(subjectId) was already extended once")
            }
            guard !explanation.isBlank else {
                throw ProtocolViolation(
                    .explanationRequired, "extending the reply of \(subjectId) beyond 3 months needs an explanation")
            }
            extended = true
            return [
                timers.start(
                    .suggestionReply, period: rules.deadlines.suggestionReplyExtended, from: assignedOn ?? date,
                    obligated: actor, supervisor: .congress, rules: rules),
                .notify(.congress, "延期答复 of \(subjectId): \(explanation)"),
            ]

        case .reply:
            if state == .submitted || state == .registered {
                throw ProtocolViolation(
                    .replyNeverIssued, "a reply to suggestion \(subjectId), which was never assigned to any unit")
            }
            try requireHost(actor, event)
            guard [.assigned, .handling, .replyOverdue, .rehandling].contains(state) else { throw outOfOrder(event) }
            state = .replied
            var effects = timers.cancel(round == 1 ? .suggestionReply : .rehandlingReply)
            effects.append(.notify(.congress, "答复函 received for \(subjectId) (round \(round))"))
            return effects

        case .requestFeedback:
            try actor.require([.congress], for: event.name, subject: subjectId)
            guard state == .replied else { throw outOfOrder(event) }
            state = .feedbackPending
            return [
                .notify(ProtocolActor(role: .deputy), "征询意见表 for \(subjectId)"),
                timers.start(
                    .deputyFeedback, period: rules.deadlines.deputyFeedback, from: date,
                    obligated: ProtocolActor(role: .deputy), supervisor: .congress, rules: rules),
            ]

        case .rate(let rating):
            try actor.require([.deputy], for: event.name, subject: subjectId)
            guard state == .replied || state == .feedbackPending else {
                if Self.activeStates.contains(state) || state == .submitted {
                    throw ProtocolViolation(
                        .ratingBeforeReply, "a rating before a reply: suggestion \(subjectId) is \(state.rawValue)")
                }
                throw outOfOrder(event)
            }
            return rate(rating, at: date, by: actor, rules: rules)

        case .transferToProcuratorate:
            try actor.require([.congress], for: event.name, subject: subjectId)
            guard Self.activeStates.contains(state) else { throw outOfOrder(event) }
            guard transfer == .none else {
                throw ProtocolViolation(.alreadyDone, "suggestion \(subjectId) was already transferred")
            }
            if case .outOfScope(let reason) = rules.scope.screen(domain: domain, impact: impact) {
                throw ProtocolViolation(.outOfScope, "transfer of \(subjectId) refused: \(reason)")
            }
            transfer = .transferred(on: date)
            return [
                .notify(.procuratorate, "转交: deputy suggestion \(subjectId) for assessment"),
                .notify(.congress, "抄送监察和司法委员会: \(subjectId) transferred to the procuratorate"),
            ]

        case .transferAssessed(let outcome, let caseId, let reason):
            try actor.require([.procuratorate], for: event.name, subject: subjectId)
            guard case .transferred = transfer else { throw outOfOrder(event) }
            switch outcome {
            case .filed:
                transfer = .caseFiled(caseId: caseId)
                return [.notify(.congress, "研判: \(subjectId) filed as case \(caseId ?? "(unnumbered)")")]
            case .declined:
                guard let reason, !reason.isBlank else {
                    throw ProtocolViolation(.explanationRequired, "declining the transfer of \(subjectId) needs a reason")
                }
                transfer = .declined(reason: reason)
                return [.notify(.congress, "研判: \(subjectId) declined: \(reason)")]
            }

        case .lookBack(let findings):
            try actor.require([.congress, .coordinator], for: event.name, subject: subjectId)
            guard state == .closed else { throw outOfOrder(event) }
            state = .lookBack
            return [.notify(.congress, "回头看 of \(subjectId): \(findings)")]

        case .reminderDue(let kind):
            return try timers.remind(kind, subject: subjectId, by: actor)

        case .timerExpired(let kind):
            let effects = try timers.expire(kind, subject: subjectId, by: actor)
            switch (kind, state) {
            case (.suggestionReply, .assigned), (.suggestionReply, .handling), (.rehandlingReply, .rehandling):
                state = .replyOverdue
            default: break
            }
            return effects
        }
    }

    private mutating func rate(
        _ rating: Rating, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) -> [ProtocolEffect] {
        ratings.append(rating)
        var effects = timers.cancel(.deputyFeedback)
        guard rating == .unsatisfied else {
            state = .closed
            effects.append(.notify(.congress, "\(subjectId) closed: rated \(rating.rawValue)"))
            return effects
        }
        guard round == 1, let hostUnit else {
            state = .closed
            effects.append(.notify(.congress, "\(subjectId) closed unsatisfied after rehandling"))
            effects.append(
                .queueForJointMeeting(
                    JointMeetingItem(subjectId: subjectId, reason: "督办: still unsatisfied after rehandling")))
            return effects
        }
        round = 2
        state = .rehandling
        effects.append(.notify(.agency(hostUnit), "重新办理: \(subjectId) rated unsatisfied"))
        effects.append(
            timers.start(
                .rehandlingReply, period: rules.deadlines.rehandlingReply, from: date, obligated: .agency(hostUnit),
                supervisor: .congress, rules: rules))
        return effects
    }

    private func requireHost(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.agency], for: event.name, subject: subjectId)
        guard let hostUnit else { throw outOfOrder(event) }
        guard actor.agency == hostUnit else {
            throw ProtocolViolation(
                .replyFromWrongAgency,
                "\(event.name) for \(subjectId) from \(actor), but the host unit is \(hostUnit)")
        }
    }
}
