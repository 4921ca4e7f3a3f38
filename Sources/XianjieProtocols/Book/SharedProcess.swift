import XianjieMessages

/// The kinds of shared process the coordinator keeps (DOMAIN.md §4 A–I).
package enum ProcessKind: String, Codable, Sendable, Hashable, CaseIterable {
    case deputySuggestion, publicInterestCase, reverseConversion, threeListsItem, jointMeeting, meetingAssignment
    case agreement, clueTransfer, assistance, hearing
    case specialInquiry, inquiryProblem, interpellation, investigation, evaluation

    /// How `case show` names it.
    package var title: String {
        switch self {
        case .deputySuggestion: "deputy suggestion (代表建议)"
        case .publicInterestCase: "public-interest case (公益诉讼案件)"
        case .reverseConversion: "reverse conversion (检察建议转化)"
        case .threeListsItem: "three-lists item (三单事项)"
        case .jointMeeting: "joint meeting (联席会议)"
        case .meetingAssignment: "meeting assignment (交办事项)"
        case .agreement: "cooperation agreement (跨区域协作机制)"
        case .clueTransfer: "clue transfer (线索移送)"
        case .assistance: "entrusted evidence request (委托调查取证)"
        case .hearing: "hearing (听证)"
        case .specialInquiry: "special inquiry (专题询问)"
        case .inquiryProblem: "inquiry problem (询问交办问题)"
        case .interpellation: "interpellation (质询)"
        case .investigation: "specific-question investigation (特定问题调查)"
        case .evaluation: "satisfaction evaluation (满意度测评)"
        }
    }
}

/// One shared process, whatever its kind: the coordinator's authoritative copy of a subject's state.
package enum SharedProcess: Codable, Sendable, Equatable {
    case deputySuggestion(DeputySuggestionProcess)
    case publicInterestCase(PublicInterestCaseProcess)
    case reverseConversion(ReverseConversionProcess)
    case threeListsItem(ThreeListsProcess)
    case jointMeeting(JointMeetingProcess)
    case meetingAssignment(MeetingAssignmentProcess)
    case agreement(AgreementProcess)
    case clueTransfer(ClueTransferProcess)
    case assistance(AssistanceProcess)
    case hearing(HearingProcess)
    case specialInquiry(SpecialInquiryProcess)
    case inquiryProblem(InquiryProblemProcess)
    case interpellation(InterpellationProcess)
    case investigation(InvestigationProcess)
    case evaluation(EvaluationProcess)

    package var kind: ProcessKind {
        switch self {
        case .deputySuggestion: .deputySuggestion
        case .publicInterestCase: .publicInterestCase
        case .reverseConversion: .reverseConversion
        case .threeListsItem: .threeListsItem
        case .jointMeeting: .jointMeeting
        case .meetingAssignment: .meetingAssignment
        case .agreement: .agreement
        case .clueTransfer: .clueTransfer
        case .assistance: .assistance
        case .hearing: .hearing
        case .specialInquiry: .specialInquiry
        case .inquiryProblem: .inquiryProblem
        case .interpellation: .interpellation
        case .investigation: .investigation
        case .evaluation: .evaluation
        }
    }

    package var subjectId: String {
        switch self {
        case .deputySuggestion(let p): p.subjectId
        case .publicInterestCase(let p): p.caseId
        case .reverseConversion(let p): p.documentNumber
        case .threeListsItem(let p): p.itemId
        case .jointMeeting(let p): p.meetingId
        case .meetingAssignment(let p): p.decisionId
        case .agreement(let p): p.agreementId
        case .clueTransfer(let p): p.transferId
        case .assistance(let p): p.requestId
        case .hearing(let p): p.hearingId
        case .specialInquiry(let p): p.inquiryId
        case .inquiryProblem(let p): p.problemId
        case .interpellation(let p): p.interpellationId
        case .investigation(let p): p.investigationId
        case .evaluation(let p): p.ballotId
        }
    }

    package var stateName: String {
        switch self {
        case .deputySuggestion(let p): p.state.rawValue
        case .publicInterestCase(let p): p.state.rawValue
        case .reverseConversion(let p): p.state.rawValue
        case .threeListsItem(let p): p.state.rawValue
        case .jointMeeting(let p): p.state.rawValue
        case .meetingAssignment(let p): p.state.rawValue
        case .agreement(let p): p.state.rawValue
        case .clueTransfer(let p): p.state.rawValue
        case .assistance(let p): p.state.rawValue
        case .hearing(let p): p.state.rawValue
        case .specialInquiry(let p): p.state.rawValue
        case .inquiryProblem(let p): p.state.rawValue
        case .interpellation(let p): p.state.rawValue
        case .investigation(let p): p.state.rawValue
        case .evaluation(let p): p.state.rawValue
        }
    }

    /// Running and overdue timers (a reverse conversion has none).
    package var timers: TimerBook {
        switch self {
        case .deputySuggestion(let p): p.timers
        case .publicInterestCase(let p): p.timers
        case .reverseConversion, .jointMeeting, .agreement, .hearing, .specialInquiry, .investigation, .evaluation: TimerBook()
        case .inquiryProblem(let p): p.timers
        case .interpellation(let p): p.timers
        case .clueTransfer(let p): p.timers
        case .assistance(let p): p.timers
        case .threeListsItem(let p): p.timers
        case .meetingAssignment(let p): p.timers
        }
    }

    /// What `case show` lists besides the state: the facts a coordinator asks about first.
    package var details: [String: String] {
        var out: [String: String] = [:]
        func put(_ key: String, _ value: CustomStringConvertible?) { if let value { out[key] = "\(value)" } }
        switch self {
        case .deputySuggestion(let p):
            put("hostUnit", p.hostUnit)
            if !p.coUnits.isEmpty { put("coUnits", p.coUnits.map(\.rawValue).joined(separator: ", ")) }
            put("round", p.round)
            put("domain", p.domain?.rawValue)
            put("originCaseId", p.originCaseId)
            if !p.ratings.isEmpty { put("ratings", p.ratings.map(\.rawValue).joined(separator: ", ")) }
            switch p.transfer {
            case .none: break
            case .transferred(let on): put("transfer", "transferred to the procuratorate on \(on)")
            case .caseFiled(let caseId): put("transfer", "filed as case \(caseId ?? "?")")
            case .declined(let reason): put("transfer", "declined: \(reason)")
            }
        case .publicInterestCase(let p):
            put("documentNumber", p.documentNumber)
            put("addressee", p.addressee)
            if p.urgent { put("urgent", "yes (15-day reply)") }
            put("deliveredOn", p.deliveredOn)
            put("originSuggestionId", p.originSuggestionId)
            put("replyStatus", p.replyStatus?.rawValue)
            put("reviewOutcome", p.reviewOutcome?.rawValue)
            put("reason", p.reason)
        case .reverseConversion(let p):
            put("caseId", p.caseId)
            put("recommendation", p.recommendation)
            put("leadDeputy", p.leadDeputy)
            put("suggestionId", p.suggestionId)
            put("notConvertedReason", p.notConvertedReason)
        case .threeListsItem(let p):
            put("problem", p.problem)
            put("unit", p.unit)
            put("leadPerson", p.leadPerson)
            put("deadline", p.deadline)
            put("lookBackOn", p.lookBackOn)
            put("reopenedFrom", p.reopenedFrom)
            put("reopenedAs", p.reopenedAs)
        case .jointMeeting(let p):
            put("kind", p.kind.rawValue)
            put("title", p.title)
            put("scheduledFor", p.scheduledFor)
            put("convener", p.convener)
            if !p.members.isEmpty { put("members", p.members.map(\.rawValue).joined(separator: ", ")) }
            put("quorum", p.quorum.map { $0 ? "yes" : "no: \(p.quorumProblem ?? "?")" })
            if !p.decisions.isEmpty { put("decisions", p.decisions.map(\.decisionId).joined(separator: ", ")) }
        case .meetingAssignment(let p):
            put("meetingId", p.meetingId)
            put("item", p.decision.item)
            put("leadPerson", p.decision.leadPerson)
            put("responsibleUnit", p.decision.responsibleUnit)
            put("deadline", p.decision.deadline)
        case .agreement(let p):
            put("title", p.terms.title)
            put("version", p.terms.version)
            put("parties", p.terms.parties.map(\.rawValue).joined(separator: ", "))
            put("area", "\(p.terms.area.name) (\(p.terms.area.kind.rawValue))")
            put("domains", p.terms.domains.map(\.rawValue).joined(separator: ", "))
            put("modules", p.terms.modules.map(\.rawValue).joined(separator: ", "))
            if p.terms.trial { put("trial", "yes (试行)") }
            if !p.signedBy.isEmpty { put("signedBy", p.signedBy.map(\.rawValue).sorted().joined(separator: ", ")) }
            put("pendingVersion", p.pending?.version)
            put("reason", p.reason)
        case .clueTransfer(let p):
            put("agreementId", p.agreementId)
            put("from", p.from)
            put("to", p.to)
            put("registeredAs", p.registeredAs)
            put("outcome", p.outcome?.rawValue)
            put("commonSuperior", p.commonSuperior)
        case .assistance(let p):
            put("agreementId", p.agreementId)
            put("from", p.from)
            put("to", p.to)
        case .hearing(let p):
            put("caseId", p.caseId)
            put("startsOn", p.startsOn)
            if !p.officers.isEmpty { put("officers", p.officers.map(\.name).joined(separator: ", ")) }
            if !p.opinions.isEmpty { put("opinions", "\(p.opinions.count)") }
        case .specialInquiry(let p):
            put("units", p.units.map(\.rawValue).joined(separator: ", "))
            if !p.problems.isEmpty {
                put("problems", "\(p.problems.count): \(p.claimed.count) claimed, \(p.reported.count) reported")
            }
            if !p.unresolved.isEmpty { put("unresolved", p.unresolved.joined(separator: ", ")) }
            put("followUpId", p.followUpId)
        case .inquiryProblem(let p):
            put("inquiryId", p.inquiryId)
            put("title", p.title)
            put("category", p.category)
            put("unit", p.unit)
            put("status", p.status?.rawValue)
        case .interpellation(let p):
            put("addressee", p.addressee)
            put("proposers", p.proposers.map(\.name).joined(separator: ", "))
            put("form", p.form?.rawValue)
            if p.round > 0 { put("round", p.round) }
            if !p.unsatisfiedProposers.isEmpty { put("unsatisfied", p.unsatisfiedProposers.joined(separator: ", ")) }
            put("withdrawalReason", p.withdrawalReason)
        case .investigation(let p):
            put("question", p.question)
            put("proposedBy", p.proposedBy?.rawValue)
            if !p.committee.isEmpty { put("committee", p.committee.map(\.name).joined(separator: ", ")) }
        case .evaluation(let p):
            put("subjectId", p.subjectId)
            put("units", p.units.map(\.rawValue).joined(separator: ", "))
            put("membersTotal", p.membersTotal)
            put("membersPresent", p.membersPresent)
            put("observers", p.observers)
            if !p.tallies.isEmpty {
                put("tallies", p.tallies.map { "\($0.unit) \($0.satisfied)/\($0.basicallySatisfied)/\($0.unsatisfied)" }.joined(separator: "; "))
            }
            if !p.followUpUnits.isEmpty { put("followUp", p.followUpUnits.map(\.rawValue).joined(separator: ", ")) }
        }
        return out
    }
}

/// An event for a ``SharedProcess``: one of its kind's, or a timer's.
package enum ProcessEvent: Sendable, Equatable {
    case deputySuggestion(DeputySuggestionProcess.Event)
    case publicInterestCase(PublicInterestCaseProcess.Event)
    case reverseConversion(ReverseConversionProcess.Event)
    case threeListsItem(ThreeListsProcess.Event)
    case jointMeeting(JointMeetingProcess.Event)
    case meetingAssignment(MeetingAssignmentProcess.Event)
    case agreement(AgreementProcess.Event)
    case clueTransfer(ClueTransferProcess.Event)
    case assistance(AssistanceProcess.Event)
    case hearing(HearingProcess.Event)
    case specialInquiry(SpecialInquiryProcess.Event)
    case inquiryProblem(InquiryProblemProcess.Event)
    case interpellation(InterpellationProcess.Event)
    case investigation(InvestigationProcess.Event)
    case evaluation(EvaluationProcess.Event)
    case reminderDue(TimerKind)
    case timerExpired(TimerKind)

    package var name: String {
        switch self {
        case .deputySuggestion(let e): e.name
        case .publicInterestCase(let e): e.name
        case .reverseConversion(let e): e.name
        case .threeListsItem(let e): e.name
        case .jointMeeting(let e): e.name
        case .meetingAssignment(let e): e.name
        case .agreement(let e): e.name
        case .clueTransfer(let e): e.name
        case .assistance(let e): e.name
        case .hearing(let e): e.name
        case .specialInquiry(let e): e.name
        case .inquiryProblem(let e): e.name
        case .interpellation(let e): e.name
        case .investigation(let e): e.name
        case .evaluation(let e): e.name
        case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
        case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
        }
    }
}

extension SharedProcess {
    /// Applies `event`; on a violation (including an event of another kind of process) nothing changes.
    package mutating func received(
        _ event: ProcessEvent, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> Transition<String> {
        switch (self, event) {
        case (.deputySuggestion(var p), .deputySuggestion(let e)):
            defer { self = .deputySuggestion(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.deputySuggestion(var p), .reminderDue(let k)):
            defer { self = .deputySuggestion(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.deputySuggestion(var p), .timerExpired(let k)):
            defer { self = .deputySuggestion(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.publicInterestCase(var p), .publicInterestCase(let e)):
            defer { self = .publicInterestCase(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.publicInterestCase(var p), .reminderDue(let k)):
            defer { self = .publicInterestCase(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.publicInterestCase(var p), .timerExpired(let k)):
            defer { self = .publicInterestCase(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.reverseConversion(var p), .reverseConversion(let e)):
            defer { self = .reverseConversion(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.threeListsItem(var p), .threeListsItem(let e)):
            defer { self = .threeListsItem(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.threeListsItem(var p), .reminderDue(let k)):
            defer { self = .threeListsItem(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.threeListsItem(var p), .timerExpired(let k)):
            defer { self = .threeListsItem(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.jointMeeting(var p), .jointMeeting(let e)):
            defer { self = .jointMeeting(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.meetingAssignment(var p), .meetingAssignment(let e)):
            defer { self = .meetingAssignment(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.meetingAssignment(var p), .reminderDue(let k)):
            defer { self = .meetingAssignment(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.meetingAssignment(var p), .timerExpired(let k)):
            defer { self = .meetingAssignment(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.agreement(var p), .agreement(let e)):
            defer { self = .agreement(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.clueTransfer(var p), .clueTransfer(let e)):
            defer { self = .clueTransfer(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.clueTransfer(var p), .reminderDue(let k)):
            defer { self = .clueTransfer(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.clueTransfer(var p), .timerExpired(let k)):
            defer { self = .clueTransfer(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.assistance(var p), .assistance(let e)):
            defer { self = .assistance(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.assistance(var p), .reminderDue(let k)):
            defer { self = .assistance(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.assistance(var p), .timerExpired(let k)):
            defer { self = .assistance(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.hearing(var p), .hearing(let e)):
            defer { self = .hearing(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.specialInquiry(var p), .specialInquiry(let e)):
            defer { self = .specialInquiry(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.inquiryProblem(var p), .inquiryProblem(let e)):
            defer { self = .inquiryProblem(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.inquiryProblem(var p), .reminderDue(let k)):
            defer { self = .inquiryProblem(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.inquiryProblem(var p), .timerExpired(let k)):
            defer { self = .inquiryProblem(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.interpellation(var p), .interpellation(let e)):
            defer { self = .interpellation(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.interpellation(var p), .reminderDue(let k)):
            defer { self = .interpellation(p) }
            return try Self.run(&p, .reminderDue(k), date, actor, rules)
        case (.interpellation(var p), .timerExpired(let k)):
            defer { self = .interpellation(p) }
            return try Self.run(&p, .timerExpired(k), date, actor, rules)
        case (.investigation(var p), .investigation(let e)):
            defer { self = .investigation(p) }
            return try Self.run(&p, e, date, actor, rules)
        case (.evaluation(var p), .evaluation(let e)):
            defer { self = .evaluation(p) }
            return try Self.run(&p, e, date, actor, rules)
        default:
            throw ProtocolViolation(
                .wrongProcess, "\(event.name) does not apply to \(subjectId), which is a \(kind.title)")
        }
    }

    private static func run<P: ProtocolProcess>(
        _ process: inout P, _ event: P.Event, _ date: CalendarDate, _ actor: ProtocolActor, _ rules: ProtocolRules
    ) throws(ProtocolViolation) -> Transition<String> where P.State: RawRepresentable<String> {
        let transition = try process.received(event, at: date, by: actor, rules: rules)
        return Transition(from: transition.from.rawValue, to: transition.to.rawValue, effects: transition.effects)
    }
}
