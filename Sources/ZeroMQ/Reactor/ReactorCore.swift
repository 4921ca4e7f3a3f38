import CLibZMQ
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The state a reactor shares between its thread and every other thread: the command
/// queue, the wake-up eventfd and the lifecycle flags.
///
/// Wake-ups are the expensive part of a thread hand-off, so the eventfd is written only
/// when the reactor thread has announced it is about to sleep (`sleeping`) and nobody has
/// woken it since. A burst of sends from a busy application therefore costs one lock and
/// one append each, and at most one `write(2)`.
final class ReactorCore: Sendable {
    enum Step {
        /// Commands were taken; poll without sleeping afterwards.
        case work
        /// Nothing queued; sleep was announced, so the thread may block in `zmq_poll`.
        case idle
        /// Nothing queued; sleep was not announced, so the thread must not block.
        case spin
        /// Shutdown was requested; nothing was taken.
        case stop
    }

    private struct State {
        var commands: [ReactorCommand] = []
        /// Tasks to run on the reactor thread (``ZMQReactor/executor``).
        var jobs: [UnownedJob] = []
        var sleeping = false
        var stopping = false
        var exited = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let context: ZMQContext
    let name: String
    /// The eventfd in the reactor's poll set (non-blocking, close-on-exec).
    let eventFD: Int32
    private let state = Mutex(State())
    private let socketIDs = Atomic<Int>(0)

    init(context: ZMQContext, name: String) throws(ZMQError) {
        let fd = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard fd >= 0 else { throw ZMQError(errno: xj_errno(), operation: "eventfd", target: name) }
        self.context = context
        self.name = name
        self.eventFD = fd
    }

    deinit { close(eventFD) }

    /// A new socket id, unique within this reactor.
    func nextSocketID() -> Int { socketIDs.add(1, ordering: .relaxed).newValue }

    /// Queues a command; `false` when the reactor is stopping (the command was not queued).
    func enqueue(_ command: ReactorCommand) -> Bool {
        let (queued, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopping else { return (false, false) }
            state.commands.append(command)
            return (true, Self.claimWake(&state))
        }
        if wake { signal() }
        return queued
    }

    /// Queues several commands under one lock.
    func enqueue(contentsOf commands: some Sequence<ReactorCommand>) -> Bool {
        let (queued, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopping else { return (false, false) }
            state.commands.append(contentsOf: commands)
            return (true, Self.claimWake(&state))
        }
        if wake { signal() }
        return queued
    }

    /// Queues a task job for the reactor thread; `false` when the reactor is stopping (the
    /// caller then runs it elsewhere).
    func enqueue(_ job: UnownedJob) -> Bool {
        let (queued, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopping else { return (false, false) }
            state.jobs.append(job)
            return (true, Self.claimWake(&state))
        }
        if wake { signal() }
        return queued
    }

    /// Called by the reactor thread when `zmq_poll` returns: it is awake, so nobody needs
    /// to write the eventfd (not even the jobs it is about to resume itself).
    func markAwake() {
        state.withLock { $0.sleeping = false }
    }

    /// Wakes the thread if it is (about to be) asleep in `zmq_poll`.
    func wakeIfSleeping() {
        let wake = state.withLock { Self.claimWake(&$0) }
        if wake { signal() }
    }

    /// Asks the thread to stop; `false` if it had already been asked.
    @discardableResult
    func requestStop() -> Bool {
        let first = state.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.stopping = true
            return true
        }
        // Always signal: the thread may be sleeping with `sleeping` already claimed.
        signal()
        return first
    }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Called by the reactor thread at the top of each iteration: swaps the queued commands
    /// and jobs into the (empty) buffers and says what to do next. When nothing is queued
    /// and `mayAnnounceSleep`, marks the thread as sleeping so that the next enqueue wakes it.
    func take(
        into commands: inout [ReactorCommand], jobs: inout [UnownedJob], mayAnnounceSleep: Bool
    ) -> Step {
        state.withLock { state in
            if state.stopping { return .stop }
            if state.commands.isEmpty && state.jobs.isEmpty {
                guard mayAnnounceSleep else { return .spin }
                state.sleeping = true
                return .idle
            }
            swap(&state.commands, &commands)
            swap(&state.jobs, &jobs)
            state.sleeping = false
            return .work
        }
    }

    /// Called by the reactor thread when it stops: from now on commands and jobs are
    /// refused; the remaining ones are appended to the buffers.
    func markStopped(takingRemainingInto commands: inout [ReactorCommand], jobs: inout [UnownedJob]) {
        state.withLock { state in
            state.stopping = true
            commands.append(contentsOf: state.commands)
            state.commands.removeAll()
            jobs.append(contentsOf: state.jobs)
            state.jobs.removeAll()
        }
    }

    /// Called by the reactor thread as its last action: resumes ``waitForExit()`` callers.
    func markExited() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.exited = true
            defer { state.exitWaiters.removeAll() }
            return state.exitWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until the reactor thread has closed its sockets and is about to exit.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.exited { return true }
                state.exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Consumes the reactor's wake-up: `true` (and `sleeping` cleared) when the caller must
    /// write the eventfd.
    private static func claimWake(_ state: inout State) -> Bool {
        guard state.sleeping else { return false }
        state.sleeping = false
        return true
    }

    private func signal() {
        _ = eventfd_write(eventFD, 1)
    }

    /// Resets the eventfd after it polled readable.
    func drainSignal() {
        var value: eventfd_t = 0
        _ = eventfd_read(eventFD, &value)
    }
}
