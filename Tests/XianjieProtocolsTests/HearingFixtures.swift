import XianjieMessages

@testable import XianjieProtocols

/// Drives a public hearing in a case's investigation (听证, DOMAIN.md §4 H) to each state: announced on
/// 2024-10-14 for 10-17 (3 days ahead) with three deputies as hearing officers, each giving an opinion.
enum HearingFixture {
    typealias Event = HearingProcess.Event
    typealias State = HearingProcess.State
    typealias Opinion = HearingRecord.Opinion

    static let hearingId = "TZ-2024-07"
    static let caseId = "C-2024-05"
    static let date = day("2024-10-14")
    static let startsOn = day("2024-10-17")
    static let chief = ProtocolActor(role: .procuratorate, agency: "hutubi.procuratorate")

    static let officers = [
        Person(name: "李建华", personId: "D-023"),
        Person(name: "马秀兰", personId: "D-031"),
        Person(name: "艾力·买买提", personId: "D-047"),
    ]
    static let opinions = officers.map { Opinion(officer: $0, opinion: "\($0.name): 建议督促整改机井, 回头看") }

    static var proposed: HearingProcess { HearingProcess(hearingId: hearingId, caseId: caseId) }

    /// The steps, in order, from `proposed`: the notice on `date`, the hearing on the day it announced.
    static func steps(to state: State) -> [(Event, ProtocolActor, CalendarDate)] {
        let path: [(Event, ProtocolActor, CalendarDate)] = [
            (.announce(startsOn: startsOn, officers: officers), chief, date),
            (.convene, chief, startsOn),
            (.recordOpinions(opinions), chief, startsOn),
            (.close, chief, startsOn),
        ]
        let count: Int =
            switch state {
            case .proposed: 0
            case .prepared: 1
            case .convened: 2
            case .opinions: 3
            case .closed: 4
            }
        return Array(path.prefix(count))
    }

    static func process(in state: State) throws -> HearingProcess {
        var hearing = proposed
        for (event, actor, day) in steps(to: state) {
            _ = try hearing.received(event, at: day, by: actor, rules: rules2024)
        }
        return hearing
    }
}
