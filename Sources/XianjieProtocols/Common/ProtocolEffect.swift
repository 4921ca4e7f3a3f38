import XianjieMessages

/// What the owner of a state machine must do after a transition (performed outside the machine).
package enum ProtocolEffect: Codable, Sendable, Hashable {
    /// Start (or restart) a durable timer; the engine reminds on `remindOn` and expires on `due`.
    case startTimer(Deadline)
    /// Stop a timer: its obligation was met or is void.
    case cancelTimer(TimerKind)
    /// Tell a party something (a document to expect, a reminder, an overdue notice).
    case notify(ProtocolActor, String)
    /// 督办: put the item on the coordinator's next joint meeting agenda (DOMAIN.md §4 A, B, D).
    case queueForJointMeeting(JointMeetingItem)
    /// Open another process linked to this one (reverse conversion, a regressed item reopened).
    case startProcess(LinkedProcess)
}

/// An agenda item for the next joint meeting (联席会议).
package struct JointMeetingItem: Codable, Sendable, Hashable {
    package var subjectId: String
    package var reason: String
    package var obligated: ProtocolActor?
    package var due: CalendarDate?

    package init(subjectId: String, reason: String, obligated: ProtocolActor? = nil, due: CalendarDate? = nil) {
        self.subjectId = subjectId
        self.reason = reason
        self.obligated = obligated
        self.due = due
    }
}

/// A process another one asks the owner to open.
package struct LinkedProcess: Codable, Sendable, Hashable {
    package enum Kind: String, Codable, Sendable, Hashable {
        case deputySuggestion, publicInterestCase, threeListsItem, meetingAssignment
    }

    package var kind: Kind
    package var subjectId: String
    /// The subject it came from (`originCaseId`, the regressed item).
    package var originSubjectId: String

    package init(kind: Kind, subjectId: String, originSubjectId: String) {
        self.kind = kind
        self.subjectId = subjectId
        self.originSubjectId = originSubjectId
    }
}

/// The outcome of an accepted event: the state before and after, and the effects to perform.
package struct Transition<State: Sendable & Hashable>: Sendable, Hashable {
    package var from: State
    package var to: State
    package var effects: [ProtocolEffect]

    package init(from: State, to: State, effects: [ProtocolEffect]) {
        self.from = from
        self.to = to
        self.effects = effects
    }
}
