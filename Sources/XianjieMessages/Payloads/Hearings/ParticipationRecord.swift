/// 代表参与检察活动档案: one deputy's part in one procuratorial activity, kept by a liaison station, the
/// congress or the procuratorate; the deputy's yearly profile (履职画像) is derived from them (DOMAIN.md §4 H).
package struct ParticipationRecord: MessagePayload {
    package static let messageType: MessageType = "xianjie.participationRecord"
    package static let schemaName = "participation-record.v1"
    package static let delivery = DeliveryClass.durable

    /// The procuratorial activity the deputy took part in.
    package enum Activity: String, Codable, Sendable, CaseIterable {
        /// 线索收集.
        case clueCollection
        /// 咨询.
        case consultation
        /// 听证.
        case hearing
        /// 跟踪观察.
        case trackingObservation
        /// 评议.
        case evaluation
        /// 检察开放日.
        case openDay
        /// 走访.
        case homeVisit
    }

    /// The part the deputy played in it.
    package enum Role: String, Codable, Sendable, CaseIterable {
        /// 听证员.
        case hearingOfficer
        /// 观察员.
        case observer
        /// 志愿者.
        case volunteer
        /// 特邀检察官助理.
        case prosecutorAssistant
        /// 参与者.
        case participant
    }

    /// Unique on the bus; a record sent again under the same id replaces the earlier one.
    package var recordId: String
    /// The deputy; the schema requires `personId` (the deputy number), which identifies them.
    package var deputy: Person
    package var activity: Activity
    package var role: Role
    /// The day of the activity.
    package var date: CalendarDate
    /// The case, hearing, suggestion or clue it concerned, if any.
    package var subjectId: String?
    package var note: String?

    package init(
        recordId: String, deputy: Person, activity: Activity, role: Role, date: CalendarDate, subjectId: String? = nil,
        note: String? = nil
    ) {
        self.recordId = recordId
        self.deputy = deputy
        self.activity = activity
        self.role = role
        self.date = date
        self.subjectId = subjectId
        self.note = note
    }
}
