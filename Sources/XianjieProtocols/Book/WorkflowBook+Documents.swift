import Foundation
import XianjieMessages

/// Which process a document moves, and how: the table of DOMAIN.md §2 documents against §4's events.
/// `docs/workflows.md` prints the same table for integrators.
struct WorkflowStep {
    var subjectId: String
    /// Opened when the subject is not open yet; nil: the subject must exist.
    var opens: SharedProcess?
    var actor: ProtocolActor
    /// The rule broken when the subject does not exist and this step does not open it.
    var whenMissing: ProtocolViolation.Rule = .unknownSubject
    /// The events to apply, given the process as it stands.
    var events: (SharedProcess) throws(ProtocolViolation) -> [ProcessEvent]
    /// Agencies the document gives an obligation to: they must be among its recipients.
    var addressedTo: [AgencyID] = []
    /// For a suggestion this step opens: its lead deputy.
    var leadDeputy: String?
    /// Used instead of `events` when the step must consult other processes or the recipients.
    var contextual: ((SharedProcess, WorkflowContext) throws(ProtocolViolation) -> [ProcessEvent])?
    /// Further steps that depend on this one's process once moved (e.g. every problem of an inquiry).
    var followUp: ((SharedProcess) throws(ProtocolViolation) -> [WorkflowStep])?

    init(
        _ subjectId: String, opens: SharedProcess? = nil, by actor: ProtocolActor,
        whenMissing: ProtocolViolation.Rule = .unknownSubject, addressedTo: [AgencyID] = [],
        events: @escaping (SharedProcess) throws(ProtocolViolation) -> [ProcessEvent]
    ) {
        self.subjectId = subjectId
        self.opens = opens
        self.actor = actor
        self.whenMissing = whenMissing
        self.addressedTo = addressedTo
        self.events = events
    }

    init(
        _ subjectId: String, opens: SharedProcess? = nil, by actor: ProtocolActor,
        whenMissing: ProtocolViolation.Rule = .unknownSubject,
        contextual: @escaping (SharedProcess, WorkflowContext) throws(ProtocolViolation) -> [ProcessEvent]
    ) {
        self.init(subjectId, opens: opens, by: actor, whenMissing: whenMissing) { _ in [] }
        self.contextual = contextual
    }

    init(
        _ subjectId: String, opens: SharedProcess? = nil, by actor: ProtocolActor,
        whenMissing: ProtocolViolation.Rule = .unknownSubject, addressedTo: [AgencyID] = [], _ events: [ProcessEvent]
    ) {
        self.init(subjectId, opens: opens, by: actor, whenMissing: whenMissing, addressedTo: addressedTo) { _ in events }
    }
}

extension WorkflowBook {
    /// The steps a document takes, or nil when its type is not part of any shared process.
    static func steps(for type: MessageType, data: Data, actor sender: ProtocolActor?) throws(ProtocolViolation)
        -> [WorkflowStep]?
    {
        guard let decode = documents[type] ?? escalationDocuments[type] else { return nil }
        guard let sender else {
            throw ProtocolViolation(
                .wrongParty, "\(type) comes from a sender whose kind takes no part in the joint protocols")
        }
        return try decode(data, sender)
    }

    typealias Mapping = @Sendable (Data, ProtocolActor) throws(ProtocolViolation) -> [WorkflowStep]

    static func read<P: MessagePayload>(_ type: P.Type, _ data: Data) throws(ProtocolViolation) -> P {
        do {
            return try XianjieJSON.decode(P.self, from: data)
        } catch {
            throw ProtocolViolation(.invalidArgument, "\(P.messageType) cannot be read: \(describe(error))")
        }
    }

    /// A deputy acting through the congress or station node that relays their paper.
    private static func deputy(_ person: Person?, via sender: ProtocolActor, for type: MessageType) throws(ProtocolViolation)
        -> ProtocolActor
    {
        guard sender.role == .congress || sender.role == .station else {
            throw .wrongParty(sender, "\(type)", expected: "the congress or a liaison station, for a deputy", subject: "")
        }
        guard let id = person?.personId, !id.isBlank else {
            throw ProtocolViolation(.leadDeputyRequired, "\(type) must name the deputy (deputy.personId)")
        }
        return ProtocolActor(role: .deputy, agency: sender.agency, person: id)
    }

    private static let documents: [MessageType: Mapping] = [
        // A. Deputy suggestion
        DeputySuggestion.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(DeputySuggestion.self, data)
            let opened = SharedProcess.deputySuggestion(
                DeputySuggestionProcess(subjectId: p.suggestionId, originCaseId: p.originCaseId))
            var step = WorkflowStep(p.suggestionId, opens: opened, by: sender) { process in
                    // The congress's copy registers it; any later copy is a share and moves nothing.
                    guard sender.role == .congress, process.stateName == DeputySuggestionProcess.State.submitted.rawValue
                    else { return [] }
                    return [.deputySuggestion(.register(session: p.session, domain: p.domain, impact: p.impact))]
                }
            step.leadDeputy = p.leadDeputy.personId
            return [step]
        },
        SuggestionAssignment.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(SuggestionAssignment.self, data)
            return [
                WorkflowStep(
                    p.suggestionId, by: sender, addressedTo: [p.hostUnit] + p.coUnits,
                    [.deputySuggestion(.assign(host: p.hostUnit, coUnits: p.coUnits))])
            ]
        },
        SuggestionHandling.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(SuggestionHandling.self, data)
            let event: DeputySuggestionProcess.Event =
                switch p.action {
                case .accepted: .startHandling
                case .extensionRequested: .requestExtension(explanation: p.explanation ?? "")
                }
            return [WorkflowStep(p.suggestionId, by: sender, whenMissing: .replyNeverIssued, [.deputySuggestion(event)])]
        },
        ReplyLetter.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ReplyLetter.self, data)
            return [WorkflowStep(p.suggestionId, by: sender, whenMissing: .replyNeverIssued, [.deputySuggestion(.reply)])]
        },
        FeedbackRequest.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(FeedbackRequest.self, data)
            return [WorkflowStep(p.suggestionId, by: sender, [.deputySuggestion(.requestFeedback)])]
        },
        DeputyFeedback.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(DeputyFeedback.self, data)
            let deputy = try deputy(p.deputy, via: sender, for: DeputyFeedback.messageType)
            guard let rating = DeputySuggestionProcess.Rating(rawValue: p.rating.rawValue) else {
                throw ProtocolViolation(.invalidArgument, "unknown rating \(p.rating.rawValue)")
            }
            return [WorkflowStep(p.suggestionId, by: deputy, whenMissing: .ratingBeforeReply, [.deputySuggestion(.rate(rating))])]
        },
        SuggestionTransfer.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(SuggestionTransfer.self, data)
            return [WorkflowStep(p.suggestionId, by: sender, [.deputySuggestion(.transferToProcuratorate)])]
        },
        TransferAssessment.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(TransferAssessment.self, data)
            return [
                WorkflowStep(
                    p.suggestionId, by: sender,
                    [.deputySuggestion(.transferAssessed(p.outcome, caseId: p.caseId, reason: p.reason))])
            ]
        },

        // B. Public-interest case
        CaseFilingDecision.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(CaseFilingDecision.self, data)
            let opened = SharedProcess.publicInterestCase(
                PublicInterestCaseProcess(caseId: p.caseId, originSuggestionId: p.originSuggestionId))
            let decision: PublicInterestCaseProcess.Event =
                switch p.decision {
                case .filed: .file
                case .declined: .decline(reason: p.reason ?? "")
                }
            return [
                WorkflowStep(
                    p.caseId, opens: opened, by: sender,
                    [.publicInterestCase(.register), .publicInterestCase(.assess), .publicInterestCase(decision)])
            ]
        },
        CaseProgress.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(CaseProgress.self, data)
            let event: PublicInterestCaseProcess.Event
            switch p.step {
            case .investigationStarted: event = .startInvestigation(hearing: p.hearing ?? false)
            case .filedWithSuperior: event = .fileWithSuperior
            case .reviewStarted: event = .beginReview
            case .reviewDecided:
                guard let outcome = p.reviewOutcome.flatMap({ PublicInterestCaseProcess.ReviewOutcome(rawValue: $0.rawValue) })
                else { throw ProtocolViolation(.invalidArgument, "reviewDecided for \(p.caseId) needs reviewOutcome") }
                event = .reviewDecided(outcome)
            case .followUpStarted: event = .beginFollowUp
            case .followUpConcluded:
                guard let performed = p.performed else {
                    throw ProtocolViolation(.invalidArgument, "followUpConcluded for \(p.caseId) needs performed")
                }
                event = .followUpConcluded(performed: performed)
            case .closed: event = .close
            case .litigationReviewStarted: event = .beginLitigationReview
            case .judgment: event = .judgment(summary: p.summary ?? "")
            case .withdrawnOnCompliance: event = .withdrawOnCompliance
            }
            return [WorkflowStep(p.caseId, by: sender, [.publicInterestCase(event)])]
        },
        ProcuratorialSuggestion.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ProcuratorialSuggestion.self, data)
            let issue = PublicInterestCaseProcess.Event.issueSuggestion(
                documentNumber: p.documentNumber, addressee: p.addressee, urgent: p.urgent,
                approvedByChief: !p.approvedBy.name.isBlank)
            // Delivered by the bus itself: 送达 is the day the coordinator accepts it.
            return [
                WorkflowStep(
                    p.caseId, by: sender, addressedTo: [p.addressee], [.publicInterestCase(issue), .publicInterestCase(.deliver)])
            ]
        },
        SuggestionCopy.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(SuggestionCopy.self, data)
            var steps = [
                WorkflowStep(p.caseId, by: sender) { process throws(ProtocolViolation) in
                    try requireDocument(p.documentNumber, in: process)
                    return [.publicInterestCase(.copyToCongress)]
                }
            ]
            if let eligibility = p.criteria {
                let opened = SharedProcess.reverseConversion(
                    ReverseConversionProcess(caseId: p.caseId, documentNumber: p.documentNumber))
                steps.append(
                    WorkflowStep(
                        p.documentNumber, opens: opened, by: sender,
                        [.reverseConversion(.markCopyEligible(eligibility)), .reverseConversion(.copyToCongress)]))
            }
            return steps
        },
        Objection.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(Objection.self, data)
            return [
                WorkflowStep(p.caseId, by: sender, whenMissing: .replyNeverIssued) { process throws(ProtocolViolation) in
                    try requireDocument(p.documentNumber, in: process)
                    return [.publicInterestCase(.objection(reason: p.grounds))]
                }
            ]
        },
        RectificationReply.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(RectificationReply.self, data)
            return [
                WorkflowStep(p.caseId, by: sender, whenMissing: .replyNeverIssued) { process throws(ProtocolViolation) in
                    try requireDocument(p.documentNumber, in: process)
                    return [.publicInterestCase(.reply(p.status))]
                }
            ]
        },
        TerminationDecision.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(TerminationDecision.self, data)
            return [WorkflowStep(p.caseId, by: sender, [.publicInterestCase(.terminate(reason: p.reason))])]
        },
        LitigationComplaint.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(LitigationComplaint.self, data)
            let approved = p.approvedBy.map { !$0.name.isBlank } ?? false
            return [WorkflowStep(p.caseId, by: sender, [.publicInterestCase(.sue(approvedByChief: approved))])]
        },

        // C. Reverse conversion
        ConversionDecision.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ConversionDecision.self, data)
            var actor = sender
            let event: ReverseConversionProcess.Event
            switch p.step {
            case .screeningStarted: event = .beginScreening
            case .notConverted: event = .decideNotToConvert(reason: p.reason ?? "")
            case .proposed: event = .proposeConversion(recommendation: p.recommendation ?? "")
            case .adopted:
                actor = try deputy(p.deputy, via: sender, for: ConversionDecision.messageType)
                event = .adopt
            case .submitted:
                actor = try deputy(p.deputy, via: sender, for: ConversionDecision.messageType)
                event = .submit(suggestionId: p.suggestionId ?? "")
            }
            return [WorkflowStep(p.documentNumber, by: actor, [.reverseConversion(event)])]
        },

        // G. Three lists and look-back
        IssueList.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(IssueList.self, data)
            let ids = p.items.map(\.itemId)
            guard Set(ids).count == ids.count else {
                throw ProtocolViolation(.invalidArgument, "list \(p.listId) names an item twice")
            }
            return p.items.map { item in
                WorkflowStep(
                    item.itemId, opens: .threeListsItem(ThreeListsProcess(itemId: item.itemId, problem: item.problem)),
                    by: sender
                ) { process throws(ProtocolViolation) in
                    // Only the list that opens an item may name it; a second list naming it is a mistake.
                    guard case .threeListsItem(let existing) = process, existing.state == .identified,
                        existing.problem == item.problem
                    else {
                        throw ProtocolViolation(.alreadyDone, "item \(item.itemId) is already on a list (\(process.stateName))")
                    }
                    guard [.congress, .procuratorate, .coordinator].contains(sender.role) else {
                        throw .wrongParty(sender, "issueList", expected: "congress, procuratorate or coordinator", subject: item.itemId)
                    }
                    return []
                }
            }
        },
        ResponsibilityList.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ResponsibilityList.self, data)
            return p.assignments.map { a in
                WorkflowStep(
                    a.itemId, by: sender, addressedTo: [a.unit],
                    [.threeListsItem(.assign(unit: a.unit, leadPerson: a.leadPerson, deadline: a.deadline))])
            }
        },
        RectificationList.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(RectificationList.self, data)
            return p.plans.map { WorkflowStep($0.itemId, by: sender, whenMissing: .notAssignedToUnit, [.threeListsItem(.submitPlan)]) }
        },
        RectificationProgress.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(RectificationProgress.self, data)
            let event: ThreeListsProcess.Event = p.step == .started ? .startWork : .reportDone
            return [WorkflowStep(p.itemId, by: sender, whenMissing: .notAssignedToUnit, [.threeListsItem(event)])]
        },
        Verification.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(Verification.self, data)
            let events: [ProcessEvent] =
                p.passed ? [.threeListsItem(.verify(passed: true)), .threeListsItem(.close)] : [.threeListsItem(.verify(passed: false))]
            return [WorkflowStep(p.itemId, by: sender, events)]
        },
        LookBack.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(LookBack.self, data)
            return [
                WorkflowStep(p.subjectId, by: sender) { process throws(ProtocolViolation) in
                    switch process {
                    case .deputySuggestion:
                        return [.deputySuggestion(.lookBack(findings: p.findings ?? ""))]
                    case .publicInterestCase:
                        return [.publicInterestCase(.lookBack(confirmed: p.confirmed ?? true))]
                    case .threeListsItem:
                        if let day = p.scheduledFor { return [.threeListsItem(.scheduleLookBack(on: day))] }
                        return [.threeListsItem(.lookBackResult(confirmed: p.confirmed ?? true, newItemId: p.newItemId))]
                    case .reverseConversion, .jointMeeting, .meetingAssignment, .agreement, .clueTransfer, .assistance, .hearing,
                        .specialInquiry, .inquiryProblem, .interpellation, .investigation, .evaluation:
                        throw ProtocolViolation(
                            .wrongProcess, "\(process.kind.title) \(p.subjectId) has no look-back; look back on the case or item")
                    }
                }
            ]
        },

        // D. Joint meetings
        MeetingNotice.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(MeetingNotice.self, data)
            let opened = SharedProcess.jointMeeting(
                JointMeetingProcess(meetingId: p.meetingId, kind: p.kind, title: p.title, scheduledFor: p.scheduledFor))
            return [
                WorkflowStep(
                    p.meetingId, opens: opened, by: sender, addressedTo: p.members,
                    [.jointMeeting(.announce(convener: p.convener, members: p.members))])
            ]
        },
        AgendaMotion.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(AgendaMotion.self, data)
            let motion = JointMeetingProcess.Motion(
                motionId: p.motionId, title: p.title, subjectId: p.subjectId, proposer: sender.agency)
            return [WorkflowStep(p.meetingId, by: sender, [.jointMeeting(.motion(motion))])]
        },
        MeetingAgenda.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(MeetingAgenda.self, data)
            return [WorkflowStep(p.meetingId, by: sender, [.jointMeeting(.freeze(p.items))])]
        },
        MeetingAttendance.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(MeetingAttendance.self, data)
            return [WorkflowStep(p.meetingId, by: sender, [.jointMeeting(.convene(p.attendees))])]
        },
        JointMeetingMinutes.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(JointMeetingMinutes.self, data)
            return [
                WorkflowStep(p.meetingId, by: sender) { _, context throws(ProtocolViolation) in
                    // Each decision becomes a subject of its own: its id must be new on the bus.
                    if let used = p.decisions.first(where: { context.process($0.decisionId) != nil }) {
                        throw ProtocolViolation(
                            .alreadyDone, "decision id \(used.decisionId) is already a subject on this bus; number it anew")
                    }
                    return [.jointMeeting(.draftMinutes(summary: p.summary, decisions: p.decisions))]
                }
            ]
        },
        MinutesCosign.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(MinutesCosign.self, data)
            return [
                WorkflowStep(p.meetingId, by: sender) { process in
                    // The second side's signature publishes the decisions in the same step.
                    guard case .jointMeeting(let meeting) = process, meeting.completes(with: p.side) else {
                        return [.jointMeeting(.cosign(p.side))]
                    }
                    return [.jointMeeting(.cosign(p.side)), .jointMeeting(.publish)]
                }
            ]
        },
        AssignmentProgress.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(AssignmentProgress.self, data)
            let event: MeetingAssignmentProcess.Event = p.step == .started ? .start : .finish
            return [WorkflowStep(p.decisionId, by: sender, whenMissing: .notAssignedToUnit, [.meetingAssignment(event)])]
        },

        // E. Cross-region cooperation
        CooperationAgreement.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(CooperationAgreement.self, data)
            guard Set(p.parties).count == p.parties.count, p.parties.count >= 2 else {
                throw ProtocolViolation(.invalidArgument, "agreement \(p.agreementId) needs two or more distinct parties")
            }
            guard let agency = sender.agency, p.parties.contains(agency) else {
                throw ProtocolViolation(.notAParty, "\(sender) drafts agreement \(p.agreementId) but is not one of its parties")
            }
            // Every agreement document goes to every other party, so each party's coordinator (another
            // region's, over a federation link) keeps the same copy of the agreement.
            let others = p.parties.filter { $0 != agency }
            if p.version == 1 {
                return [
                    WorkflowStep(p.agreementId, opens: .agreement(AgreementProcess(terms: p)), by: sender, addressedTo: others) { process throws(ProtocolViolation) in
                        guard case .agreement(let existing) = process, existing.terms == p, existing.state == .draft else {
                            throw ProtocolViolation(.alreadyDone, "agreement \(p.agreementId) was drafted already; amend it with version 2")
                        }
                        return []
                    }
                ]
            }
            return [WorkflowStep(p.agreementId, by: sender, addressedTo: others, [.agreement(.amend(p))])]
        },
        AgreementSignature.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(AgreementSignature.self, data)
            return [
                WorkflowStep(p.agreementId, by: sender) { process, context throws(ProtocolViolation) in
                    try toEveryOtherParty(process, sender: sender, context: context, type: AgreementSignature.messageType)
                    return [.agreement(.sign(version: p.version))]
                }
            ]
        },
        AgreementStatusChange.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(AgreementStatusChange.self, data)
            let event: AgreementProcess.Event =
                switch p.action {
                case .suspend: .suspend(reason: p.reason)
                case .resume: .resume(reason: p.reason)
                case .terminate: .terminate(reason: p.reason)
                }
            return [
                WorkflowStep(p.agreementId, by: sender) { process, context throws(ProtocolViolation) in
                    try toEveryOtherParty(process, sender: sender, context: context, type: AgreementStatusChange.messageType)
                    return [.agreement(event)]
                }
            ]
        },
        ClueTransfer.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ClueTransfer.self, data)
            let opened = SharedProcess.clueTransfer(ClueTransferProcess(transferId: p.transferId, agreementId: p.agreementId))
            return [
                WorkflowStep(p.transferId, opens: opened, by: sender) { _, context throws(ProtocolViolation) in
                    let (agreement, receiver) = try underAgreement(
                        p.agreementId, module: .clueTransfer, domain: p.domain, segment: p.segment, sender: sender,
                        context: context)
                    return [
                        .clueTransfer(
                            .send(
                                from: sender.agency ?? "?", to: receiver,
                                acknowledgeWithinDays: agreement.terms.acknowledgeWithinDays,
                                feedbackWithinDays: agreement.terms.feedbackWithinDays))
                    ]
                }
            ]
        },
        ClueTransferAck.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ClueTransferAck.self, data)
            return [WorkflowStep(p.transferId, by: sender, [.clueTransfer(.acknowledge(registeredAs: p.registeredAs))])]
        },
        ClueTransferFeedback.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(ClueTransferFeedback.self, data)
            return [WorkflowStep(p.transferId, by: sender, whenMissing: .replyNeverIssued, [.clueTransfer(.feedback(p.outcome))])]
        },
        JurisdictionDispute.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(JurisdictionDispute.self, data)
            return [
                WorkflowStep(
                    p.transferId, by: sender,
                    [.clueTransfer(.dispute(p.action, reason: p.reason, commonSuperior: p.commonSuperior))])
            ]
        },
        AssistanceRequest.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(AssistanceRequest.self, data)
            let opened = SharedProcess.assistance(AssistanceProcess(requestId: p.requestId, agreementId: p.agreementId))
            return [
                WorkflowStep(p.requestId, opens: opened, by: sender) { _, context throws(ProtocolViolation) in
                    let (_, receiver) = try underAgreement(
                        p.agreementId, module: .entrustedEvidence, domain: nil, segment: nil, sender: sender, context: context)
                    return [.assistance(.request(from: sender.agency ?? "?", to: receiver, dueBy: p.dueBy))]
                }
            ]
        },
        AssistanceResult.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(AssistanceResult.self, data)
            return [WorkflowStep(p.requestId, by: sender, whenMissing: .replyNeverIssued, [.assistance(.answer)])]
        },
        InformationShare.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(InformationShare.self, data)
            // Moves nothing: only checked against the agreement it is shared under.
            return [
                WorkflowStep(p.agreementId, by: sender) { _, context throws(ProtocolViolation) in
                    _ = try underAgreement(
                        p.agreementId, module: .informationSharing, domain: p.domain, segment: nil, sender: sender,
                        context: context, needsReceiver: false)
                    return []
                }
            ]
        },

        // H. Hearings
        HearingNotice.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(HearingNotice.self, data)
            let opened = SharedProcess.hearing(HearingProcess(hearingId: p.hearingId, caseId: p.caseId))
            return [
                WorkflowStep(p.hearingId, opens: opened, by: sender) { process, context throws(ProtocolViolation) in
                    guard case .publicInterestCase(let c) = context.process(p.caseId) else {
                        throw ProtocolViolation(.unknownSubject, "hearing \(p.hearingId) is for case \(p.caseId), which is not on this bus")
                    }
                    guard c.state == .investigating else {
                        throw ProtocolViolation(
                            .outOfOrder, "a hearing is held while case \(p.caseId) is investigated, not when it is \(c.state.rawValue)")
                    }
                    return [.hearing(.announce(startsOn: context.rules.day(of: p.startsAt), officers: p.hearingOfficers))]
                }
            ]
        },
        HearingRecord.messageType: { data, sender throws(ProtocolViolation) in
            let p = try read(HearingRecord.self, data)
            return [
                WorkflowStep(
                    p.hearingId, by: sender, [.hearing(.convene), .hearing(.recordOpinions(p.opinions)), .hearing(.close)])
            ]
        },
    ]

    /// The agreement a transfer, request or share runs under, checked: in force, the sender and every
    /// recipient parties, the module, domain and segment covered. Returns it and the receiving party.
    private static func underAgreement(
        _ agreementId: String, module: CooperationModule, domain: PublicInterestDomain?, segment: String?,
        sender: ProtocolActor, context: WorkflowContext, needsReceiver: Bool = true
    ) throws(ProtocolViolation) -> (AgreementProcess, AgencyID) {
        guard case .agreement(let agreement) = context.process(agreementId) else {
            throw ProtocolViolation(.unknownSubject, "no cooperation agreement \(agreementId) on this bus")
        }
        let recipients = context.recipients ?? []
        let involved = [sender.agency].compactMap { $0 } + recipients
        if let problem = agreement.coverage(module: module, domain: domain, segment: segment, parties: involved) {
            throw problem
        }
        let receivers = recipients.filter { $0 != sender.agency }
        guard !needsReceiver || receivers.count == 1, let receiver = receivers.first ?? (needsReceiver ? nil : sender.agency)
        else {
            throw ProtocolViolation(
                .invalidArgument, "address a transfer or request under \(agreementId) to exactly one other party")
        }
        return (agreement, receiver)
    }

    /// An agreement document must reach every other party (of the terms in force and of an amendment
    /// being signed): each party's coordinator keeps its own copy of the agreement.
    private static func toEveryOtherParty(
        _ process: SharedProcess, sender: ProtocolActor, context: WorkflowContext, type: MessageType
    ) throws(ProtocolViolation) {
        guard case .agreement(let agreement) = process, let recipients = context.recipients else { return }
        let parties = Set(agreement.terms.parties).union(agreement.pending?.parties ?? [])
        // A stranger's document is refused by the agreement itself (notAParty).
        guard let agency = sender.agency, parties.contains(agency) else { return }
        if let missing = parties.subtracting(recipients).subtracting([sender.agency].compactMap { $0 }).sorted().first {
            throw ProtocolViolation(
                .invalidArgument,
                "\(type) for agreement \(agreement.agreementId) must go to every other party; add \(missing) to the recipients")
        }
    }

    /// A document naming a procuratorial suggestion must name the one this case issued.
    private static func requireDocument(_ number: String, in process: SharedProcess) throws(ProtocolViolation) {
        guard case .publicInterestCase(let c) = process else { return }
        guard let issued = c.documentNumber else {
            throw ProtocolViolation(
                .replyNeverIssued, "case \(c.caseId) has issued no procuratorial suggestion (state \(c.state.rawValue))")
        }
        guard issued == number else {
            throw ProtocolViolation(
                .replyNeverIssued, "case \(c.caseId) issued suggestion \(issued), not \(number)")
        }
    }
}
