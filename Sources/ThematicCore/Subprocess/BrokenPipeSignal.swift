import Glibc

/// Writing to a program that has stopped reading its input raises SIGPIPE, whose default action would kill this
/// process. It is blocked in this thread around the writes, and the one they raised is taken back before it is
/// unblocked, so the write just fails with EPIPE. Ignoring SIGPIPE instead would be process-wide, for every thread,
/// and would change how `thematic … | head` ends: today the signal ends it quietly when `head` has read enough.
enum BrokenPipeSignal {
    static func suppressed<E: Error>(_ body: () throws(E) -> Void) throws(E) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
        // A SIGPIPE pending already is not ours to take: it is delivered as it would have been.
        let pendingBefore = isPending()
        defer {
            if !pendingBefore && isPending() {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                while sigtimedwait(&pipeSignal, nil, &now) == -1 && errno == EINTR {}
            }
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        }
        try body()
    }

    private static func isPending() -> Bool {
        var pending = sigset_t()
        sigpending(&pending)
        return sigismember(&pending, SIGPIPE) == 1
    }
}
