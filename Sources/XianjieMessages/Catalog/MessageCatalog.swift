import JSONSchema

/// What the bus knows about one message type.
package struct MessageDescriptor: Sendable {
    package let type: MessageType
    package let schemaID: String
    package let delivery: DeliveryClass
    package let payload: any MessagePayload.Type

    init<P: MessagePayload>(_ payload: P.Type) {
        self.type = P.messageType
        self.schemaID = P.schemaID
        self.delivery = P.delivery
        self.payload = payload
    }
}

/// Every message type of the bus. Adding a type means adding it here and its schema in `schemas/messages/`.
package enum MessageCatalog {
    package static let all: [MessageDescriptor] = [
        // Documents (DOMAIN.md §2)
        MessageDescriptor(DeputySuggestion.self),
        MessageDescriptor(SuggestionTransfer.self),
        MessageDescriptor(TransferAssessment.self),
        MessageDescriptor(ProcuratorialSuggestion.self),
        MessageDescriptor(RectificationReply.self),
        MessageDescriptor(Clue.self),
        MessageDescriptor(WorkBulletin.self),
        // Files that documents reference, in chunks (sent before the document)
        MessageDescriptor(AttachmentChunk.self),
        // Workflow documents of the joint protocols (DOMAIN.md §4 A, B, C, G)
        MessageDescriptor(SuggestionAssignment.self),
        MessageDescriptor(SuggestionHandling.self),
        MessageDescriptor(ReplyLetter.self),
        MessageDescriptor(FeedbackRequest.self),
        MessageDescriptor(DeputyFeedback.self),
        MessageDescriptor(CaseFilingDecision.self),
        MessageDescriptor(CaseProgress.self),
        MessageDescriptor(SuggestionCopy.self),
        MessageDescriptor(Objection.self),
        MessageDescriptor(TerminationDecision.self),
        MessageDescriptor(LitigationComplaint.self),
        MessageDescriptor(ConversionDecision.self),
        MessageDescriptor(IssueList.self),
        MessageDescriptor(ResponsibilityList.self),
        MessageDescriptor(RectificationList.self),
        MessageDescriptor(RectificationProgress.self),
        MessageDescriptor(Verification.self),
        MessageDescriptor(LookBack.self),
        // The coordinator's deadline engine
        MessageDescriptor(DeadlineNotice.self),
        // Joint meetings (DOMAIN.md §4 D)
        MessageDescriptor(MeetingNotice.self),
        MessageDescriptor(AgendaMotion.self),
        MessageDescriptor(MeetingAgenda.self),
        MessageDescriptor(MeetingAttendance.self),
        MessageDescriptor(JointMeetingMinutes.self),
        MessageDescriptor(MinutesCosign.self),
        MessageDescriptor(AssignmentProgress.self),
        // Cross-region cooperation (DOMAIN.md §4 E)
        MessageDescriptor(CooperationAgreement.self),
        MessageDescriptor(AgreementSignature.self),
        MessageDescriptor(AgreementStatusChange.self),
        MessageDescriptor(ClueTransfer.self),
        MessageDescriptor(ClueTransferAck.self),
        MessageDescriptor(ClueTransferFeedback.self),
        MessageDescriptor(JurisdictionDispute.self),
        MessageDescriptor(AssistanceRequest.self),
        MessageDescriptor(AssistanceResult.self),
        MessageDescriptor(InformationShare.self),
        // Hearings and deputy participation (DOMAIN.md §4 H)
        MessageDescriptor(HearingNotice.self),
        MessageDescriptor(HearingRecord.self),
        MessageDescriptor(ParticipationRecord.self),
        // Congress escalation and evaluation (DOMAIN.md §4 I)
        MessageDescriptor(SpecialInquiryTopic.self),
        MessageDescriptor(InquiryProgress.self),
        MessageDescriptor(InquiryAssignment.self),
        MessageDescriptor(InquiryClaim.self),
        MessageDescriptor(InquiryOpinions.self),
        MessageDescriptor(InquiryHandlingReport.self),
        MessageDescriptor(InquiryLookBack.self),
        MessageDescriptor(Interpellation.self),
        MessageDescriptor(InterpellationDecision.self),
        MessageDescriptor(InterpellationAnswer.self),
        MessageDescriptor(InterpellationAssessment.self),
        MessageDescriptor(SpecificInvestigation.self),
        MessageDescriptor(EvaluationSchedule.self),
        MessageDescriptor(BallotResult.self),
        // The bus's own
        MessageDescriptor(Hello.self),
        MessageDescriptor(Welcome.self),
        MessageDescriptor(Heartbeat.self),
        MessageDescriptor(Goodbye.self),
        MessageDescriptor(Receipt.self),
        MessageDescriptor(DeliveryReceipt.self),
        MessageDescriptor(Ack.self),
        MessageDescriptor(Rejection.self),
        MessageDescriptor(ReplayRequest.self),
        MessageDescriptor(StatusRequest.self),
        MessageDescriptor(StatusReport.self),
        MessageDescriptor(FlowEvent.self),
        MessageDescriptor(Ping.self),
        MessageDescriptor(Pong.self),
        // Workflow queries answered by the coordinator
        MessageDescriptor(CaseQuery.self),
        MessageDescriptor(CaseReport.self),
        MessageDescriptor(DueQuery.self),
        MessageDescriptor(DueReport.self),
        MessageDescriptor(ClockRequest.self),
        MessageDescriptor(ClockReport.self),
        // Joint-meeting queries answered by the coordinator
        MessageDescriptor(MeetingQuery.self),
        MessageDescriptor(MeetingSchedule.self),
        MessageDescriptor(MeetingReport.self),
        // Cross-region cooperation queries answered by the coordinator
        MessageDescriptor(AgreementQuery.self),
        MessageDescriptor(AgreementReport.self),
        // Deputies' participation profile answered by the coordinator
        MessageDescriptor(DeputyProfileQuery.self),
        MessageDescriptor(DeputyProfile.self),
    ]

    private static let byType: [MessageType: MessageDescriptor] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.type, $0) })

    package static func descriptor(for type: MessageType) -> MessageDescriptor? { byType[type] }
}
