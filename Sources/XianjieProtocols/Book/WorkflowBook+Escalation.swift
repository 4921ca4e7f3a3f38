import Foundation
import XianjieMessages

/// The documents of congress escalation and evaluation (DOMAIN.md §4 I) against their machines:
/// special inquiry with its problems, interpellation, specific-question investigation, satisfaction ballot.
/// `docs/workflows.md` §9 prints the same table.
extension WorkflowBook {
    static let escalationDocuments: [MessageType: Mapping] = [
        SpecialInquiryTopic.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(SpecialInquiryTopic.self, data)
            try requireCongress(sender, SpecialInquiryTopic.messageType, p.inquiryId)
            let opened = SharedProcess.specialInquiry(SpecialInquiryProcess(inquiryId: p.inquiryId, units: p.units))
            return [
                WorkflowStep(p.inquiryId, opens: opened, by: sender) { process, context throws(ProtocolViolation) in
                    if context.process(p.inquiryId) != nil {
                        throw ProtocolViolation(.alreadyDone, "special inquiry \(p.inquiryId) already has its topic")
                    }
                    if let previous = p.previousInquiryId {
                        guard case .specialInquiry(let earlier)? = context.process(previous) else {
                            throw ProtocolViolation(.unknownSubject, "no special inquiry \(previous) on this bus to follow up")
                        }
                        guard earlier.state == .reinquired, earlier.followUpId == p.inquiryId else {
                            throw ProtocolViolation(
                                .outOfOrder,
                                "special inquiry \(previous) did not decide on a second inquiry \(p.inquiryId) at its look-back (state \(earlier.state.rawValue))")
                        }
                    }
                    return []
                }
            ]
        },
        InquiryProgress.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InquiryProgress.self, data)
            let event: SpecialInquiryProcess.Event =
                switch p.stage {
                case .research: .research
                case .session: .holdSession
                case .bulletin: .publishBulletin
                case .tracking: .track
                }
            return [WorkflowStep(p.inquiryId, by: sender, [.specialInquiry(event)])]
        },
        InquiryAssignment.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InquiryAssignment.self, data)
            let problems = p.problems.map {
                InquiryProblem(problemId: $0.problemId, category: $0.category, title: $0.title, unit: $0.unit)
            }
            var step = WorkflowStep(
                p.inquiryId, by: sender, addressedTo: Array(Set(problems.map(\.unit))).sorted(),
                [.specialInquiry(.assign(problems: problems))])
            // 交办: each problem becomes its own process, claimed and reported by its unit.
            step.followUp = { _ in
                problems.map { problem in
                    WorkflowStep(
                        problem.problemId,
                        opens: .inquiryProblem(InquiryProblemProcess(problem: problem, inquiryId: p.inquiryId)), by: sender
                    ) { _, context throws(ProtocolViolation) in
                        if context.process(problem.problemId) != nil {
                            throw ProtocolViolation(.alreadyDone, "problem id \(problem.problemId) is already in use")
                        }
                        return []
                    }
                }
            }
            return [step]
        },
        InquiryClaim.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InquiryClaim.self, data)
            return [WorkflowStep(p.inquiryId, by: sender, [.specialInquiry(.claim(problemIds: p.problemIds))])]
                + p.problemIds.map { WorkflowStep($0, by: sender, [.inquiryProblem(.claim)]) }
        },
        InquiryOpinions.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InquiryOpinions.self, data)
            var step = WorkflowStep(p.inquiryId, by: sender) { process, context throws(ProtocolViolation) in
                // The units' reports fall due with the opinions: each unit must receive them.
                if case .specialInquiry(let inquiry) = process {
                    try requireRecipients(Set(inquiry.problems.values), context, InquiryOpinions.messageType, p.inquiryId)
                }
                return [.specialInquiry(.sendOpinions(reportDue: context.rules.day(of: p.reportDue)))]
            }
            // 审议意见: every problem's handling report is now due from its unit.
            step.followUp = { process throws(ProtocolViolation) in
                guard case .specialInquiry(let inquiry) = process, let due = inquiry.reportDue else { return [] }
                return inquiry.problems.keys.sorted().map {
                    WorkflowStep($0, by: sender, [.inquiryProblem(.startTracking(due: due))])
                }
            }
            return [step]
        },
        InquiryHandlingReport.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InquiryHandlingReport.self, data)
            var steps = [
                WorkflowStep(p.inquiryId, by: sender, [.specialInquiry(.report(problemIds: p.problems.map(\.problemId)))])
            ]
            for report in p.problems {
                guard let status = ProblemStatus(rawValue: report.status.rawValue) else {
                    throw ProtocolViolation(.invalidArgument, "unknown status \(report.status.rawValue)")
                }
                steps.append(WorkflowStep(report.problemId, by: sender, [.inquiryProblem(.report(status: status))]))
            }
            return steps
        },
        InquiryLookBack.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InquiryLookBack.self, data)
            guard let outcome = LookBackOutcome(rawValue: p.outcome.rawValue) else {
                throw ProtocolViolation(.invalidArgument, "unknown outcome \(p.outcome.rawValue)")
            }
            return [
                WorkflowStep(
                    p.inquiryId, by: sender,
                    [.specialInquiry(.lookBack(outcome: outcome, unresolved: p.unresolvedProblemIds, followUpId: p.followUpId))])
            ]
        },

        Interpellation.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(Interpellation.self, data)
            try requireCongress(sender, Interpellation.messageType, p.interpellationId)
            switch p.action {
            case .draft:
                let opened = SharedProcess.interpellation(
                    InterpellationProcess(interpellationId: p.interpellationId, addressee: p.addressee, proposers: p.signers))
                return [
                    WorkflowStep(p.interpellationId, opens: opened, by: sender) { _, context throws(ProtocolViolation) in
                        if context.process(p.interpellationId) != nil {
                            throw ProtocolViolation(.alreadyDone, "interpellation \(p.interpellationId) is already drafted")
                        }
                        let ids = p.signers.compactMap(\.personId)
                        guard !ids.isEmpty, ids.count == p.signers.count, Set(ids).count == ids.count else {
                            throw ProtocolViolation(
                                .invalidArgument, "an interpellation is drafted by its proposers, each named once by personId")
                        }
                        return []
                    }
                ]
            case .cosign:
                return [WorkflowStep(p.interpellationId, by: sender, [.interpellation(.cosign(p.signers))])]
            case .submit:
                return [
                    WorkflowStep(p.interpellationId, by: sender) { process, context throws(ProtocolViolation) in
                        if case .interpellation(let i) = process {
                            guard i.addressee == p.addressee else {
                                throw ProtocolViolation(
                                    .invalidArgument, "interpellation \(p.interpellationId) was drafted to \(i.addressee), not \(p.addressee)")
                            }
                            try requireRecipients([i.addressee], context, Interpellation.messageType, p.interpellationId)
                        }
                        return [.interpellation(.submit)]
                    }
                ]
            case .withdraw:
                return [WorkflowStep(p.interpellationId, by: sender, [.interpellation(.withdraw(reason: p.reason ?? ""))])]
            }
        },
        InterpellationDecision.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InterpellationDecision.self, data)
            guard let form = InterpellationForm(rawValue: p.form.rawValue) else {
                throw ProtocolViolation(.invalidArgument, "unknown form \(p.form.rawValue)")
            }
            return [
                WorkflowStep(p.interpellationId, by: sender) { process, context throws(ProtocolViolation) in
                    if case .interpellation(let i) = process {
                        try requireRecipients([i.addressee], context, InterpellationDecision.messageType, p.interpellationId)
                    }
                    return [.interpellation(.decide(form: form, answerDue: context.rules.day(of: p.answerDue)))]
                }
            ]
        },
        InterpellationAnswer.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InterpellationAnswer.self, data)
            return [
                WorkflowStep(p.interpellationId, by: sender, whenMissing: .replyNeverIssued, [.interpellation(.answer(round: p.round))])
            ]
        },
        InterpellationAssessment.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InterpellationAssessment.self, data)
            return [
                WorkflowStep(p.interpellationId, by: sender) { process throws(ProtocolViolation) in
                    if case .interpellation(let i) = process, i.round != p.round {
                        throw ProtocolViolation(
                            .invalidArgument, "interpellation \(p.interpellationId) is at answer round \(i.round), not \(p.round)")
                    }
                    return [.interpellation(.assess(unsatisfied: p.unsatisfied))]
                }
            ]
        },

        SpecificInvestigation.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(SpecificInvestigation.self, data)
            let id = p.investigationId
            switch p.stage {
            case .proposed:
                guard let by = p.proposedBy.flatMap({ InvestigationProposer(rawValue: $0.rawValue) }) else {
                    throw ProtocolViolation(
                        .invalidArgument, "a proposed investigation names who proposed it (proposedBy: council or members)")
                }
                let opened = SharedProcess.investigation(InvestigationProcess(investigationId: id))
                return [
                    WorkflowStep(
                        id, opens: opened, by: sender,
                        [.investigation(.propose(question: p.question, proposedBy: by, proposers: p.proposers ?? []))])
                ]
            case .decided: return [WorkflowStep(id, by: sender, [.investigation(.decide)])]
            case .committeeFormed: return [WorkflowStep(id, by: sender, [.investigation(.formCommittee(p.committee ?? []))])]
            case .report: return [WorkflowStep(id, by: sender, [.investigation(.report)])]
            case .resolution: return [WorkflowStep(id, by: sender, [.investigation(.resolve)])]
            }
        },

        EvaluationSchedule.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(EvaluationSchedule.self, data)
            try requireCongress(sender, EvaluationSchedule.messageType, p.ballotId)
            let opened = SharedProcess.evaluation(
                EvaluationProcess(ballotId: p.ballotId, units: p.units, membersTotal: p.membersTotal, subjectId: p.subjectId))
            return [
                WorkflowStep(p.ballotId, opens: opened, by: sender) { _, context throws(ProtocolViolation) in
                    try requireRecipients(Set(p.units), context, EvaluationSchedule.messageType, p.ballotId)
                    if context.process(p.ballotId) != nil {
                        throw ProtocolViolation(.alreadyDone, "ballot \(p.ballotId) is already scheduled")
                    }
                    if let subject = p.subjectId, context.process(subject) == nil {
                        throw ProtocolViolation(.unknownSubject, "ballot \(p.ballotId) evaluates \(subject), which is not on this bus")
                    }
                    return []
                }
            ]
        },
        BallotResult.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(BallotResult.self, data)
            let tallies = p.tallies.map {
                EvaluationTally(
                    unit: $0.unit, satisfied: $0.satisfied, basicallySatisfied: $0.basicallySatisfied, unsatisfied: $0.unsatisfied)
            }
            return [
                WorkflowStep(
                    p.ballotId, by: sender,
                    [.evaluation(.announce(membersPresent: p.membersPresent, observers: p.observers, tallies: tallies))])
            ]
        },
    ]

    /// A document that gives agencies a deadline (or evaluates them) must reach them.
    private static func requireRecipients(
        _ agencies: Set<AgencyID>, _ context: WorkflowContext, _ type: MessageType, _ subject: String
    ) throws(ProtocolViolation) {
        guard let recipients = context.recipients else { return }
        if let missing = agencies.subtracting(recipients).sorted().first {
            throw ProtocolViolation(
                .invalidArgument, "\(type) about \(subject) concerns \(missing) but is not addressed to it; add it to the recipients")
        }
    }

    /// Opening an inquiry, an interpellation or a ballot is the standing committee's act.
    private static func requireCongress(_ sender: ProtocolActor, _ type: MessageType, _ subject: String) throws(ProtocolViolation) {
        guard sender.role == .congress else {
            throw .wrongParty(sender, "\(type)", expected: "the congress (standing committee)", subject: subject)
        }
    }
}
