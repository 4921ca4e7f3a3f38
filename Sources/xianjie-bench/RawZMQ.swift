import CLibZMQ
import Foundation

/// The same transports driven by raw libzmq calls on plain threads: the baseline the bus is compared to.
enum RawZMQ {
    static func check(_ result: Int32, _ what: String) {
        if result < 0 { fatalError("\(what): \(String(cString: zmq_strerror(xj_errno())))") }
    }

    static func socket(_ context: UnsafeMutableRawPointer, _ type: Int32, identity: String? = nil) -> UnsafeMutableRawPointer {
        let socket = zmq_socket(context, type)!
        var zero: Int32 = 0
        check(zmq_setsockopt(socket, ZMQ_SNDHWM, &zero, 4), "sndhwm")
        check(zmq_setsockopt(socket, ZMQ_RCVHWM, &zero, 4), "rcvhwm")
        check(zmq_setsockopt(socket, ZMQ_LINGER, &zero, 4), "linger")
        if let identity {
            let bytes = Array(identity.utf8)
            check(zmq_setsockopt(socket, ZMQ_ROUTING_ID, bytes, bytes.count), "routing id")
        }
        return socket
    }

    static func endpoint(_ socket: UnsafeMutableRawPointer) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, &buffer, &size), "last endpoint")
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func send(_ socket: UnsafeMutableRawPointer, _ frames: [[UInt8]]) {
        for (index, frame) in frames.enumerated() {
            let flags = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            check(frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, frame.count, flags) }, "send")
        }
    }

    static func receive(_ socket: UnsafeMutableRawPointer) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        while true {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            check(zmq_msg_recv(&message, socket, 0), "recv")
            let size = zmq_msg_size(&message)
            let bytes = [UInt8](UnsafeRawBufferPointer(start: zmq_msg_data(&message), count: size))
            let more = zmq_msg_more(&message) != 0
            zmq_msg_close(&message)
            frames.append(bytes)
            if !more { return frames }
        }
    }

    /// A DEALER → ROUTER relay → DEALER path, like a node → coordinator → node, with no storage.
    final class Relay: @unchecked Sendable {
        let context = zmq_ctx_new()!
        let router: UnsafeMutableRawPointer
        let a: UnsafeMutableRawPointer
        let b: UnsafeMutableRawPointer
        var thread: Thread?

        init() {
            router = RawZMQ.socket(context, ZMQ_ROUTER)
            var one: Int32 = 1
            check(zmq_setsockopt(router, ZMQ_ROUTER_MANDATORY, &one, 4), "mandatory")
            check(zmq_bind(router, "tcp://127.0.0.1:*"), "bind")
            let endpoint = RawZMQ.endpoint(router)
            a = RawZMQ.socket(context, ZMQ_DEALER, identity: "a")
            b = RawZMQ.socket(context, ZMQ_DEALER, identity: "b")
            check(zmq_connect(a, endpoint), "connect")
            check(zmq_connect(b, endpoint), "connect")
            // Both introduce themselves so the router can address them.
            RawZMQ.send(a, [[0]])
            RawZMQ.send(b, [[0]])
            _ = RawZMQ.receive(router)
            _ = RawZMQ.receive(router)
            let router = SocketPointer(self.router)
            thread = Thread {
                // Forward [from, dest, payload] to dest as [from, payload]; stop on an empty payload.
                while true {
                    let frames = RawZMQ.receive(router.pointer)
                    guard frames.count == 3 else { continue }
                    RawZMQ.send(router.pointer, [frames[1], frames[0], frames[2]])
                    if frames[2].isEmpty { return }
                }
            }
            thread?.start()
        }

        func close() {
            RawZMQ.send(a, [Array("b".utf8), []])
            _ = RawZMQ.receive(b)
            for socket in [a, b, router] { zmq_close(socket) }
            zmq_ctx_term(context)
        }
    }

    /// Messages per second from a to b through the relay.
    static func relayThroughput(count: Int, size: Int) -> Double {
        let relay = Relay()
        defer { relay.close() }
        let payload = [UInt8](repeating: 0x61, count: size)
        let sender = Thread {
            for _ in 0..<count { RawZMQ.send(relay.a, [Array("b".utf8), payload]) }
        }
        let start = ContinuousClock.now
        sender.start()
        for _ in 0..<count { _ = RawZMQ.receive(relay.b) }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    /// Round trips a → b → a through the relay, one at a time; durations in microseconds.
    static func relayRoundTrips(count: Int, size: Int) -> [Double] {
        let relay = Relay()
        defer { relay.close() }
        let payload = [UInt8](repeating: 0x61, count: size)
        let echo = Thread {
            for _ in 0..<count {
                let frames = RawZMQ.receive(relay.b)
                RawZMQ.send(relay.b, [frames[0], frames[1]])
            }
        }
        echo.start()
        var samples: [Double] = []
        for _ in 0..<count {
            let start = ContinuousClock.now
            RawZMQ.send(relay.a, [Array("b".utf8), payload])
            _ = RawZMQ.receive(relay.a)
            samples.append((ContinuousClock.now - start).microseconds)
        }
        return samples
    }

    /// PUB → SUB messages per second, no high-water mark.
    static func pubSubThroughput(count: Int, size: Int) -> Double {
        let context = zmq_ctx_new()!
        let publisher = socket(context, ZMQ_PUB)
        check(zmq_bind(publisher, "tcp://127.0.0.1:*"), "bind")
        let subscriber = socket(context, ZMQ_SUB)
        check(zmq_setsockopt(subscriber, ZMQ_SUBSCRIBE, "", 0), "subscribe")
        check(zmq_connect(subscriber, endpoint(publisher)), "connect")
        Thread.sleep(forTimeInterval: 0.3)
        let payload = [UInt8](repeating: 0x61, count: size)
        let pointer = SocketPointer(publisher)
        let sender = Thread {
            for _ in 0..<count { RawZMQ.send(pointer.pointer, [Array("t".utf8), payload]) }
        }
        let start = ContinuousClock.now
        sender.start()
        for _ in 0..<count { _ = receive(subscriber) }
        let rate = Double(count) / (ContinuousClock.now - start).seconds
        zmq_close(publisher)
        zmq_close(subscriber)
        zmq_ctx_term(context)
        return rate
    }
}

/// A socket pointer handed to exactly one other thread, which alone uses it from then on.
struct SocketPointer: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var microseconds: Double { seconds * 1e6 }
}
