/// The versions of the bus protocol (`docs/protocol.md` §11), and how a coordinator and a node agree on one.
///
/// A node lists in its hello every version it speaks; the coordinator answers with the highest version both
/// speak. `xianjie/1` is the protocol of the first releases; `xianjie/2` adds, on top of it, the welcome's
/// `protocol` and `softwareVersion` and the node's `xianjie.bus.goodbye`. A node uses what a version adds only
/// once the coordinator has chosen that version, so that nodes and coordinators of neighbouring releases work
/// together on one bus.
package enum BusProtocol {
    /// What this release speaks, oldest first.
    package static let supported = ["xianjie/1", "xianjie/2"]
    /// The version a coordinator is taken to have chosen when its welcome names none (releases before `xianjie/2`).
    package static let original = "xianjie/1"

    /// `xianjie/2` → 2; nil for anything else.
    package static func number(_ version: String) -> Int? {
        guard version.hasPrefix("xianjie/") else { return nil }
        return Int(version.dropFirst("xianjie/".count))
    }

    /// The highest version in both lists; nil when they share none.
    package static func negotiate(offered: [String], supported: [String] = supported) -> String? {
        offered.filter(supported.contains).max { (number($0) ?? 0) < (number($1) ?? 0) }
    }

    /// Whether `version` has what `feature` needs (`version` at least `feature`).
    package static func version(_ version: String, atLeast feature: String) -> Bool {
        (number(version) ?? 0) >= (number(feature) ?? Int.max)
    }
}

/// A node stopping on purpose says so (`xianjie/2`): the coordinator marks it absent at once instead of after
/// `presenceTimeoutMs`, and stops sending it deliveries until it says hello again.
package struct Goodbye: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.goodbye"
    package static let schemaName = "bus-goodbye.v1"
    package static let delivery = DeliveryClass.transient

    /// Why, for the coordinator's log, e.g. `stopping`.
    package var reason: String?

    package init(reason: String? = nil) { self.reason = reason }
}
