import XianjieMessages

/// 质询案 (DOMAIN.md §4 I): members of the standing committee put a question to an agency, which must
/// answer; the proposers judge the answer.
///
/// drafted (拟稿; co-signers join it, 联名: DOMAIN.md's "cosigned" is a draft with enough signers) →
/// submitted (提出: at least `escalation.interpellationMinimumProposers`) → formDecided (主任会议 decides
/// an oral or written answer and its day: the `interpellationAnswer` timer runs) → answered (答复) →
/// accepted, or unsatisfied when more than half of the proposers are not satisfied (再次答复 within
/// `escalation.reanswerDays` calendar days) → answered (round 2) → accepted or closedUnsatisfied.
/// Withdrawn (撤回, with a reason) before the answer. A timer that expires leaves the state, records
/// the overdue deadline and queues 督办. Every event comes from the congress, except the answer.
package struct InterpellationProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case drafted, submitted, formDecided, answered, accepted, unsatisfied, closedUnsatisfied, withdrawn
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 联名: members join the draft, each named by personId, none twice.
        case cosign([Person])
        /// 提出质询案.
        case submit
        /// 主任会议: the form of the answer and the day it is due.
        case decide(form: InterpellationForm, answerDue: CalendarDate)
        /// 答复 by the agency addressed: round 1, or round 2 after an unsatisfied verdict.
        case answer(round: Int)
        /// The proposers' verdict: the personIds of those not satisfied.
        case assess(unsatisfied: [String])
        /// 撤回, with the reason.
        case withdraw(reason: String)
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .cosign: "cosign"
            case .submit: "submit"
            case .decide: "decide"
            case .answer(let round): "answer(\(round))"
            case .assess: "assess"
            case .withdraw: "withdraw"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let interpellationId: String
    /// The agency questioned (被质询机关).
    package let addressee: AgencyID
    package internal(set) var state: State = .drafted
    /// The members who signed (提案人), each once by personId.
    package internal(set) var proposers: [Person]
    package internal(set) var form: InterpellationForm?
    /// The answer round: 0 before the answer, 1, or 2 for the re-answer.
    package internal(set) var round = 0
    /// The latest verdict: the proposers not satisfied.
    package internal(set) var unsatisfiedProposers: [String] = []
    package internal(set) var withdrawalReason: String?
    package internal(set) var timers = TimerBook()

    /// The draft (拟稿) by its first proposers; a personId named twice is kept once.
    package init(interpellationId: String, addressee: AgencyID, proposers: [Person]) {
        self.interpellationId = interpellationId
        self.addressee = addressee
        var seen: Set<String> = []
        self.proposers = proposers.filter { person in person.personId.map { seen.insert($0).inserted } ?? true }
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .answer(let round):
            try requireAddressee(actor, event)
            guard round == 1 || round == 2 else {
                throw ProtocolViolation(.invalidArgument, "an answer to \(interpellationId) is round 1 or 2, not \(round)")
            }
            try step(event, from: round == 1 ? .formDecided : .unsatisfied, to: .answered)
            self.round = round
            return timers.cancel(.interpellationAnswer)
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: interpellationId, by: actor)
        case .timerExpired(let kind):
            return try timers.expire(kind, subject: interpellationId, by: actor)
        case .cosign(let signers):
            try requireCongress(actor, event)
            try step(event, from: .drafted, to: .drafted)
            try requireNew(signers)
            proposers += signers
        case .submit:
            try requireCongress(actor, event)
            try step(event, from: .drafted, to: .submitted)
            let minimum = rules.escalation.interpellationMinimumProposers
            guard proposers.allSatisfy({ $0.personId != nil }) else {
                throw ProtocolViolation(.invalidArgument, "every proposer of \(interpellationId) must be named by personId")
            }
            guard proposers.count >= minimum else {
                throw ProtocolViolation(
                    .notEnoughSigners,
                    "interpellation \(interpellationId) has \(proposers.count) proposers; it needs \(minimum) or more members to be submitted")
            }
        case .decide(let form, let due):
            try requireCongress(actor, event)
            try step(event, from: .submitted, to: .formDecided)
            guard due > date else {
                throw ProtocolViolation(.invalidArgument, "the answer to \(interpellationId) must be due after \(date), not on \(due)")
            }
            self.form = form
            return [
                .notify(.agency(addressee), "质询案 \(interpellationId): \(form.rawValue) answer due \(due)"),
                timers.start(
                    .interpellationAnswer, due: due, from: date, obligated: .agency(addressee), supervisor: .congress,
                    rules: rules),
            ]
        case .assess(let ids):
            try requireCongress(actor, event)
            return try assess(ids, event, at: date, rules: rules)
        case .withdraw(let reason):
            try requireCongress(actor, event)
            let wasDecided = state == .formDecided
            guard [.drafted, .submitted, .formDecided].contains(state) else { throw outOfOrder(event) }
            guard !reason.isBlank else {
                throw ProtocolViolation(.explanationRequired, "withdrawing interpellation \(interpellationId) needs a reason")
            }
            state = .withdrawn
            withdrawalReason = reason
            let told: [ProtocolEffect] = wasDecided ? [.notify(.agency(addressee), "质询案 \(interpellationId) withdrawn: \(reason)")] : []
            return timers.cancelAll() + told
        }
        return []
    }

    /// More than half of the proposers unsatisfied: a re-answer after round 1, the end after round 2.
    private mutating func assess(
        _ ids: [String], _ event: Event, at date: CalendarDate, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        guard state == .answered else { throw outOfOrder(event) }
        guard Set(ids).count == ids.count else {
            throw ProtocolViolation(.invalidArgument, "the verdict on \(interpellationId) names someone twice")
        }
        let signed = Set(proposers.compactMap(\.personId))
        if let stranger = ids.first(where: { !signed.contains($0) }) {
            throw ProtocolViolation(.notAProposer, "\(stranger) did not sign interpellation \(interpellationId) and has no say in its verdict")
        }
        unsatisfiedProposers = ids
        guard ids.count * 2 > proposers.count else {
            state = .accepted
            return [.notify(.agency(addressee), "质询案 \(interpellationId): the answer (round \(round)) is accepted")]
        }
        guard round == 1 else {
            state = .closedUnsatisfied
            return [.notify(.agency(addressee), "质询案 \(interpellationId): the second answer is not accepted either")]
        }
        state = .unsatisfied
        let due = rules.calendar.adding(days: rules.escalation.reanswerDays, to: date)
        return [
            .notify(.agency(addressee), "质询案 \(interpellationId): \(ids.count) of \(proposers.count) proposers unsatisfied; answer again by \(due)"),
            timers.start(
                .interpellationAnswer, due: due, from: date, obligated: .agency(addressee), supervisor: .congress, rules: rules),
        ]
    }

    /// Co-signers: at least one, each named by personId, none already a proposer or named twice.
    private func requireNew(_ signers: [Person]) throws(ProtocolViolation) {
        guard !signers.isEmpty, signers.allSatisfy({ $0.personId != nil }) else {
            throw ProtocolViolation(.invalidArgument, "co-signers of \(interpellationId) must be named, each by personId")
        }
        var signed = Set(proposers.compactMap(\.personId))
        for signer in signers {
            guard let id = signer.personId, signed.insert(id).inserted else {
                throw ProtocolViolation(.alreadyDone, "\(signer.name) already signed interpellation \(interpellationId)")
            }
        }
    }

    private func requireCongress(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.congress], for: event.name, subject: interpellationId)
    }

    private func requireAddressee(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.agency, .procuratorate], for: event.name, subject: interpellationId)
        guard actor.agency == addressee else {
            throw ProtocolViolation(
                .replyFromWrongAgency, "\(event.name) of \(interpellationId) from \(actor), but it is addressed to \(addressee)")
        }
    }

    private mutating func step(_ event: Event, from: State, to: State) throws(ProtocolViolation) {
        guard state == from else { throw outOfOrder(event) }
        state = to
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: interpellationId)
    }
}
