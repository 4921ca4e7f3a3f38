"""The message catalog: each type, its payload schema and its class.

Generated from the `title` and `description` of every file in schemas/messages/ (docs/protocol.md §3).
The schema `$id` is https://schemas.xianjie.invalid/messages/<name>.schema.json.
"""

SCHEMA_BASE = "https://schemas.xianjie.invalid/messages/"

# type: (schema name, "durable" | "transient")
CATALOG = {
    'xianjie.agendaMotion': ('agenda-motion.v1', 'durable'),
    'xianjie.agreementSignature': ('agreement-signature.v1', 'durable'),
    'xianjie.agreementStatusChange': ('agreement-status-change.v1', 'durable'),
    'xianjie.assignmentProgress': ('assignment-progress.v1', 'durable'),
    'xianjie.assistanceRequest': ('assistance-request.v1', 'durable'),
    'xianjie.assistanceResult': ('assistance-result.v1', 'durable'),
    'xianjie.attachmentChunk': ('attachment-chunk.v1', 'durable'),
    'xianjie.ballotResult': ('ballot-result.v1', 'durable'),
    'xianjie.bus.ack': ('bus-ack.v1', 'transient'),
    'xianjie.bus.agreementQuery': ('bus-agreement-query.v1', 'transient'),
    'xianjie.bus.agreementReport': ('bus-agreement-report.v1', 'transient'),
    'xianjie.bus.caseQuery': ('bus-case-query.v1', 'transient'),
    'xianjie.bus.caseReport': ('bus-case-report.v1', 'transient'),
    'xianjie.bus.clockReport': ('bus-clock-report.v1', 'transient'),
    'xianjie.bus.clockRequest': ('bus-clock-request.v1', 'transient'),
    'xianjie.bus.deliveryReceipt': ('bus-delivery-receipt.v1', 'durable'),
    'xianjie.bus.deputyProfile': ('bus-deputy-profile.v1', 'transient'),
    'xianjie.bus.deputyProfileQuery': ('bus-deputy-profile-query.v1', 'transient'),
    'xianjie.bus.dueQuery': ('bus-due-query.v1', 'transient'),
    'xianjie.bus.dueReport': ('bus-due-report.v1', 'transient'),
    'xianjie.bus.flow': ('bus-flow.v1', 'transient'),
    'xianjie.bus.goodbye': ('bus-goodbye.v1', 'transient'),
    'xianjie.bus.heartbeat': ('bus-heartbeat.v1', 'transient'),
    'xianjie.bus.hello': ('bus-hello.v1', 'transient'),
    'xianjie.bus.meetingQuery': ('bus-meeting-query.v1', 'transient'),
    'xianjie.bus.meetingReport': ('bus-meeting-report.v1', 'transient'),
    'xianjie.bus.meetingSchedule': ('bus-meeting-schedule.v1', 'transient'),
    'xianjie.bus.ping': ('bus-ping.v1', 'transient'),
    'xianjie.bus.pong': ('bus-pong.v1', 'transient'),
    'xianjie.bus.receipt': ('bus-receipt.v1', 'transient'),
    'xianjie.bus.rejection': ('bus-rejection.v1', 'transient'),
    'xianjie.bus.replayRequest': ('bus-replay-request.v1', 'transient'),
    'xianjie.bus.statusReport': ('bus-status-report.v1', 'transient'),
    'xianjie.bus.statusRequest': ('bus-status-request.v1', 'transient'),
    'xianjie.bus.welcome': ('bus-welcome.v1', 'transient'),
    'xianjie.caseFilingDecision': ('case-filing-decision.v1', 'durable'),
    'xianjie.caseProgress': ('case-progress.v1', 'durable'),
    'xianjie.clue': ('clue.v1', 'durable'),
    'xianjie.clueTransfer': ('clue-transfer.v1', 'durable'),
    'xianjie.clueTransferAck': ('clue-transfer-ack.v1', 'durable'),
    'xianjie.clueTransferFeedback': ('clue-transfer-feedback.v1', 'durable'),
    'xianjie.conversionDecision': ('conversion-decision.v1', 'durable'),
    'xianjie.cooperationAgreement': ('cooperation-agreement.v1', 'durable'),
    'xianjie.deadlineNotice': ('deadline-notice.v1', 'durable'),
    'xianjie.deputyFeedback': ('deputy-feedback.v1', 'durable'),
    'xianjie.deputySuggestion': ('deputy-suggestion.v1', 'durable'),
    'xianjie.evaluationSchedule': ('evaluation-schedule.v1', 'durable'),
    'xianjie.feedbackRequest': ('feedback-request.v1', 'durable'),
    'xianjie.hearingNotice': ('hearing-notice.v1', 'durable'),
    'xianjie.hearingRecord': ('hearing-record.v1', 'durable'),
    'xianjie.informationShare': ('information-share.v1', 'durable'),
    'xianjie.inquiryAssignment': ('inquiry-assignment.v1', 'durable'),
    'xianjie.inquiryClaim': ('inquiry-claim.v1', 'durable'),
    'xianjie.inquiryHandlingReport': ('inquiry-handling-report.v1', 'durable'),
    'xianjie.inquiryLookBack': ('inquiry-look-back.v1', 'durable'),
    'xianjie.inquiryOpinions': ('inquiry-opinions.v1', 'durable'),
    'xianjie.inquiryProgress': ('inquiry-progress.v1', 'durable'),
    'xianjie.inquiryTopic': ('inquiry-topic.v1', 'durable'),
    'xianjie.interpellation': ('interpellation.v1', 'durable'),
    'xianjie.interpellationAnswer': ('interpellation-answer.v1', 'durable'),
    'xianjie.interpellationAssessment': ('interpellation-assessment.v1', 'durable'),
    'xianjie.interpellationDecision': ('interpellation-decision.v1', 'durable'),
    'xianjie.issueList': ('issue-list.v1', 'durable'),
    'xianjie.jointMeetingMinutes': ('joint-meeting-minutes.v1', 'durable'),
    'xianjie.jurisdictionDispute': ('jurisdiction-dispute.v1', 'durable'),
    'xianjie.litigationComplaint': ('litigation-complaint.v1', 'durable'),
    'xianjie.lookBack': ('look-back.v1', 'durable'),
    'xianjie.meetingAgenda': ('meeting-agenda.v1', 'durable'),
    'xianjie.meetingAttendance': ('meeting-attendance.v1', 'durable'),
    'xianjie.meetingNotice': ('meeting-notice.v1', 'durable'),
    'xianjie.minutesCosign': ('minutes-cosign.v1', 'durable'),
    'xianjie.objection': ('objection.v1', 'durable'),
    'xianjie.participationRecord': ('participation-record.v1', 'durable'),
    'xianjie.procuratorialSuggestion': ('procuratorial-suggestion.v1', 'durable'),
    'xianjie.rectificationList': ('rectification-list.v1', 'durable'),
    'xianjie.rectificationProgress': ('rectification-progress.v1', 'durable'),
    'xianjie.rectificationReply': ('rectification-reply.v1', 'durable'),
    'xianjie.replyLetter': ('reply-letter.v1', 'durable'),
    'xianjie.responsibilityList': ('responsibility-list.v1', 'durable'),
    'xianjie.specificInvestigation': ('specific-investigation.v1', 'durable'),
    'xianjie.suggestionAssignment': ('suggestion-assignment.v1', 'durable'),
    'xianjie.suggestionCopy': ('suggestion-copy.v1', 'durable'),
    'xianjie.suggestionHandling': ('suggestion-handling.v1', 'durable'),
    'xianjie.suggestionTransfer': ('suggestion-transfer.v1', 'durable'),
    'xianjie.terminationDecision': ('termination-decision.v1', 'durable'),
    'xianjie.transferAssessment': ('transfer-assessment.v1', 'durable'),
    'xianjie.verification': ('verification.v1', 'durable'),
    'xianjie.workBulletin': ('work-bulletin.v1', 'durable'),
}



def dataschema(type_: str) -> str:
    """The `dataschema` of a header for this type; KeyError for an unknown type."""
    return SCHEMA_BASE + CATALOG[type_][0] + ".schema.json"


def is_durable(type_: str) -> bool:
    return CATALOG[type_][1] == "durable"


def is_document_type(type_: str) -> bool:
    """A type an agency may hand its client to send: known and not a bus control type."""
    return type_ in CATALOG and not type_.startswith("xianjie.bus.")

