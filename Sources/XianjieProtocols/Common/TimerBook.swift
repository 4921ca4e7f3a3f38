import XianjieMessages

/// The timers a process has running, and the escalation they cause (提醒 → 逾期通知 → 督办).
package struct TimerBook: Codable, Sendable, Hashable {
    package private(set) var running: [TimerKind: Deadline] = [:]
    /// Timers that expired without being met, with their deadline (kept for `case show` and `due`).
    package private(set) var overdue: [TimerKind: Deadline] = [:]

    package init() {}

    package func deadline(_ kind: TimerKind) -> Deadline? { running[kind] }
    package func isRunning(_ kind: TimerKind) -> Bool { running[kind] != nil }

    /// Starts `kind` for `period` after `start`; the reminder falls `reminderLead` before the due date,
    /// or one working day before it when the lead would reach back to the start.
    package mutating func start(
        _ kind: TimerKind, period: DeadlinePeriod, from start: CalendarDate, obligated: ProtocolActor,
        supervisor: ProtocolActor, rules: ProtocolRules
    ) -> ProtocolEffect {
        let due = rules.calendar.adding(period, to: start)
        return self.start(kind, due: due, from: start, obligated: obligated, supervisor: supervisor, rules: rules)
    }

    package mutating func start(
        _ kind: TimerKind, due: CalendarDate, from start: CalendarDate, obligated: ProtocolActor,
        supervisor: ProtocolActor, rules: ProtocolRules
    ) -> ProtocolEffect {
        var remind: CalendarDate? = rules.calendar.subtracting(rules.deadlines.reminderLead, from: due)
        if let early = remind, early <= start {
            let dayBefore = rules.calendar.adding(workingDays: -1, to: due)
            remind = dayBefore > start ? dayBefore : nil
        }
        let deadline = Deadline(kind: kind, due: due, remindOn: remind, obligated: obligated, supervisor: supervisor)
        running[kind] = deadline
        overdue[kind] = nil
        return .startTimer(deadline)
    }

    /// Stops `kind` if it runs or is overdue (the obligation is met, late or not); returns the
    /// effect, or nothing when it was neither.
    package mutating func cancel(_ kind: TimerKind) -> [ProtocolEffect] {
        let wasOverdue = overdue.removeValue(forKey: kind) != nil
        let wasRunning = running.removeValue(forKey: kind) != nil
        return wasRunning || wasOverdue ? [.cancelTimer(kind)] : []
    }

    /// Stops every running timer (a process that ends).
    package mutating func cancelAll() -> [ProtocolEffect] {
        let kinds = Set(running.keys).union(overdue.keys).sorted { $0.rawValue < $1.rawValue }
        running = [:]
        overdue = [:]
        return kinds.map { .cancelTimer($0) }
    }

    /// The reminder before a due date: a notice to the obligated party. Only the deadline engine
    /// (the coordinator) sends timer events.
    package func remind(
        _ kind: TimerKind, subject: String, by actor: ProtocolActor
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        try actor.require([.coordinator], for: "reminderDue(\(kind.rawValue))", subject: subject)
        let deadline = try require(kind, subject: subject)
        return [.notify(deadline.obligated, "reminder: \(kind.rawValue) for \(subject) is due on \(deadline.due)")]
    }

    /// Expiry: overdue notice to the obligated party and its supervisor, and 督办 at the next joint meeting.
    package mutating func expire(
        _ kind: TimerKind, subject: String, by actor: ProtocolActor
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        try actor.require([.coordinator], for: "timerExpired(\(kind.rawValue))", subject: subject)
        let deadline = try require(kind, subject: subject)
        running[kind] = nil
        overdue[kind] = deadline
        let text = "overdue: \(kind.rawValue) for \(subject) was due on \(deadline.due) from \(deadline.obligated)"
        return [
            .notify(deadline.obligated, text),
            .notify(deadline.supervisor, text),
            .queueForJointMeeting(
                JointMeetingItem(
                    subjectId: subject, reason: "督办: \(kind.rawValue) overdue", obligated: deadline.obligated,
                    due: deadline.due)),
        ]
    }

    private func require(_ kind: TimerKind, subject: String) throws(ProtocolViolation) -> Deadline {
        guard let deadline = running[kind] else {
            throw ProtocolViolation(
                .timerNotRunning, "timer \(kind.rawValue) is not running for \(subject); ignore the stale timer event")
        }
        return deadline
    }
}
