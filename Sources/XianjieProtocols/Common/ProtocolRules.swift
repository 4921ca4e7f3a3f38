import Foundation
import XianjieMessages

/// The configuration every state machine consults: calendar, deadlines, transfer scope, meetings and
/// congress escalation.
package struct ProtocolRules: Codable, Sendable, Hashable {
    package var calendar: WorkingDayCalendar
    package var deadlines: DeadlineParameters
    package var scope: ScopeScreening
    package var meetings: MeetingRules
    package var escalation: EscalationRules
    /// The calendar's time zone (UTC offset in minutes) for instants documents carry; the coordinator
    /// sets it from its clock configuration.
    package var utcOffsetMinutes = 480

    package init(
        calendar: WorkingDayCalendar = WorkingDayCalendar(),
        deadlines: DeadlineParameters = DeadlineParameters(),
        scope: ScopeScreening = ScopeScreening(),
        meetings: MeetingRules = MeetingRules(),
        escalation: EscalationRules = EscalationRules()
    ) {
        self.calendar = calendar
        self.deadlines = deadlines
        self.scope = scope
        self.meetings = meetings
        self.escalation = escalation
    }

    private enum CodingKeys: String, CodingKey { case calendar, deadlines, scope, meetings, escalation }

    /// The calendar day of an instant in this calendar's time zone.
    package func day(of date: Date) -> CalendarDate {
        let seconds = date.timeIntervalSince1970 + Double(utcOffsetMinutes * 60)
        return GregorianDay(ordinal: Int((seconds / 86_400).rounded(.down))).calendarDate
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            calendar: try c.decodeIfPresent(WorkingDayCalendar.self, forKey: .calendar) ?? WorkingDayCalendar(),
            deadlines: try c.decodeIfPresent(DeadlineParameters.self, forKey: .deadlines) ?? DeadlineParameters(),
            scope: try c.decodeIfPresent(ScopeScreening.self, forKey: .scope) ?? ScopeScreening(),
            meetings: try c.decodeIfPresent(MeetingRules.self, forKey: .meetings) ?? MeetingRules(),
            escalation: try c.decodeIfPresent(EscalationRules.self, forKey: .escalation) ?? EscalationRules()
        )
    }
}
