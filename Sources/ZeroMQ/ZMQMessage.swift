import Foundation

/// A multipart ZeroMQ message: one `Data` per frame, in order.
///
/// A ROUTER prepends the peer's routing id as the first frame of every message it
/// receives, and takes the first frame of every message it sends as the destination.
package struct ZMQMessage: Sendable, Equatable {
    /// The frames; empty frames are allowed (a message needs at least one frame to be sent).
    package var frames: [Data]
    /// The ZAP user id the connection was authenticated as (libzmq's `User-Id` metadata),
    /// on messages received by a socket that authenticates peers (a CURVE server or a socket
    /// with a `zapDomain`); `nil` otherwise. Ignored when sending.
    package var userID: String?

    package init(frames: [Data], userID: String? = nil) {
        self.frames = frames
        self.userID = userID
    }

    /// A message from byte arrays.
    package init(_ frames: [[UInt8]]) { self.frames = frames.map { Data($0) } }

    /// A message from UTF-8 strings (handy in tests and for topics).
    package init(strings: [String]) { self.frames = strings.map { Data($0.utf8) } }

    /// Total payload bytes over all frames.
    package var byteCount: Int { frames.reduce(0) { $0 + $1.count } }
}
