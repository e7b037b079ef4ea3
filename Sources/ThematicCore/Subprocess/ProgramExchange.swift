import Glibc

extension SpawnedProgram {
    /// Writes `input` to the program as fast as it reads it while reading both its outputs, until it has closed them;
    /// closes our ends of the pipes. One poll(2) loop in the calling thread serves all three pipes, so neither side
    /// ever stalls on a full pipe and no thread is needed. A program that stops reading its input early (it exited,
    /// or needs no more) ends the writing; its exit status says whether that was a failure.
    public func exchange(_ input: [UInt8]) throws(FileError) -> (output: [UInt8], errors: [UInt8]) {
        var writing = input.isEmpty ? nil : self.input
        if input.isEmpty, let end = self.input { close(end) }
        var reading = [output, errors].compactMap { $0 }
        defer {
            if let writing { close(writing) }
            reading.forEach { close($0) }
        }
        var collected: [Int32: [UInt8]] = [:]
        var written = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        try BrokenPipeSignal.suppressed { () throws(FileError) in
            while writing != nil || !reading.isEmpty {
                var polled = reading.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                if let writing { polled.append(pollfd(fd: writing, events: Int16(POLLOUT), revents: 0)) }
                guard poll(&polled, nfds_t(polled.count), -1) >= 0 else {
                    if errno == EINTR { continue }
                    throw FileError(path: executable, action: "wait for its output", errno: errno)
                }
                for ready in polled where ready.revents != 0 {
                    if ready.fd == writing {
                        let count = input.withUnsafeBytes {
                            write(ready.fd, $0.baseAddress! + written, $0.count - written)
                        }
                        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                        if count > 0 { written += count }
                        if count < 0 || written == input.count {
                            close(ready.fd)
                            writing = nil
                        }
                    } else {
                        let count = read(ready.fd, &buffer, buffer.count)
                        if count > 0 {
                            collected[ready.fd, default: []] += buffer[0..<count]
                        } else if count == 0 {
                            close(ready.fd)
                            reading.removeAll { $0 == ready.fd }
                        } else if errno != EINTR && errno != EAGAIN {
                            throw FileError(path: executable, action: "read its output", errno: errno)
                        }
                    }
                }
            }
        }
        return (output.flatMap { collected[$0] } ?? [], errors.flatMap { collected[$0] } ?? [])
    }
}
