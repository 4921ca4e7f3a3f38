import CLibZMQ
import Foundation

/// Receiving and sending on the reactor thread.
extension ReactorLoop {
    private enum SendOutcome {
        case sent
        case wouldBlock
        case failed(ZMQError)
    }

    /// Reads every message currently readable (up to `batchLimit`) and yields them as one
    /// batch. `zmq_poll` re-checks `ZMQ_EVENTS` on every call, so whatever is left after
    /// the cap is picked up on the next iteration.
    func drainInput(_ socket: LoopSocket) {
        var messages: [ZMQMessage] = []
        var bytes = 0
        while messages.count < batchLimit, let message = receive(socket) {
            messages.append(message)
            bytes += message.byteCount
        }
        guard !messages.isEmpty else { return }
        let batch = InboundBatch(messages: messages, bytes: bytes)
        if socket.handle.inbound.gate.produced(batch), !socket.inputPaused {
            socket.inputPaused = true
            pausedCount += 1
        }
        socket.handle.inboundContinuation.yield(batch)
    }

    /// One whole multipart message, or `nil` when nothing (more) is readable.
    func receive(_ socket: LoopSocket) -> ZMQMessage? {
        var frames: [Data] = []
        var userID: String?
        while true {
            let rc = zmq_msg_recv(scratch, socket.raw, ZMQ_DONTWAIT)
            if rc < 0 {
                let error = zmq_errno()
                if error == EINTR { continue }
                if error == ETERM { contextTerminated = true }
                // EAGAIN before the first frame: drained. A multipart message arrives whole,
                // so later frames cannot be missing; keep what arrived if it ever happens.
                return frames.isEmpty ? nil : ZMQMessage(frames: frames, userID: userID)
            }
            // Read flag and metadata first: taking a large frame moves it out of `scratch`.
            // A ROUTER's routing-id frame has no metadata; the peer's frames do.
            let more = zmq_msg_more(scratch) != 0
            if userID == nil, socket.handle.readsUserID, let value = zmq_msg_gets(scratch, "User-Id") {
                userID = String(cString: value)
            }
            frames.append(takeFrame())
            if !more { return ZMQMessage(frames: frames, userID: userID) }
        }
    }

    /// The scratch message's payload as `Data`: copied once when small; when large, moved
    /// into its own heap `zmq_msg_t` that the `Data` releases (no copy).
    private func takeFrame() -> Data {
        let size = zmq_msg_size(scratch)
        guard size > 0 else { return Data() }
        guard size >= zeroCopyThreshold else {
            return Data(bytes: zmq_msg_data(scratch), count: size)
        }
        let owned = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
        zmq_msg_init(owned)
        zmq_msg_move(owned, scratch)
        let address = UInt(bitPattern: owned)
        return Data(
            bytesNoCopy: zmq_msg_data(owned), count: size,
            deallocator: .custom { _, _ in
                let message = UnsafeMutablePointer<zmq_msg_t>(bitPattern: address)!
                zmq_msg_close(message)
                message.deallocate()
            })
    }

    /// Sends now, or queues behind earlier messages still waiting for `POLLOUT`.
    func send(_ pending: PendingSend, on socket: LoopSocket) {
        if socket.hasBacklog {
            socket.backlog.append(pending)
            return
        }
        switch attempt(pending.message, on: socket) {
        case .sent:
            pending.completion?.resume(returning: .success(()))
        case .wouldBlock:
            socket.backlog.append(pending)
        case .failed(let error):
            report(pending, on: socket.handle, error)
        }
    }

    /// Sends queued messages in order until libzmq pushes back again.
    func flushBacklog(_ socket: LoopSocket) {
        let start = socket.backlogHead
        while socket.hasBacklog {
            let pending = socket.backlog[socket.backlogHead]
            let outcome = attempt(pending.message, on: socket)
            if case .wouldBlock = outcome { break }
            socket.backlogHead += 1
            switch outcome {
            case .sent: pending.completion?.resume(returning: .success(()))
            case .failed(let error): report(pending, on: socket.handle, error)
            case .wouldBlock: break
            }
        }
        if socket.backlogHead == start { socket.polloutBackoff = true }
        if !socket.hasBacklog {
            socket.backlog.removeAll(keepingCapacity: socket.backlog.count <= 4096)
            socket.backlogHead = 0
        } else if socket.backlogHead > 1024, socket.backlogHead * 2 > socket.backlog.count {
            socket.backlog.removeFirst(socket.backlogHead)
            socket.backlogHead = 0
        }
    }

    /// One non-blocking send of every frame.
    ///
    /// `EAGAIN` on the first frame means no room: a ROUTER drops the message (reported as
    /// a failure; its peer is slow or gone and the application redelivers), other sockets
    /// wait for `POLLOUT`. libzmq accepts the remaining frames of a message whose first
    /// frame it took; should one still fail (peer pipe torn down mid-message) the rest are
    /// pushed through anyway, so libzmq leaves its dropping state and the next message
    /// starts clean, and the failure is reported.
    private func attempt(_ message: ZMQMessage, on socket: LoopSocket) -> SendOutcome {
        let frames = message.frames
        guard !frames.isEmpty else {
            return .failed(.invalidArgument("zmq_msg_send", "a message needs at least one frame"))
        }
        var failure: ZMQError?
        for (index, frame) in frames.enumerated() {
            let last = index == frames.count - 1
            let flags = ZMQ_DONTWAIT | (last ? 0 : ZMQ_SNDMORE)
            var rc: Int32
            repeat {
                rc = frame.withUnsafeBytes { zmq_send(socket.raw, $0.baseAddress, $0.count, flags) }
            } while rc < 0 && zmq_errno() == EINTR
            guard rc < 0 else { continue }
            let error = zmq_errno()
            if error == ETERM { contextTerminated = true }
            if index == 0 {
                if error == EAGAIN && socket.handle.type != .router { return .wouldBlock }
                return .failed(.init(errno: error, operation: "zmq_msg_send", target: socket.handle.description))
            }
            if failure == nil {
                failure = .init(errno: error, operation: "zmq_msg_send", target: socket.handle.description)
            }
        }
        return failure.map { .failed($0) } ?? .sent
    }
}
