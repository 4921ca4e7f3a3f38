/// The kinds of joint meeting (联席会议, DOMAIN.md §4 D).
package enum MeetingKind: String, Codable, Sendable, CaseIterable {
    /// 周例会: the weekly office meeting of the liaison office.
    case weeklyOffice
    /// 月碰头会: the monthly coordination meeting.
    case monthlyCoordination
    /// 定期联席会议: the periodic (plenary) joint meeting of the leading group.
    case periodicJoint
    /// 专题联席会议: a meeting called on one topic.
    case topic
    /// 问题交办会议: a meeting that assigns problems one by one.
    case assignment
}

/// The side a meeting participant speaks for; the minutes are co-signed by the congress and the
/// procuratorate sides (DOMAIN.md §4 D).
package enum MeetingSide: String, Codable, Sendable, CaseIterable {
    case congress, procuratorate, agency, other
}
