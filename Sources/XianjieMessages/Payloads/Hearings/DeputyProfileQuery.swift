/// Asks the coordinator for a deputy's participation in a year (`xianjie deputy profile`), answered by
/// ``DeputyProfile``.
package struct DeputyProfileQuery: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.deputyProfileQuery"
    package static let schemaName = "bus-deputy-profile-query.v1"
    package static let delivery = DeliveryClass.transient

    /// The deputy's number (`personId` in the participation records).
    package var personId: String
    /// 2000…2999.
    package var year: Int

    package init(personId: String, year: Int) {
        self.personId = personId
        self.year = year
    }
}

/// 履职画像: a deputy's participation in procuratorial work in one year, derived by the coordinator from
/// the participation records and the hearings the deputy served in (DOMAIN.md §4 H).
package struct DeputyProfile: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.deputyProfile"
    package static let schemaName = "bus-deputy-profile.v1"
    package static let delivery = DeliveryClass.transient

    /// One participation, as recorded.
    package struct Entry: Codable, Sendable, Equatable {
        package var recordId: String
        package var activity: ParticipationRecord.Activity
        package var role: ParticipationRecord.Role
        package var date: CalendarDate
        package var subjectId: String?
        /// The agency that recorded it.
        package var source: AgencyID

        package init(
            recordId: String, activity: ParticipationRecord.Activity, role: ParticipationRecord.Role, date: CalendarDate,
            subjectId: String? = nil, source: AgencyID
        ) {
            self.recordId = recordId
            self.activity = activity
            self.role = role
            self.date = date
            self.subjectId = subjectId
            self.source = source
        }
    }

    package var personId: String
    /// As the records name the deputy; absent when there are none.
    package var name: String?
    package var year: Int
    /// How many participations in the year.
    package var total: Int
    /// Count per activity (`ParticipationRecord.Activity` raw values); the coordinator leaves out an activity with none.
    package var byActivity: [String: Int]
    /// Count per role (`ParticipationRecord.Role` raw values); the coordinator leaves out a role with none.
    package var byRole: [String: Int]
    /// Oldest first.
    package var records: [Entry]

    package init(
        personId: String, name: String? = nil, year: Int, total: Int, byActivity: [String: Int], byRole: [String: Int],
        records: [Entry]
    ) {
        self.personId = personId
        self.name = name
        self.year = year
        self.total = total
        self.byActivity = byActivity
        self.byRole = byRole
        self.records = records
    }
}
