import Foundation
import XianjieMessages

/// What the dashboard shows at a moment: built by the coordinator's engine on its own task (at most
/// every 500 ms while someone watches) and handed over whole, so the web server never touches the
/// engine's state.
package struct ConsoleSnapshot: Codable, Sendable {
    /// A refusal the coordinator made recently (the newest 100 are kept in memory).
    package struct Rejection: Codable, Sendable, Equatable {
        package var at: Date
        package var source: String
        package var type: MessageType?
        package var messageId: String?
        package var reason: String
        package var rule: String?
        package var detail: String
        package var quarantineId: Int64?

        package init(
            at: Date, source: String, type: MessageType?, messageId: String?, reason: String, rule: String?, detail: String,
            quarantineId: Int64?
        ) {
            self.at = at
            self.source = source
            self.type = type
            self.messageId = messageId
            self.reason = reason
            self.rule = rule
            self.detail = detail
            self.quarantineId = quarantineId
        }
    }

    /// The joint protocols' figures now (from the coordinator's book, not from message counts).
    package struct WorkflowFigures: Codable, Sendable, Equatable {
        /// Cases that issued a procuratorial suggestion.
        package var suggestionsIssued = 0
        /// Of those, answered in writing; and answered before their reply deadline passed.
        package var replied = 0
        package var repliedOnTime = 0
        /// Judged rectified at the follow-up review.
        package var rectified = 0
        /// rectified / suggestionsIssued, nil when none were issued.
        package var rectificationRate: Double?
        /// Deadlines past due and still unmet, and deadlines running.
        package var overdueNow = 0
        package var runningNow = 0

        package init() {}
    }

    package var generatedAt: Date
    package var today: CalendarDate
    package var region: String?
    package var status: StatusReport
    package var due: DueReport
    package var meetings: MeetingReport
    package var agreements: AgreementReport
    package var rejections: [Rejection]
    package var workflow: WorkflowFigures

    package init(
        generatedAt: Date, today: CalendarDate, region: String?, status: StatusReport, due: DueReport,
        meetings: MeetingReport, agreements: AgreementReport, rejections: [Rejection], workflow: WorkflowFigures
    ) {
        self.generatedAt = generatedAt
        self.today = today
        self.region = region
        self.status = status
        self.due = due
        self.meetings = meetings
        self.agreements = agreements
        self.rejections = rejections
        self.workflow = workflow
    }
}

/// Message counts per day, agency and DOMAIN.md kind over a period (`/api/statistics`).
package struct ConsoleStatistics: Codable, Sendable {
    /// The kinds counted, in the order the dashboard shows them.
    package static let kinds = ["clues", "suggestionsTransferred", "casesFiled", "suggestionsIssued", "repliesReceived", "overdueNotices"]

    /// Which kind a document is counted as (nil: not counted).
    package static func kind(of type: String) -> String? {
        switch type {
        case "xianjie.clue": "clues"
        case "xianjie.suggestionTransfer": "suggestionsTransferred"
        case "xianjie.caseFilingDecision": "casesFiled"
        case "xianjie.procuratorialSuggestion": "suggestionsIssued"
        case "xianjie.rectificationReply": "repliesReceived"
        case "xianjie.deadlineNotice": "overdueNotices"
        default: nil
        }
    }

    package struct Day: Codable, Sendable, Equatable {
        package var day: String
        package var counts: [String: Int]

        package init(day: String, counts: [String: Int]) {
            self.day = day
            self.counts = counts
        }
    }

    package struct Agency: Codable, Sendable, Equatable {
        package var agency: String
        package var counts: [String: Int]

        package init(agency: String, counts: [String: Int]) {
            self.agency = agency
            self.counts = counts
        }
    }

    package var from: String
    package var to: String
    package var agency: String?
    package var kinds: [String] = Self.kinds
    package var days: [Day]
    package var byAgency: [Agency]
    package var totals: [String: Int]
    package var workflow: ConsoleSnapshot.WorkflowFigures

    package init(
        from: String, to: String, agency: String?, days: [Day], byAgency: [Agency], totals: [String: Int],
        workflow: ConsoleSnapshot.WorkflowFigures
    ) {
        self.from = from
        self.to = to
        self.agency = agency
        self.days = days
        self.byAgency = byAgency
        self.totals = totals
        self.workflow = workflow
    }
}
