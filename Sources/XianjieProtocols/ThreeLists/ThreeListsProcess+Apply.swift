import XianjieMessages

extension ThreeListsProcess {
    private static let supervisors: Set<ProtocolActor.Role> = [.coordinator, .congress, .procuratorate]

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        switch event {
        case .assign(let unit, let leadPerson, let deadline):
            try actor.require(Self.supervisors, for: event.name, subject: itemId)
            try step(event, from: .identified, to: .assigned)
            guard !leadPerson.isBlank, deadline > date else {
                throw ProtocolViolation(
                    .invalidArgument, "assignment of \(itemId) needs a lead person and a deadline after \(date)")
            }
            self.unit = unit
            self.leadPerson = leadPerson
            self.deadline = deadline
            return [
                .notify(.agency(unit), "责任清单: \(itemId) \(problem), lead \(leadPerson), due \(deadline)"),
                timers.start(
                    .rectification, due: deadline, from: date, obligated: .agency(unit), supervisor: .coordinator,
                    rules: rules),
            ]
        case .submitPlan:
            try requireUnit(actor, event)
            try step(event, from: .assigned, to: .planSubmitted)
        case .startWork:
            try requireUnit(actor, event)
            try step(event, from: .planSubmitted, to: .inProgress)
        case .reportDone:
            try requireUnit(actor, event)
            try step(event, from: .inProgress, to: .reportedDone)
            return [.notify(.coordinator, "整改完成 reported for \(itemId)")] + timers.cancel(.rectification)
        case .verify(let passed):
            try actor.require(Self.supervisors, for: event.name, subject: itemId)
            try step(event, from: .reportedDone, to: passed ? .verified : .inProgress)
            guard passed, let unit else {
                failedVerifications += 1
                var effects: [ProtocolEffect] = [.notify(.agency(unit ?? "unknown"), "核查未通过: \(itemId) goes back to rectification")]
                // Back to rectification: the deadline is watched again (overdue at once if it passed).
                if let unit, let deadline {
                    effects.append(
                        timers.start(
                            .rectification, due: deadline, from: date, obligated: .agency(unit), supervisor: .coordinator,
                            rules: rules))
                }
                return effects
            }
            return [.notify(.agency(unit), "核查通过: \(itemId)")]
        case .close:
            try actor.require(Self.supervisors, for: event.name, subject: itemId)
            try step(event, from: .verified, to: .closed)
        case .scheduleLookBack(let day):
            try actor.require(Self.supervisors, for: event.name, subject: itemId)
            guard day > date else {
                throw ProtocolViolation(.invalidArgument, "look-back of \(itemId) must be after \(date), not \(day)")
            }
            try step(event, from: .closed, to: .lookBackScheduled)
            lookBackOn = day
            return [
                timers.start(
                    .lookBack, due: day, from: date, obligated: .coordinator, supervisor: .congress, rules: rules)
            ]
        case .lookBackResult(let confirmed, let newItemId):
            try actor.require(Self.supervisors, for: event.name, subject: itemId)
            guard state == .lookBackScheduled else { throw outOfOrder(event) }
            if confirmed {
                state = .confirmed
                return timers.cancel(.lookBack)
            }
            guard let newItemId, !newItemId.isBlank, newItemId != itemId else {
                throw ProtocolViolation(
                    .invalidArgument, "a regressed look-back of \(itemId) must name the new item that reopens it")
            }
            state = .regressed
            reopenedAs = newItemId
            return timers.cancel(.lookBack) + [
                .startProcess(LinkedProcess(kind: .threeListsItem, subjectId: newItemId, originSubjectId: itemId)),
                .queueForJointMeeting(JointMeetingItem(subjectId: newItemId, reason: "回头看: \(itemId) regressed")),
            ]
        case .reminderDue(let kind):
            return try timers.remind(kind, subject: itemId, by: actor)
        case .timerExpired(let kind):
            return try timers.expire(kind, subject: itemId, by: actor)
        }
        return []
    }

    /// The reopened item for a regressed look-back.
    package var reopenedItem: ThreeListsProcess? {
        reopenedAs.map { ThreeListsProcess(itemId: $0, problem: problem, reopenedFrom: itemId) }
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: itemId)
    }

    private mutating func step(_ event: Event, from: State, to: State) throws(ProtocolViolation) {
        guard state == from else { throw outOfOrder(event) }
        state = to
    }

    /// 只有责任单位可以报告: a rectification step from another unit is a violation.
    private func requireUnit(_ actor: ProtocolActor, _ event: Event) throws(ProtocolViolation) {
        try actor.require([.agency], for: event.name, subject: itemId)
        guard let unit else {
            throw ProtocolViolation(
                .notAssignedToUnit, "a rectification report for \(itemId), which is not assigned to any unit yet")
        }
        guard actor.agency == unit else {
            throw ProtocolViolation(
                .notAssignedToUnit,
                "a rectification report for an item not assigned to this unit: \(itemId) belongs to \(unit), not \(actor)")
        }
    }
}
