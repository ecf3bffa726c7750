import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `broadsheet serve`, and a bare HTTP client for it: raw sockets, so that a test
/// can send exactly the path it means (`/../`, `%2e%2e`, `//etc/hostname`), which URL types
/// would tidy up first.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errorText = ""
    private(set) var port = 0

    /// Starts `broadsheet serve ARGUMENTS` and waits for its "Serving http://…" line.
    init(_ arguments: [String], waitForStart: Bool = true) throws {
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve"] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.errorText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        guard waitForStart else { return }
        let started = try waitFor(within: 60) { text in text.range(of: #"Serving http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) != nil }
        let match = started.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression)!
        port = Int(started[match].split(separator: ":")[1])!
    }

    /// What the server has printed on stderr so far.
    var stderr: String { lock.withLock { errorText } }

    /// Waits until stderr satisfies `condition`, and returns it.
    @discardableResult
    func waitFor(within seconds: Double, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = stderr
            if condition(text) { return text }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ServeTestError(message: "timed out; stderr so far:\n\(stderr)")
    }

    /// Stops it with SIGINT, as Ctrl-C does; returns the seconds it took to exit.
    @discardableResult
    func interrupt() -> Double {
        let started = Date()
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        while process.isRunning, Date().timeIntervalSince(started) < 10 { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { process.terminate() }
        return Date().timeIntervalSince(started)
    }

    deinit { if process.isRunning { process.terminate() } }

    // MARK: HTTP

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// `GET path`, with the path sent exactly as given.
    func get(_ path: String, headers: [String: String] = [:]) throws -> Reply {
        let socket = try Self.connect(port: port)
        defer { close(socket) }
        let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        try Self.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(extra)\r\n", to: socket)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ServeTestError(message: "no HTTP reply to \(path): \(text)") }
        let head = text[..<split.lowerBound].split(separator: "\r\n").map(String.init)
        let status = Int(head.first?.split(separator: " ")[1] ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Reply(status: status, headers: fields, body: String(text[split.upperBound...]))
    }

    /// An open `/_broadsheet/events` stream that gathers what arrives.
    final class Events: @unchecked Sendable {
        private let socket: Int32
        private let lock = NSLock()
        private var received = ""

        init(port: Int) throws {
            socket = try ServeProcess.connect(port: port)
            try ServeProcess.send("GET /_broadsheet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", to: socket)
            let socket = socket
            Thread.detachNewThread { [weak self] in
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count <= 0 { return }
                    guard let self else { return }
                    self.lock.withLock { self.received += String(decoding: buffer[0..<count], as: UTF8.self) }
                }
            }
        }

        var text: String { lock.withLock { received } }

        /// Waits until `needle` has arrived (after `after` characters), and returns the seconds it took.
        @discardableResult
        func waitFor(_ needle: String, after offset: Int = 0, within seconds: Double) throws -> Double {
            let started = Date()
            while Date().timeIntervalSince(started) < seconds {
                let text = self.text
                if text.count > offset, text.dropFirst(offset).contains(needle) { return Date().timeIntervalSince(started) }
                Thread.sleep(forTimeInterval: 0.005)
            }
            throw ServeTestError(message: "no \(needle) within \(seconds) s; got:\n\(text)")
        }

        deinit { close(socket) }
    }

    func events() throws -> Events { try Events(port: port) }

    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw ServeTestError(message: "cannot connect to port \(port)")
        }
        return socket
    }

    static func send(_ text: String, to socket: Int32) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else { throw ServeTestError(message: "send failed") }
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
