import CLibZMQ
import Synchronization

/// Owns ZeroMQ sockets on one dedicated OS thread and bridges them to Swift concurrency.
///
/// libzmq sockets are not thread-safe, so every socket of a reactor lives on the reactor's
/// thread, which runs a `zmq_poll` loop over the sockets plus an eventfd. Other threads
/// never touch a socket: they queue work (``send(_:on:)``, ``subscribe(_:topic:)``,
/// ``close(_:)``) under a `Mutex`, and write the eventfd only when the reactor is asleep.
///
/// - Inbound: ``messages(_:)`` yields batches of every message that was readable at once,
///   bounded by `inboundLimit` unconsumed messages and `inboundByteLimit` bytes per socket
///   (then the reactor stops reading that socket, and libzmq's high-water marks push back
///   on the peers).
/// - Outbound: ``send(_:on:)`` never blocks. A ROUTER that cannot send (unknown peer with
///   ROUTER_MANDATORY, or a full peer) reports the message on ``sendFailures(_:)`` and drops
///   it; other socket types keep it queued, in order, until libzmq has room.
/// - Setup: ``addSocket(_:options:bind:connect:)`` configures, binds and connects on the
///   calling thread, in call order, then hands the socket over (libzmq allows moving a socket
///   between threads across a memory barrier). So a ZAP handler socket added first is bound
///   before any server socket added after it.
///
/// - Monitoring: ``monitor(_:events:)`` reports a socket's connections, disconnections and
///   handshake failures as ``ZMQMonitorEvent``s.
///
/// Nothing here blocks the cooperative thread pool except the synchronous ``shutdown()``,
/// which joins the thread (a few milliseconds at most with `linger` 0) — async code can use
/// `await shutdown()` instead — and ``monitor(_:events:)``, which waits for one loop
/// iteration of the reactor thread to start the monitor.
package final class ZMQReactor: Sendable {
    package let name: String
    package let context: ZMQContext
    let core: ReactorCore
    private let reactorExecutor: ReactorExecutor
    private let inboundLimit: Int
    private let inboundByteLimit: Int
    private let failureBufferLimit: Int
    private let thread: Mutex<ReactorThread?>

    /// Starts a reactor thread.
    /// - Parameters:
    ///   - context: the context its sockets belong to (kept alive by the reactor).
    ///   - name: names the thread (first 15 bytes) and appears in error messages.
    ///   - inboundLimit: received-but-unconsumed messages per socket before reading pauses.
    ///   - inboundByteLimit: received-but-unconsumed payload bytes per socket before
    ///     reading pauses (64 MiB by default; one larger message still gets through).
    ///   - batchLimit: most messages read from one socket per batch.
    ///   - failureBufferLimit: send failures kept per socket for a slow reader of
    ///     ``sendFailures(_:)``; beyond that the oldest reports are dropped.
    ///   - idleSpin: how long the thread keeps polling without sleeping after its last
    ///     activity. Zero (the default) sleeps at once; a few tens of microseconds save a
    ///     wake-up per reply on a request/response path at the cost of that much CPU per
    ///     idle period. Worth it only with spare cores.
    package init(
        context: ZMQContext, name: String, inboundLimit: Int = 16_384, inboundByteLimit: Int = 64 << 20,
        batchLimit: Int = 512, failureBufferLimit: Int = 4_096, idleSpin: Duration = .zero
    ) throws(ZMQError) {
        let core = try ReactorCore(context: context, name: name)
        self.name = name
        self.context = context
        self.core = core
        let executor = ReactorExecutor(core: core)
        self.reactorExecutor = executor
        self.inboundLimit = inboundLimit
        self.inboundByteLimit = inboundByteLimit
        self.failureBufferLimit = failureBufferLimit
        let started = ReactorThread.start(name: name) {
            ReactorLoop(core: core, executor: executor, batchLimit: batchLimit, idleSpin: idleSpin).run()
        }
        guard let started else { throw ZMQError(errno: EAGAIN, operation: "pthread_create", target: name) }
        self.thread = Mutex(started)
    }

    deinit { shutdown() }

    /// Runs tasks on the reactor thread, between polls, for request/response paths where
    /// thread hand-offs dominate latency: `Task(executorPreference: reactor.executor) { … }`.
    /// A task there is resumed by an inbound batch in the same loop iteration that read
    /// it, and its sends need no wake-up. Keep such tasks short and never block in them
    /// (no synchronous I/O, no `shutdown()` join): the reactor polls nothing meanwhile.
    package var executor: any TaskExecutor { reactorExecutor }

    /// Creates a socket, applies `options`, binds and connects it — all before this
    /// returns, on the calling thread — and hands it to the reactor thread.
    ///
    /// Bind errors (`EADDRINUSE`, …) are thrown here. Connecting never fails for an absent
    /// peer: libzmq keeps retrying in the background.
    package func addSocket(
        _ type: ZMQSocketType, options: ZMQSocketOptions = ZMQSocketOptions(),
        bind: [String] = [], connect: [String] = []
    ) throws(ZMQError) -> ZMQSocketHandle {
        guard !core.isStopping else { throw .reactorShutDown("zmq_socket", "\(type) on \(name)") }
        let raw = RawSocket(pointer: try context.openSocket(type))
        var bound: [String] = []
        do {
            try raw.apply(options, type: type)
            for endpoint in bind { bound.append(try raw.bind(endpoint)) }
            for endpoint in connect { try raw.connect(endpoint) }
        } catch {
            zmq_close(raw.pointer)
            context.socketClosed()
            throw error
        }
        let handle = ZMQSocketHandle(
            id: core.nextSocketID(), type: type, boundEndpoints: bound, connectedEndpoints: connect,
            readsUserID: options.authenticatesPeers, core: core, inboundLimit: inboundLimit,
            inboundByteLimit: inboundByteLimit, failureBufferLimit: failureBufferLimit)
        guard core.enqueue(.adopt(handle, raw)) else {
            handle.finishStreams()
            zmq_close(raw.pointer)
            context.socketClosed()
            throw .reactorShutDown("zmq_socket", handle.description)
        }
        return handle
    }

    /// The resolved endpoint of the socket's last bind (`tcp://127.0.0.1:*` → real port).
    package func lastEndpoint(_ handle: ZMQSocketHandle) -> String? { handle.lastEndpoint }

    /// The socket's received batches; see ``ZMQInboundStream``. One consumer per socket.
    package func messages(_ handle: ZMQSocketHandle) -> ZMQInboundStream { handle.inbound }

    /// Messages sent with ``send(_:on:)`` that could not be sent; see ``ZMQSendFailure``.
    /// Ends when the socket is closed.
    package func sendFailures(_ handle: ZMQSocketHandle) -> AsyncStream<ZMQSendFailure> { handle.failures }

    /// Queues a message and returns at once. Failures are reported on ``sendFailures(_:)``.
    /// - Returns: `false` when the reactor is shut down (the message was not queued).
    @discardableResult
    package func send(_ message: ZMQMessage, on handle: ZMQSocketHandle) -> Bool {
        checkOwnership(handle)
        return core.enqueue(.send(handle, message, nil))
    }

    /// Queues several messages for one socket under a single lock (and at most one wake-up).
    @discardableResult
    package func send(_ messages: [ZMQMessage], on handle: ZMQSocketHandle) -> Bool {
        checkOwnership(handle)
        return core.enqueue(contentsOf: messages.lazy.map { .send(handle, $0, nil) })
    }

    /// Sends and waits until the reactor has handed the message to libzmq (or queued it
    /// past `EAGAIN` and then sent it). The failure is thrown here instead of being
    /// reported on ``sendFailures(_:)``. Cancelling the task does not withdraw the message.
    package func sendAndWait(_ message: ZMQMessage, on handle: ZMQSocketHandle) async throws(ZMQError) {
        checkOwnership(handle)
        let result = await withCheckedContinuation { (continuation: SendCompletion) in
            if !core.enqueue(.send(handle, message, continuation)) {
                continuation.resume(returning: .failure(.reactorShutDown("zmq_msg_send", handle.description)))
            }
        }
        try result.get()
    }

    /// Adds a `ZMQ_SUBSCRIBE` prefix on a SUB socket, in order with queued sends.
    package func subscribe(_ handle: ZMQSocketHandle, topic: [UInt8]) throws(ZMQError) {
        try subscription(handle, topic: topic, on: true)
    }

    /// Removes a prefix added by ``subscribe(_:topic:)`` or the options.
    package func unsubscribe(_ handle: ZMQSocketHandle, topic: [UInt8]) throws(ZMQError) {
        try subscription(handle, topic: topic, on: false)
    }

    private func subscription(_ handle: ZMQSocketHandle, topic: [UInt8], on: Bool) throws(ZMQError) {
        checkOwnership(handle)
        let operation = on ? "ZMQ_SUBSCRIBE" : "ZMQ_UNSUBSCRIBE"
        guard handle.type == .sub else {
            throw .invalidArgument(operation, "\(handle) is not a SUB socket; XSUB subscribes by sending")
        }
        guard core.enqueue(.subscribe(handle, topic, on)) else { throw .reactorShutDown(operation, handle.description) }
    }

    /// Closes the socket soon (after the commands queued before this one). Unsent messages
    /// are reported as failures, then the socket's streams end. Idempotent.
    package func close(_ handle: ZMQSocketHandle) {
        checkOwnership(handle)
        _ = core.enqueue(.close(handle))
    }

    /// Stops the thread and closes every socket (unsent messages reported as failures,
    /// streams finished), then joins the thread. Idempotent; safe from any thread,
    /// including the reactor's own (then it does not join).
    package func shutdown() {
        core.requestStop()
        joinThread()
    }

    /// Like ``shutdown()``, but suspends instead of blocking while the thread closes its
    /// sockets.
    package func shutdown() async {
        core.requestStop()
        await core.waitForExit()
        joinThread()
    }

    private func joinThread() {
        let thread = self.thread.withLock { thread -> ReactorThread? in
            defer { thread = nil }
            return thread
        }
        guard let thread else { return }
        if thread.isCurrent { thread.detach() } else { thread.join() }
    }

    /// Whether ``shutdown()`` was called or the context was shut down.
    package var isShutDown: Bool { core.isStopping }

    /// Whether the caller runs on this reactor's thread (a task on ``executor``).
    var isOnReactorThread: Bool { thread.withLock { $0?.isCurrent ?? false } }

    func checkOwnership(_ handle: ZMQSocketHandle) {
        precondition(handle.core === core, "\(handle) belongs to another reactor than \(name)")
    }
}
