import Foundation
import XianjieMessages

/// One fully populated value of every catalogued payload type, as Swift writes them.
enum Samples {
    static let now = Date(timeIntervalSince1970: 1_732_242_057.25)
    static let person = Person(name: "王代表", personId: "HTB-D-017", role: "县人大代表")
    static let attachment = AttachmentRef(
        name: "现场照片.jpg", mediaType: "image/jpeg",
        sha256: String(repeating: "ab", count: 32), size: 123_456)
    static let impact = ImpactFlags(harmsPublicInterest: true, wideSocialImpact: true)

    static let all: [any MessagePayload] = [
        DeputySuggestion(
            suggestionId: "sugg-2024-017", title: "关于保护红柳滩生态的建议", content: "建议依法制止开垦。", leadDeputy: person,
            coSigners: [Person(name: "赵代表")], session: .betweenSessions, submittedAt: now,
            domain: .ecologyAndResources, impact: impact, originCaseId: "case-2024-01", attachments: [attachment]),
        SuggestionTransfer(
            suggestionId: "sugg-2024-017", title: "红柳滩", summary: "转交检察院", domain: .ecologyAndResources,
            impact: impact, transferredAt: now, copyTo: ["hutubi.supervision"], attachments: [attachment]),
        TransferAssessment(suggestionId: "sugg-2024-017", outcome: .filed, caseId: "case-2024-05", assessedAt: now),
        TransferAssessment(
            suggestionId: "sugg-2024-018", outcome: .declined, reason: "不属于公益诉讼范围", assessedAt: now),
        ProcuratorialSuggestion(
            documentNumber: "呼检行公建〔2024〕5号", caseId: "case-2024-05", kind: .publicInterest,
            addressee: "hutubi.forestry", facts: "事实", legalBasis: "森林法", recommendations: ["补植复绿"], urgent: true,
            issuedAt: now, replyDueBy: CalendarDate(rawValue: "2024-12-10")!, approvedBy: person,
            deliveryMode: .announcement, attachments: [attachment]),
        RectificationReply(
            documentNumber: "呼检行公建〔2024〕5号", caseId: "case-2024-05", status: .inProgress, measures: ["下架"],
            explanation: "进行中", repliedAt: now, attachments: [attachment]),
        RectificationReply(
            documentNumber: "呼检行公建〔2024〕5号", caseId: "case-2024-05", status: .rectified, measures: [],
            repliedAt: now),
        Clue(
            clueId: "clue-1", channel: .hotline12345, receivedAt: now, place: "红柳滩", description: "开垦",
            domain: .workSafety, reporter: person, confidential: true, attachments: [attachment]),
        WorkBulletin(bulletinId: "b-1", title: "专报", body: "内容", issuedAt: now),
        AttachmentChunk(
            sha256: String(repeating: "ab", count: 32), name: "现场照片.jpg", mediaType: "image/jpeg", size: 3, index: 0,
            count: 1, offset: 0, data: Data([1, 2, 3])),
        Hello(
            nodeKind: "congress", softwareVersion: "0.1.0", lastDelivery: 7,
            subscriptions: [.init(topic: "notices", lastSequence: 3)]),
        Welcome(
            epoch: "e", lastAcceptedSequence: 9, credits: 64, heartbeatIntervalMs: 1000, maxMessageBytes: 1_048_576,
            topicHeads: ["notices": 3], protocol: "xianjie/2", softwareVersion: "0.2.0"),
        Heartbeat(epoch: "e", topicHeads: ["notices": 3]),
        Goodbye(reason: "stopping"),
        Receipt(entries: [
            .init(
                messageId: "m-1", sequence: 4, status: .duplicate, acceptedAt: now, recipients: ["hutubi.congress"],
                hash: String(repeating: "0f", count: 32))
        ]),
        DeliveryReceipt(entries: [
            .init(
                messageId: "m-1", sequence: 4, hash: String(repeating: "0f", count: 32), recipient: "hutubi.congress",
                deliveredAt: now)
        ]),
        Ack(through: 12),
        Rejection(
            messageId: "m-2", sequence: 5, type: "xianjie.clue", reason: .schemaViolation, detail: "bad",
            errors: ["/: missing"], quarantineId: 3),
        Rejection(
            messageId: "m-3", sequence: 6, type: "xianjie.deputyFeedback", reason: .workflowViolation,
            detail: "xianjie.deputyFeedback about sugg-2024-021 before any reply letter", rule: "ratingBeforeReply"),
        ReplayRequest(topic: "notices", fromSequence: 2, toSequence: 9),
        StatusRequest(),
        StatusReport(
            epoch: "e", startedAt: now, messagesStored: 10, quarantined: 1, rejectionsByReason: ["oversize": 1],
            topicHeads: ["notices": 2],
            nodes: [
                .init(
                    agency: "hutubi.congress", kind: "congress", softwareVersion: "0.1.0", present: true,
                    lastSeen: now, queueDepth: 2, inFlight: 1, lastAcceptedSequence: 9)
            ], authenticationFailures: 3, alerts: ["repeated handshake failures"]),
        FlowEvent(
            event: .rejected, messageId: "m", at: now, source: "hutubi.congress", type: "xianjie.clue",
            recipients: ["hutubi.procuratorate"], topic: "notices", subject: "s", bytes: 100, reason: "oversize"),
        Ping(note: "hi"),
        Pong(note: "hi", receivedAt: now),
    ] + workflow + meetings + cooperation + hearings + escalation
}
