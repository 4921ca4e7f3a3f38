import XianjieMessages

/// One item of the three lists (三单: 问题清单 / 责任清单 / 整改清单) with its look-back (回头看),
/// DOMAIN.md §4 G. Only the responsible unit may report on it.
package struct ThreeListsProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// 问题清单: the problem is identified.
        case identified
        /// 责任清单: unit, lead person and deadline set.
        case assigned
        /// 整改清单: the unit's rectification plan.
        case planSubmitted
        case inProgress
        /// 报告整改完成.
        case reportedDone
        /// 联合核查 passed.
        case verified
        case closed
        case lookBackScheduled
        /// 回头看 confirms the fix held.
        case confirmed
        /// 回头看 finds it regressed: reopened as a new item.
        case regressed
    }

    package enum Event: Codable, Sendable, Equatable {
        case assign(unit: AgencyID, leadPerson: String, deadline: CalendarDate)
        case submitPlan
        case startWork
        case reportDone
        /// Joint check (deputies with matching expertise may take part); a failed check sends it back.
        case verify(passed: Bool)
        case close
        case scheduleLookBack(on: CalendarDate)
        /// The look-back result; a regression names the new item's id.
        case lookBackResult(confirmed: Bool, newItemId: String?)
        case reminderDue(TimerKind)
        case timerExpired(TimerKind)

        package var name: String {
            switch self {
            case .assign: "assign"
            case .submitPlan: "submitPlan"
            case .startWork: "startWork"
            case .reportDone: "reportDone"
            case .verify: "verify"
            case .close: "close"
            case .scheduleLookBack: "scheduleLookBack"
            case .lookBackResult: "lookBackResult"
            case .reminderDue(let kind): "reminderDue(\(kind.rawValue))"
            case .timerExpired(let kind): "timerExpired(\(kind.rawValue))"
            }
        }
    }

    package let itemId: String
    package let problem: String
    /// The item this one reopens after a regressed look-back.
    package let reopenedFrom: String?
    package internal(set) var state: State = .identified
    package internal(set) var unit: AgencyID?
    package internal(set) var leadPerson: String?
    package internal(set) var deadline: CalendarDate?
    package internal(set) var failedVerifications = 0
    package internal(set) var lookBackOn: CalendarDate?
    package internal(set) var reopenedAs: String?
    package internal(set) var timers = TimerBook()

    package init(itemId: String, problem: String, reopenedFrom: String? = nil) {
        self.itemId = itemId
        self.problem = problem
        self.reopenedFrom = reopenedFrom
    }

}
