/// A refused event: the rule it broke and what to do. The process it targeted is unchanged.
package struct ProtocolViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule broken. Compare with the static members: `violation.rule == .ratingBeforeReply`.
    package struct Rule: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case outOfOrder, wrongParty, ratingBeforeReply, replyNeverIssued, replyFromWrongAgency
            case notAssignedToUnit, outOfScope, explanationRequired, chiefApprovalRequired
            case timerNotRunning, alreadyDone, invalidArgument, leadDeputyRequired, unknownSubject, wrongProcess, noQuorum
            case notAParty, agreementNotActive
            case notEnoughSigners, notAProposer, problemNotClaimed, invalidTally
        }

        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// An event that is not legal in the current state.
        package static let outOfOrder = Rule(.outOfOrder)
        /// The sender may not send this event.
        package static let wrongParty = Rule(.wrongParty)
        /// 先答复后评价: a deputy's rating before any reply.
        package static let ratingBeforeReply = Rule(.ratingBeforeReply)
        /// A reply to a suggestion never issued (or never assigned).
        package static let replyNeverIssued = Rule(.replyNeverIssued)
        /// A reply from an agency other than the addressee / host unit.
        package static let replyFromWrongAgency = Rule(.replyFromWrongAgency)
        /// A rectification step from a unit the item is not assigned to.
        package static let notAssignedToUnit = Rule(.notAssignedToUnit)
        /// A transfer outside the public-interest scope.
        package static let outOfScope = Rule(.outOfScope)
        /// 说明理由: an extension, decline or termination without an explanation.
        package static let explanationRequired = Rule(.explanationRequired)
        /// 检察长批准: a suggestion or lawsuit without the chief procurator's approval.
        package static let chiefApprovalRequired = Rule(.chiefApprovalRequired)
        /// A timer event for a timer that is not running.
        package static let timerNotRunning = Rule(.timerNotRunning)
        /// Something that may happen once happened already.
        package static let alreadyDone = Rule(.alreadyDone)
        /// A malformed argument (an empty unit, a deadline in the past).
        package static let invalidArgument = Rule(.invalidArgument)
        /// 领衔代表: only the adopting lead deputy may submit.
        package static let leadDeputyRequired = Rule(.leadDeputyRequired)
        /// A document about a subject (suggestion, case, item) the bus has never seen opened.
        package static let unknownSubject = Rule(.unknownSubject)
        /// A document of one workflow about a subject of another (a case event for a suggestion id).
        package static let wrongProcess = Rule(.wrongProcess)
        /// Decisions of a joint meeting that did not meet its quorum rule.
        package static let noQuorum = Rule(.noQuorum)
        /// An agency that is not a party of the cooperation agreement it acts under.
        package static let notAParty = Rule(.notAParty)
        /// An exchange under an agreement that is not in force (draft, suspended, terminated).
        package static let agreementNotActive = Rule(.agreementNotActive)
        /// 联名: an interpellation submitted by fewer members than the minimum, or an investigation
        /// proposed by fewer than one fifth of the standing committee's members.
        package static let notEnoughSigners = Rule(.notEnoughSigners)
        /// 质询案: a verdict naming someone who did not sign the interpellation.
        package static let notAProposer = Rule(.notAProposer)
        /// 专题询问: a session (or opinions) before every assigned problem has been claimed.
        package static let problemNotClaimed = Rule(.problemNotClaimed)
        /// 满意度测评: a tally that does not add up (more votes than members present, a unit missing).
        package static let invalidTally = Rule(.invalidTally)

        package var description: String { code.rawValue }
    }

    package let rule: Rule
    package let message: String

    package init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    package var description: String { "protocol violation (\(rule)): \(message)" }

    package static func outOfOrder(_ event: String, in state: String, subject: String) -> ProtocolViolation {
        ProtocolViolation(
            .outOfOrder, "transition out of order: \(event) in state \(state) for \(subject); wait for the step before it")
    }

    package static func wrongParty(
        _ actor: ProtocolActor, _ event: String, expected: String, subject: String
    ) -> ProtocolViolation {
        ProtocolViolation(.wrongParty, "\(actor) may not send \(event) for \(subject); only \(expected) may")
    }
}
