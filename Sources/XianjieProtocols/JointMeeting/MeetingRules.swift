import XianjieMessages

/// The joint meeting's quorum rule (DOMAIN.md §4 D), a parameter: by default a principal of the
/// congress side and one of the procuratorate side; a plenary (`plenaryKinds`) also needs the group
/// leader or a delegated deputy leader.
package struct MeetingRules: Codable, Sendable, Hashable {
    /// Kinds that are plenary sessions of the leading group.
    package var plenaryKinds: Set<MeetingKind>
    /// Whether each of the two sides must have a principal present.
    package var principalFromEachSide: Bool

    package init(plenaryKinds: Set<MeetingKind> = [.periodicJoint], principalFromEachSide: Bool = true) {
        self.plenaryKinds = plenaryKinds
        self.principalFromEachSide = principalFromEachSide
    }

    private enum CodingKeys: String, CodingKey { case plenaryKinds, principalFromEachSide }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            plenaryKinds: try c.decodeIfPresent(Set<MeetingKind>.self, forKey: .plenaryKinds) ?? [.periodicJoint],
            principalFromEachSide: try c.decodeIfPresent(Bool.self, forKey: .principalFromEachSide) ?? true)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(plenaryKinds.map(\.rawValue).sorted(), forKey: .plenaryKinds)
        try c.encode(principalFromEachSide, forKey: .principalFromEachSide)
    }

    /// Why `attendees` are not a quorum for a meeting of `kind`, or nil when they are.
    package func quorumProblem(kind: MeetingKind, attendees: [MeetingAttendance.Attendee]) -> String? {
        let leading: Set<MeetingAttendance.Role> = [.principal, .groupLeader, .deputyLeader]
        if principalFromEachSide {
            for side in [MeetingSide.congress, .procuratorate]
            where !attendees.contains(where: { $0.side == side && leading.contains($0.role) }) {
                return "no principal of the \(side.rawValue) side attended"
            }
        }
        if plenaryKinds.contains(kind), !attendees.contains(where: { $0.role == .groupLeader || $0.role == .deputyLeader }) {
            return "a plenary needs the group leader or a delegated deputy leader"
        }
        return nil
    }
}
