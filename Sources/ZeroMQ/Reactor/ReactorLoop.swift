import CLibZMQ

#if canImport(Glibc)
    import Glibc
#endif

/// One socket as the reactor thread sees it.
final class LoopSocket {
    let handle: ZMQSocketHandle
    let raw: UnsafeMutableRawPointer
    /// Messages waiting for `POLLOUT` (non-ROUTER sockets that returned `EAGAIN`), from `head`.
    var backlog: [PendingSend] = []
    var backlogHead = 0
    /// Reading stopped because the consumer is `inboundLimit` messages (or bytes) behind.
    var inputPaused = false
    /// The last `POLLOUT` flush made no progress; skip `POLLOUT` for one short poll.
    var polloutBackoff = false
    /// On a monitored socket: the PAIR receiving its events (``ZMQReactor/monitor(_:events:)``).
    var monitor: LoopSocket?
    /// On a monitor PAIR: where its decoded events go. Such a socket is never paused.
    var monitorSink: AsyncStream<ZMQMonitorEvent>.Continuation?

    init(handle: ZMQSocketHandle, raw: UnsafeMutableRawPointer) {
        self.handle = handle
        self.raw = raw
    }

    var hasBacklog: Bool { backlogHead < backlog.count }
}

/// A message queued on a socket, with whoever waits for its outcome.
struct PendingSend {
    let message: ZMQMessage
    let completion: SendCompletion?
}

/// The reactor thread's state and loop. Created on, used on, and dropped on that thread only.
///
/// Each iteration: take the queued commands (or announce sleep when there are none),
/// resume sockets whose consumer caught up, run the commands, then `zmq_poll` the sockets
/// and the eventfd — without sleeping when commands were just run, since more may follow —
/// and drain every readable socket and flush every writable backlog.
final class ReactorLoop {
    let core: ReactorCore
    let executor: ReactorExecutor
    let batchLimit: Int
    let idleSpinNanoseconds: UInt64
    /// Frames at least this large are wrapped without copying (the `zmq_msg_t` is kept
    /// alive by the `Data`); smaller ones are copied once, which is cheaper than the
    /// extra allocations.
    let zeroCopyThreshold = 16 * 1024

    var sockets: [Int: LoopSocket] = [:]
    /// Sockets in adoption order: the poll order.
    var order: [LoopSocket] = []
    var commands: [ReactorCommand] = []
    var jobs: [UnownedJob] = []
    var items: [zmq_pollitem_t] = []
    var itemOwners: [LoopSocket?] = []
    var pausedCount = 0
    /// libzmq reported `ETERM`: the context was shut down, so the loop must close everything.
    var contextTerminated = false
    /// One reusable message for receiving, heap-allocated so it is never copied by value.
    let scratch: UnsafeMutablePointer<zmq_msg_t>

    init(core: ReactorCore, executor: ReactorExecutor, batchLimit: Int, idleSpin: Duration) {
        self.core = core
        self.executor = executor
        self.batchLimit = max(1, batchLimit)
        let (seconds, attoseconds) = idleSpin.components
        idleSpinNanoseconds = UInt64(clamping: max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        scratch = .allocate(capacity: 1)
        zmq_msg_init(scratch)
    }

    deinit {
        zmq_msg_close(scratch)
        scratch.deallocate()
    }

    /// Runs until shutdown is requested or the context is terminated, then closes every socket.
    ///
    /// With an `idleSpin` budget, an idle loop keeps polling without sleeping for that long
    /// after its last activity before it announces sleep: a reply that the application
    /// sends within the budget then costs no eventfd write and no thread wake-up.
    func run() {
        var idleSince: UInt64?
        while true {
            let mayAnnounceSleep: Bool
            if idleSpinNanoseconds == 0 {
                mayAnnounceSleep = true
            } else if let idleSince {
                mayAnnounceSleep = monotonicNanoseconds() &- idleSince >= idleSpinNanoseconds
            } else {
                mayAnnounceSleep = false
            }
            let step = core.take(into: &commands, jobs: &jobs, mayAnnounceSleep: mayAnnounceSleep)
            if step == .stop { break }
            if pausedCount > 0 { resumeCaughtUpSockets() }
            for command in commands { execute(command) }
            commands.removeAll(keepingCapacity: true)
            for job in jobs { executor.run(job) }
            jobs.removeAll(keepingCapacity: true)
            if contextTerminated { break }
            let active = poll(sleep: step == .idle)
            if step == .idle { core.markAwake() }
            if contextTerminated { break }
            if step == .work || active {
                idleSince = nil
            } else if idleSince == nil {
                idleSince = monotonicNanoseconds()
            }
        }
        finish()
    }

    /// Polls once; `true` when a socket had an event.
    @discardableResult
    private func poll(sleep: Bool) -> Bool {
        rebuildPollItems()
        var backoff = false
        for socket in order where socket.polloutBackoff {
            backoff = true
            socket.polloutBackoff = false
        }
        let timeout = sleep ? (backoff ? 1 : -1) : 0
        let count = zmq_poll(&items, Int32(items.count), timeout)
        if count < 0 {
            if zmq_errno() == ETERM { contextTerminated = true }
            return false
        }
        guard count > 0 else { return false }
        var signalled = false
        if items[0].revents & Int16(ZMQ_POLLIN) != 0 {
            core.drainSignal()
            signalled = true
        }
        for index in 1..<items.count where items[index].revents != 0 {
            guard let socket = itemOwners[index] else { continue }
            let revents = items[index].revents
            if revents & Int16(ZMQ_POLLOUT) != 0 { flushBacklog(socket) }
            if revents & Int16(ZMQ_POLLIN) != 0, !socket.inputPaused {
                if socket.monitorSink != nil { drainMonitor(socket, limit: batchLimit) } else { drainInput(socket) }
            }
        }
        return count > (signalled ? 1 : 0)
    }

    private func rebuildPollItems() {
        items.removeAll(keepingCapacity: true)
        itemOwners.removeAll(keepingCapacity: true)
        items.append(zmq_pollitem_t(socket: nil, fd: core.eventFD, events: Int16(ZMQ_POLLIN), revents: 0))
        itemOwners.append(nil)
        for socket in order {
            var events: Int16 = 0
            if socket.handle.type.receives, !socket.inputPaused { events |= Int16(ZMQ_POLLIN) }
            if socket.hasBacklog, !socket.polloutBackoff { events |= Int16(ZMQ_POLLOUT) }
            guard events != 0 else { continue }
            items.append(zmq_pollitem_t(socket: socket.raw, fd: 0, events: events, revents: 0))
            itemOwners.append(socket)
        }
    }

    private func resumeCaughtUpSockets() {
        for socket in order where socket.inputPaused && !socket.handle.inbound.gate.isPaused {
            socket.inputPaused = false
            pausedCount -= 1
        }
    }

    private func execute(_ command: ReactorCommand) {
        switch command {
        case .adopt(let handle, let raw):
            let socket = LoopSocket(handle: handle, raw: raw.pointer)
            sockets[handle.id] = socket
            order.append(socket)
        case .send(let handle, let message, let completion):
            guard let socket = sockets[handle.id] else {
                report(
                    PendingSend(message: message, completion: completion), on: handle,
                    .socketClosed("zmq_msg_send", handle.description))
                return
            }
            send(PendingSend(message: message, completion: completion), on: socket)
        case .subscribe(let handle, let topic, let on):
            guard let socket = sockets[handle.id] else { return }
            let option = on ? ZMQ_SUBSCRIBE : ZMQ_UNSUBSCRIBE
            try? RawSocket(pointer: socket.raw).set(option, bytes: topic, on ? "ZMQ_SUBSCRIBE" : "ZMQ_UNSUBSCRIBE")
        case .close(let handle):
            guard let socket = sockets.removeValue(forKey: handle.id) else { return }
            stopMonitor(on: socket)
            order.removeAll { $0 === socket }
            if socket.inputPaused { pausedCount -= 1 }
            close(socket, reason: .socketClosed("zmq_msg_send", handle.description))
        case .monitor(let request):
            startMonitor(request)
        case .stopMonitor(let handle, let pairID):
            guard let socket = sockets[handle.id], let monitor = socket.monitor else { return }
            if let pairID, monitor.handle.id != pairID { return }
            stopMonitor(on: socket)
        }
    }

    /// Reports unsent messages, ends the streams and closes the libzmq socket.
    func close(_ socket: LoopSocket, reason: ZMQError) {
        for pending in socket.backlog[socket.backlogHead...] { report(pending, on: socket.handle, reason) }
        socket.backlog.removeAll()
        socket.backlogHead = 0
        socket.handle.finishStreams()
        zmq_close(socket.raw)
        core.context.socketClosed()
    }

    private func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// Shutdown: refuse new commands, settle the queued ones, close every socket.
    private func finish() {
        core.markStopped(takingRemainingInto: &commands, jobs: &jobs)
        // Sends first, so their failures reach streams that are still open.
        for case .send(let handle, let message, let completion) in commands {
            report(
                PendingSend(message: message, completion: completion), on: handle,
                .reactorShutDown("zmq_msg_send", handle.description))
        }
        for case .adopt(let handle, let raw) in commands {
            handle.finishStreams()
            zmq_close(raw.pointer)
            core.context.socketClosed()
        }
        for case .monitor(let request) in commands {
            abandon(request, .reactorShutDown("zmq_socket_monitor", request.target.description))
        }
        commands.removeAll()
        // Monitors first: each stops cleanly (its last events delivered) and takes its PAIR
        // out of `order`.
        for socket in order where socket.monitor != nil { stopMonitor(on: socket) }
        for socket in order {
            close(socket, reason: .reactorShutDown("zmq_msg_send", socket.handle.description))
        }
        order.removeAll()
        sockets.removeAll()
        for job in jobs { executor.forward(job) }
        jobs.removeAll()
        core.markExited()
    }

    /// Delivers a send's failure: to its waiter, or else to the socket's failure stream.
    func report(_ pending: PendingSend, on handle: ZMQSocketHandle, _ error: ZMQError) {
        if let completion = pending.completion {
            completion.resume(returning: .failure(error))
        } else {
            handle.failureContinuation.yield(ZMQSendFailure(message: pending.message, error: error))
        }
    }
}
