import Foundation
import XianjieMessages

/// What the coordinator knows of one node: presence and where its queue stands.
struct NodeState {
    var present = false
    var lastSeen: ContinuousClock.Instant?
    var lastSeenWall: Date?
    var lastSeenPersisted: Date?
    /// The newest queue position assigned to the node.
    var queueTail: Int64 = 0
    /// Every delivery up to here is applied by the node.
    var ackedThrough: Int64 = 0
    /// Every delivery up to here has been sent (since the last reset).
    var sentThrough: Int64 = 0
    /// When the acknowledgements last moved (or the window was last (re)sent).
    var lastProgress: ContinuousClock.Instant = .now
    var kind: String?
    var softwareVersion: String?
    /// The bus protocol agreed at the last hello (``BusProtocol``).
    var protocolVersion: String?
    var lastResumeSent: ContinuousClock.Instant?

    var inFlight: Int64 { sentThrough - ackedThrough }
    var queueDepth: Int64 { queueTail - ackedThrough }
}
