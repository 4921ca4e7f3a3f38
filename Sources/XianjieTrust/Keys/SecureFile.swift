import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations for key files, done with POSIX calls so that permissions are exact from the first instant.
enum SecureFile {
    /// Writes `data` to `url` with exactly `mode`.
    ///
    /// The bytes go to a temporary file in the same directory, created with `mode` (`O_EXCL`, then `fchmod`,
    /// so the umask cannot widen or narrow it) and synced; then it is linked into place (refusing an existing
    /// file) or renamed over it (`replace`). The file is never visible with other permissions or half written.
    static func write(_ data: Data, to url: URL, mode: mode_t, replace: Bool) throws(WriteError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw .system("create \(temporary.path)", errno) }
        var failure: WriteError?
        if fchmod(fd, mode) != 0 {
            failure = .system("chmod", errno)
        } else {
            failure = data.withUnsafeBytes { buffer -> WriteError? in
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return .system("write", errno)
                    }
                    offset += written
                }
                return nil
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .system("fsync", errno) }
        close(fd)
        defer { unlink(temporary.path) }
        if let failure { throw failure }
        if replace {
            guard rename(temporary.path, url.path) == 0 else { throw .system("rename into place", errno) }
        } else {
            guard link(temporary.path, url.path) == 0 else {
                throw errno == EEXIST ? .exists : .system("link into place", errno)
            }
        }
        syncDirectory(directory)
    }

    /// Creates `directory` with mode 0700 when it does not exist (its parents with default permissions).
    static func createDirectory(_ directory: URL) throws(WriteError) {
        var info = stat()
        if stat(directory.path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .system("use as a directory", ENOTDIR) }
            return
        }
        let parent = directory.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .other("cannot create \(parent.path): \(SystemReason.of(error))")
        }
        guard mkdir(directory.path, 0o700) == 0 || errno == EEXIST else { throw .system("mkdir", errno) }
        _ = chmod(directory.path, 0o700)
    }

    /// The permission bits of a file (following symbolic links), or the reason it cannot be examined.
    static func mode(of url: URL) -> Result<UInt16, WriteError> {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .failure(.system("stat", errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.system("read", EISDIR)) }
        return .success(UInt16(info.st_mode & 0o7777))
    }

    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    private static func syncDirectory(_ directory: URL) {
        let fd = open(directory.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    enum WriteError: Error {
        case exists
        case system(String, Int32)
        case other(String)

        var reason: String {
            switch self {
            case .exists: "the file exists"
            case .system(let step, let code): "\(step) failed: \(String(cString: strerror(code)))"
            case .other(let reason): reason
            }
        }
    }
}

/// `write(2)`, under a name that `SecureFile.write` does not shadow.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
