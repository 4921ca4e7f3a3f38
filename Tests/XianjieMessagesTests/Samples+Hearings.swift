import Foundation
import XianjieMessages

/// Samples of the hearing and deputy-participation documents (DOMAIN.md §4 H) and the coordinator's
/// profile query: the public hearing on the hard issues of the Tang river (汤河“四乱”: 乱占, 乱采, 乱堆, 乱建)
/// case, six deputies sitting as hearing officers, and the participation records of the county's deputies
/// (DOMAIN.md §5: 20 as volunteers or observers, 6 as hearing officers, 2 as invited prosecutor assistants)
/// that roll up into a deputy's yearly profile (履职画像). One value per enum case.
extension Samples {
    static let tangCase = "case-2024-30"
    static let tangHearing = "hearing-2024-30-1"

    /// The six deputies drawn from the pool as hearing officers (听证员).
    static let hearingOfficers: [Person] = [
        person,
        deputyLiu,
        Person(name: "李建华", personId: "HTB-D-023", role: "县人大代表"),
        Person(name: "马秀英", personId: "HTB-D-041", role: "县人大代表"),
        Person(name: "艾力·买买提", personId: "HTB-D-056", role: "县人大代表"),
        Person(name: "张海燕", personId: "HTB-D-078", role: "县人大代表"),
    ]

    /// The notices and the record of the hearing.
    static let hearingDocuments: [any MessagePayload] = [
        HearingNotice(
            hearingId: tangHearing, caseId: tangCase, title: "汤河“四乱”整治中历史遗留违建拆除与采砂坑回填责任认定公开听证",
            place: "呼图壁县人民检察院检察听证室", startsAt: Timestamp.parse("2024-09-25T02:00:00Z")!,
            hearingOfficers: hearingOfficers, announcedAt: Timestamp.parse("2024-09-18T02:00:00Z")!,
            attachments: [attachment]),
        // A second hearing, called on the spot: one officer, no material attached.
        HearingNotice(
            hearingId: "hearing-2024-30-2", caseId: tangCase, title: "汤河河道堆放建筑垃圾清运费用分担公开听证",
            place: "二道河子镇人大代表联络站", startsAt: Timestamp.parse("2024-10-28T02:30:00Z")!,
            hearingOfficers: [Person(name: "李建华", personId: "HTB-D-023")],
            announcedAt: Timestamp.parse("2024-10-21T03:00:00Z")!),
        HearingRecord(
            hearingId: tangHearing, caseId: tangCase, heldAt: Timestamp.parse("2024-09-25T02:00:00Z")!,
            opinions: [
                .init(officer: hearingOfficers[0], opinion: "汤河沿岸违建已存续多年，县水利局负有河道管理法定职责，建议向其发出诉前检察建议，限期拆除。"),
                .init(officer: hearingOfficers[1], opinion: "采砂坑回填应由自然资源部门牵头，水利部门配合，建议在检察建议中写明牵头与配合单位。"),
                .init(officer: hearingOfficers[2], opinion: "同意制发检察建议，并建议将整改情况纳入人大代表跟踪观察。"),
                .init(officer: hearingOfficers[3], opinion: "沿岸群众反映强烈，建议同步督促乡镇落实河长制巡河责任。"),
                .init(officer: hearingOfficers[4], opinion: "同意。对历史遗留违建，建议区分情况、分步拆除，兼顾沿岸农户生计。"),
                .init(officer: hearingOfficers[5], opinion: "同意制发检察建议；逾期不整改的，支持依法提起行政公益诉讼。"),
            ],
            summary: "六名听证员一致认为县水利局未依法全面履行河道监管职责，同意向其制发诉前检察建议，督促拆除沿岸违建、回填采砂坑、清运堆积物，并由人大代表跟踪观察整改。",
            attachments: [attachment]),
    ]

    /// One record per activity and per role: what the stations, the congress and the procuratorate keep.
    static let participationRecords: [any MessagePayload] = [
        ParticipationRecord(
            recordId: "PR-2024-0412", deputy: person, activity: .clueCollection, role: .volunteer,
            date: day("2024-08-16"), subjectId: "clue-2024-0902",
            note: "作为公益诉讼志愿者沿汤河巡查，发现并拍照记录乱堆建筑垃圾点位7处，经联络站报送检察院。"),
        ParticipationRecord(
            recordId: "PR-2024-0503", deputy: hearingOfficers[3], activity: .hearing, role: .hearingOfficer,
            date: day("2024-09-25"), subjectId: tangHearing, note: "担任汤河“四乱”公开听证听证员，发表听证意见。"),
        ParticipationRecord(
            recordId: "PR-2024-0527", deputy: hearingOfficers[2], activity: .trackingObservation, role: .observer,
            date: day("2024-10-20"), subjectId: tangCase, note: "跟踪观察汤河沿岸违建拆除进度，现场核对整改台账。"),
        ParticipationRecord(
            recordId: "PR-2024-0531", deputy: Person(name: "周立新", personId: "HTB-D-009", role: "县人大代表（律师）"),
            activity: .consultation, role: .prosecutorAssistant, date: day("2024-09-10"), subjectId: tangCase,
            note: "作为特邀检察官助理，就采砂坑回填责任划分提供法律咨询意见。"),
        ParticipationRecord(
            recordId: "PR-2024-0560", deputy: Person(name: "韩桂兰", personId: "HTB-D-064", role: "县人大代表"),
            activity: .evaluation, role: .prosecutorAssistant, date: day("2024-11-12"), subjectId: "呼检行公建〔2024〕30号",
            note: "作为特邀检察官助理参与检察建议质量评议。"),
        ParticipationRecord(
            recordId: "PR-2024-0588", deputy: person, activity: .openDay, role: .participant, date: day("2024-11-08"),
            note: "参加“检察开放日”活动，旁听公益诉讼案件办理情况通报。"),
        ParticipationRecord(
            recordId: "PR-2024-0602", deputy: deputyLiu, activity: .homeVisit, role: .volunteer, date: day("2024-11-15"),
            subjectId: tangCase, note: "随检察官走访汤河沿岸农户，了解违建拆除后的安置情况。"),
        ParticipationRecord(
            recordId: "PR-2024-0611", deputy: Person(name: "马秀英", personId: "HTB-D-041"), activity: .trackingObservation,
            role: .observer, date: day("2024-11-20")),
    ]

    /// `xianjie deputy profile HTB-D-017 --year 2024` and the coordinator's answers.
    static let deputyProfileQueries: [any MessagePayload] = [
        DeputyProfileQuery(personId: person.personId!, year: 2024),
        DeputyProfile(
            personId: person.personId!, name: person.name, year: 2024, total: 4,
            byActivity: ["clueCollection": 1, "hearing": 1, "trackingObservation": 1, "openDay": 1],
            byRole: ["volunteer": 1, "hearingOfficer": 1, "observer": 1, "participant": 1],
            records: [
                .init(
                    recordId: "PR-2024-0412", activity: .clueCollection, role: .volunteer, date: day("2024-08-16"),
                    subjectId: "clue-2024-0902", source: "hutubi.station.erdaohe"),
                .init(
                    recordId: "\(tangHearing)/\(person.personId!)", activity: .hearing, role: .hearingOfficer,
                    date: day("2024-09-25"), subjectId: tangCase, source: "hutubi.procuratorate"),
                .init(
                    recordId: "PR-2024-0529", activity: .trackingObservation, role: .observer, date: day("2024-10-20"),
                    subjectId: tangCase, source: "hutubi.congress"),
                .init(
                    recordId: "PR-2024-0588", activity: .openDay, role: .participant, date: day("2024-11-08"),
                    source: "hutubi.procuratorate"),
            ]),
        // A deputy with no participation recorded in the year.
        DeputyProfile(personId: "HTB-D-101", year: 2024, total: 0, byActivity: [:], byRole: [:], records: []),
    ]

    static let hearings: [any MessagePayload] = hearingDocuments + participationRecords + deputyProfileQueries
}
