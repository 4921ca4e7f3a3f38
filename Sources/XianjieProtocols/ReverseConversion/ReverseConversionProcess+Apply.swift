import XianjieMessages

extension ReverseConversionProcess {
    /// Reverse conversion has no deadlines of its own: the date and rules are not needed.
    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        let subject = "\(documentNumber) (case \(caseId))"
        func step(_ from: State, _ to: State) throws(ProtocolViolation) {
            guard state == from else { throw .outOfOrder(event.name, in: state.rawValue, subject: subject) }
            state = to
        }
        func requireText(_ text: String) throws(ProtocolViolation) {
            guard !text.isBlank else {
                throw ProtocolViolation(.explanationRequired, "\(event.name) for \(subject) needs its text")
            }
        }
        switch event {
        case .markCopyEligible(let eligibility):
            try actor.require([.procuratorate], for: event.name, subject: subject)
            guard eligibility.isEligible else {
                throw ProtocolViolation(
                    .invalidArgument,
                    "\(subject) meets none of the copy criteria (impact, attention, typical, deserves attention)")
            }
            try step(.issued, .copyEligible)
            self.eligibility = eligibility
        case .copyToCongress:
            try actor.require([.procuratorate], for: event.name, subject: subject)
            try step(.copyEligible, .copiedToCongress)
            return [.notify(.congress, "抄送: procuratorial suggestion \(subject)")]
        case .beginScreening:
            try actor.require([.congress], for: event.name, subject: subject)
            try step(.copiedToCongress, .screening)
        case .decideNotToConvert(let reason):
            try actor.require([.congress], for: event.name, subject: subject)
            try requireText(reason)
            try step(.screening, .notConverted)
            notConvertedReason = reason
            return [.notify(.procuratorate, "不予转化 \(subject): \(reason)")]
        case .proposeConversion(let recommendation):
            try actor.require([.congress], for: event.name, subject: subject)
            try requireText(recommendation)
            try step(.screening, .conversionProposed)
            self.recommendation = recommendation
            return [.notify(ProtocolActor(role: .deputy), "拟转化: \(recommendation) (from \(subject))")]
        case .adopt:
            try actor.require([.deputy], for: event.name, subject: subject)
            guard let person = actor.person, !person.isBlank else {
                throw ProtocolViolation(.leadDeputyRequired, "adopting \(subject) needs a named lead deputy")
            }
            try step(.conversionProposed, .adoptedByDeputy)
            leadDeputy = person
        case .submit(let suggestionId):
            try actor.require([.deputy], for: event.name, subject: subject)
            guard state == .adoptedByDeputy else {
                throw .outOfOrder(event.name, in: state.rawValue, subject: subject)
            }
            guard actor.person == leadDeputy else {
                throw ProtocolViolation(
                    .leadDeputyRequired,
                    "\(subject) may be submitted only by its lead deputy \(leadDeputy ?? "?"), not \(actor)")
            }
            try requireText(suggestionId)
            state = .submitted
            self.suggestionId = suggestionId
            return [
                .startProcess(LinkedProcess(kind: .deputySuggestion, subjectId: suggestionId, originSubjectId: caseId)),
                .notify(.congress, "代表建议 \(suggestionId) submitted from \(subject)"),
            ]
        }
        return []
    }
}
