import Foundation
import XianjieMessages

/// One thing a clerk or an agency's system can do at a desk: a document of the bus, sent on a path of
/// the API. `POST /api/v1/<path>` with `{"data": {…the document…}, "to": [...], "requestId": "…"}`.
package struct DeskAction: Sendable {
    /// How a document is addressed when the request names no recipients.
    package enum Route: Sendable {
        /// This agency itself (the congress registering a suggestion in its own books).
        case own
        /// The agency configured in `desk.counterparts` under this role (`procuratorate`, `congress`).
        case counterpart(String)
        /// The agency ids in this field of the document (a string or an array of strings).
        case field(String)
        /// Whoever sent this agency documents about the item.
        case senders
        /// The agency ids in a field of each element of an array (`assignments[].unit`).
        case listed(String, String)
    }

    /// Stable name (the OpenAPI operationId), e.g. `assignSuggestion`.
    package let name: String
    /// Path under `/api/v1/`, with `{id}` standing for the item's id when the action is on an item.
    package let path: String
    package let type: MessageType
    /// The document's field that names the item (its subject); `{id}` fills it.
    package let subjectField: String
    /// A timestamp field filled with the current time when the request leaves it out.
    package let stampField: String?
    package let routes: [Route]
    package let zh: String
    package let en: String

    package init(
        _ name: String, _ path: String, _ type: MessageType, subject: String, stamp: String? = nil, to routes: [Route],
        zh: String, en: String
    ) {
        self.name = name
        self.path = path
        self.type = type
        self.subjectField = subject
        self.stampField = stamp
        self.routes = routes
        self.zh = zh
        self.en = en
    }

    /// Whether the action is on an item that must already be on this desk.
    package var onItem: Bool { path.contains("{id}") }

    /// The path's segments, `{id}` included.
    package var segments: [String] { path.split(separator: "/").map(String.init) }
}

extension DeskKind {
    /// What each kind of agency does on the bus (DOMAIN.md §4), in the order a clerk meets them.
    package var actions: [DeskAction] {
        switch self {
        case .congress: DeskAction.congress
        case .procuratorate: DeskAction.procuratorate
        case .agency: DeskAction.agency
        case .station: DeskAction.station
        }
    }
}

extension DeskAction {
    static let congress: [DeskAction] = [
        DeskAction(
            "registerSuggestion", "suggestions", "xianjie.deputySuggestion", subject: "suggestionId", stamp: "submittedAt",
            to: [.own], zh: "登记代表建议", en: "Register a deputy's suggestion"),
        DeskAction(
            "assignSuggestion", "suggestions/{id}/assignment", "xianjie.suggestionAssignment", subject: "suggestionId",
            stamp: "assignedAt", to: [.field("hostUnit"), .field("coUnits")], zh: "交办承办单位", en: "Assign to host and co-units"),
        DeskAction(
            "transferSuggestion", "suggestions/{id}/transfer", "xianjie.suggestionTransfer", subject: "suggestionId",
            stamp: "transferredAt", to: [.counterpart("procuratorate")], zh: "转交检察院", en: "Transfer to the procuratorate"),
        DeskAction(
            "requestFeedback", "suggestions/{id}/feedback-request", "xianjie.feedbackRequest", subject: "suggestionId",
            stamp: "sentAt", to: [.own], zh: "征询代表意见", en: "Ask the deputy for a rating"),
        DeskAction(
            "recordRating", "suggestions/{id}/rating", "xianjie.deputyFeedback", subject: "suggestionId", stamp: "ratedAt",
            to: [.own], zh: "登记代表评价", en: "Record the deputy's rating"),
        DeskAction(
            "decideConversion", "copies/{id}/conversion", "xianjie.conversionDecision", subject: "caseId", stamp: "at",
            to: [.counterpart("procuratorate")], zh: "筛选转化（反向衔接）", en: "Screen a copied suggestion for conversion"),
        DeskAction(
            "recordParticipation", "participation", "xianjie.participationRecord", subject: "recordId",
            to: [.own], zh: "代表履职记录", en: "Record a deputy's participation"),
    ]

    static let procuratorate: [DeskAction] = [
        DeskAction(
            "assessTransfer", "suggestions/{id}/assessment", "xianjie.transferAssessment", subject: "suggestionId",
            stamp: "assessedAt", to: [.senders], zh: "研判转交的建议", en: "Assess a transferred suggestion"),
        DeskAction(
            "fileCase", "cases", "xianjie.caseFilingDecision", subject: "caseId", stamp: "decidedAt",
            to: [.counterpart("congress")], zh: "立案决定", en: "Decide on filing a case"),
        DeskAction(
            "recordProgress", "cases/{id}/progress", "xianjie.caseProgress", subject: "caseId", stamp: "at",
            to: [.counterpart("congress")], zh: "办案进展", en: "Record the case's progress"),
        DeskAction(
            "issueSuggestion", "cases/{id}/procuratorial-suggestions", "xianjie.procuratorialSuggestion", subject: "caseId",
            stamp: "issuedAt", to: [.field("addressee"), .counterpart("congress")], zh: "制发检察建议",
            en: "Issue a procuratorial suggestion"),
        DeskAction(
            "copyToCongress", "cases/{id}/copy", "xianjie.suggestionCopy", subject: "caseId", stamp: "copiedAt",
            to: [.counterpart("congress")], zh: "抄送人大", en: "Copy the suggestion to the congress"),
        DeskAction(
            "terminateCase", "cases/{id}/termination", "xianjie.terminationDecision", subject: "caseId", stamp: "decidedAt",
            to: [.counterpart("congress")], zh: "终结审查", en: "Terminate the case"),
        DeskAction(
            "fileLitigation", "cases/{id}/litigation", "xianjie.litigationComplaint", subject: "caseId", stamp: "filedAt",
            to: [.counterpart("congress")], zh: "提起行政公益诉讼", en: "File a public-interest lawsuit"),
        DeskAction(
            "announceHearing", "hearings", "xianjie.hearingNotice", subject: "caseId", stamp: "announcedAt",
            to: [.counterpart("congress")], zh: "听证公告", en: "Announce a hearing"),
        DeskAction(
            "recordHearing", "cases/{id}/hearing-record", "xianjie.hearingRecord", subject: "caseId",
            to: [.counterpart("congress")], zh: "听证笔录", en: "Record a hearing"),
        DeskAction(
            "issueList", "lists", "xianjie.issueList", subject: "listId", stamp: "issuedAt",
            to: [.counterpart("congress")], zh: "问题清单", en: "Issue a list of problems"),
        DeskAction(
            "assignResponsibilities", "lists/{id}/responsibilities", "xianjie.responsibilityList", subject: "listId",
            stamp: "issuedAt", to: [.listed("assignments", "unit")], zh: "责任清单", en: "Assign each problem a unit, a lead and a deadline"),
        DeskAction(
            "verifyItem", "items/{id}/verification", "xianjie.verification", subject: "itemId", stamp: "verifiedAt",
            to: [.senders, .counterpart("congress")], zh: "核查整改", en: "Verify a rectified item"),
        DeskAction(
            "lookBack", "cases/{id}/look-back", "xianjie.lookBack", subject: "subjectId", stamp: "at",
            to: [.counterpart("congress")], zh: "回头看", en: "Look back at a closed case"),
        DeskAction(
            "transferClue", "clue-transfers", "xianjie.clueTransfer", subject: "transferId", stamp: "sentAt",
            to: [], zh: "跨区域移送线索", en: "Transfer a clue to another region"),
    ]

    static let agency: [DeskAction] = [
        DeskAction(
            "replyToSuggestion", "cases/{id}/reply", "xianjie.rectificationReply", subject: "caseId", stamp: "repliedAt",
            to: [.senders, .counterpart("congress")], zh: "书面回复检察建议", en: "Reply to a procuratorial suggestion"),
        DeskAction(
            "objectToSuggestion", "cases/{id}/objection", "xianjie.objection", subject: "caseId", stamp: "raisedAt",
            to: [.senders], zh: "提出异议", en: "Object to a procuratorial suggestion"),
        DeskAction(
            "acceptAssignment", "suggestions/{id}/handling", "xianjie.suggestionHandling", subject: "suggestionId", stamp: "at",
            to: [.senders], zh: "承办代表建议", en: "Accept or extend an assigned suggestion"),
        DeskAction(
            "replyToDeputy", "suggestions/{id}/reply", "xianjie.replyLetter", subject: "suggestionId", stamp: "repliedAt",
            to: [.senders], zh: "答复代表建议", en: "Reply to an assigned suggestion"),
        DeskAction(
            "submitRectificationPlan", "lists/{id}/rectification-plan", "xianjie.rectificationList", subject: "listId",
            stamp: "submittedAt", to: [.senders], zh: "提交整改清单", en: "Submit the rectification plan"),
        DeskAction(
            "reportRectification", "items/{id}/progress", "xianjie.rectificationProgress", subject: "itemId", stamp: "at",
            to: [.senders], zh: "报告整改进展", en: "Report rectification progress"),
    ]

    static let station: [DeskAction] = [
        DeskAction(
            "registerClue", "clues", "xianjie.clue", subject: "clueId", stamp: "receivedAt",
            to: [.counterpart("procuratorate")], zh: "登记线索", en: "Register a clue"),
        DeskAction(
            "draftSuggestion", "suggestions", "xianjie.deputySuggestion", subject: "suggestionId", stamp: "submittedAt",
            to: [.counterpart("congress")], zh: "代表建议报送人大", en: "Send a deputy's suggestion to the congress"),
        DeskAction(
            "relayRating", "suggestions/{id}/rating", "xianjie.deputyFeedback", subject: "suggestionId", stamp: "ratedAt",
            to: [.senders], zh: "转达代表评价", en: "Relay the deputy's rating"),
        DeskAction(
            "recordParticipation", "participation", "xianjie.participationRecord", subject: "recordId",
            to: [.counterpart("congress")], zh: "代表履职记录", en: "Record a deputy's participation"),
    ]
}
