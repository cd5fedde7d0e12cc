#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP request as the Jira client builds it.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST` or `PUT`; under `--dry-run` anything but `GET` is planned, not sent.
    public var method: String
    /// The full address: the site's base followed by the REST path and query.
    public var url: String
    /// In the order sent; `Authorization` is among them and is redacted wherever a request is shown.
    public var headers: [(name: String, value: String)]
    /// The JSON text sent; nil for a request without a body.
    public var body: String?

    /// A request as given; the client adds the `Accept`, `Authorization` and other headers itself.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Equal when method, address, body and headers (in order, values included) are the same.
    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name)=\($0.value)" } == rhs.headers.map { "\($0.name)=\($0.value)" }
    }

    /// The request as `--dry-run` prints it: never the credential.
    public var redacted: String {
        var lines = ["\(method) \(url)"]
        for header in headers {
            lines.append("\(header.name): " + (header.name.lowercased() == "authorization" ? "[redacted]" : header.value))
        }
        if let body { lines.append(""); lines.append(body) }
        return lines.joined(separator: "\n")
    }
}

/// Jira's answer to one request, whatever its status; redirects are not followed.
public struct HTTPResponse: Sendable {
    /// The HTTP status code, e.g. 200 or 429.
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    /// The body as text (decoded as UTF-8); empty when there is none.
    public var body: String

    /// A response as given; tests build them for their fake transports.
    public init(status: Int, headers: [String: String] = [:], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The request never got an answer.
public struct TransportFailure: Error, Sendable {
    /// No connection (`unreachable`), no answer in time (`timedOut`), or no HTTP library to send with (`unavailable`).
    public enum Kind: Sendable { case unreachable, timedOut, unavailable }
    /// What went wrong, which the client turns into a `JiraFailure`.
    public var kind: Kind
    /// The transport's own explanation, for the user.
    public var message: String
    /// A failure of `kind`, explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Sends one request and waits for its answer: URLSession in the tool, a fake in tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits at most `timeout` seconds for the answer, whatever its status.
    /// - Throws: `TransportFailure` only when no answer came; an HTTP error status is a response.
    func send(_ request: HTTPRequest, timeout: Double) throws(TransportFailure) -> HTTPResponse
}

/// URLSession, reached through `libHandoffHTTP.so` beside the executable (see Sources/HandoffHTTP):
/// opened the first time a request is sent, so commands that never talk to Jira never load
/// FoundationNetworking and libcurl.
public final class SharedLibraryTransport: HTTPTransport, @unchecked Sendable {
    typealias Reply = @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<UInt8>?, Int) -> Void
    typealias Perform = @convention(c) (UnsafePointer<UInt8>, Int, Double, Reply, UnsafeMutableRawPointer?) -> Void

    /// The file name looked for beside the executable (a `HANDOFF_HTTP_LIBRARY` path comes first).
    public static let libraryName = "libHandoffHTTP.so"
    private var perform: Perform?

    /// A transport that has not loaded its library yet; the first `send` loads it.
    public init() {}

    /// `HANDOFF_HTTP_LIBRARY` when set, else the library beside the running executable (`/proc/self/exe`).
    static func libraryPath() -> String {
        if let explicit = getenv("HANDOFF_HTTP_LIBRARY") { return String(cString: explicit) }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return libraryName }
        let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return libraryName }
        return String(executable[...slash]) + libraryName
    }

    private func load() throws(TransportFailure) -> Perform {
        if let perform { return perform }
        let path = Self.libraryPath()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            throw TransportFailure(
                .unavailable,
                "cannot load handoff's HTTP library (\(reason)); install \(Self.libraryName) beside the handoff "
                    + "executable (swift build puts it there)")
        }
        guard let symbol = dlsym(handle, "handoff_http_perform") else {
            throw TransportFailure(.unavailable, "\(path) is not handoff's HTTP library (no handoff_http_perform)")
        }
        let loaded = unsafeBitCast(symbol, to: Perform.self)
        perform = loaded
        return loaded
    }

    private final class Outcome {
        var status: Int32 = -1
        var block: [UInt8] = []
    }

    /// Sends `request` and waits at most `timeout` seconds for the answer.
    /// - Throws: `TransportFailure` when the library cannot be loaded, the host cannot be reached, or
    ///   no answer comes in time. An HTTP error status is a response, not a failure.
    public func send(_ request: HTTPRequest, timeout: Double) throws(TransportFailure) -> HTTPResponse {
        let perform = try load()
        var wire = "\(request.method) \(request.url)\n"
        for header in request.headers { wire += "\(header.name): \(header.value)\n" }
        wire += "\n" + (request.body ?? "")
        let outcome = Outcome()
        let bytes = Array(wire.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            perform(buffer.baseAddress!, buffer.count, timeout, { context, status, data, count in
                let outcome = Unmanaged<Outcome>.fromOpaque(context!).takeUnretainedValue()
                outcome.status = status
                if let data { outcome.block = Array(UnsafeBufferPointer(start: data, count: count)) }
            }, Unmanaged.passUnretained(outcome).toOpaque())
        }
        let text = String(decoding: outcome.block, as: UTF8.self)
        switch outcome.status {
        case -2: throw TransportFailure(.timedOut, "no answer within \(Int(timeout)) s (\(text))")
        case ..<0: throw TransportFailure(.unreachable, text)
        default: break
        }
        var headers: [String: String] = [:]
        var rest = Substring(text)
        while let newline = rest.firstIndex(of: "\n") {
            let line = rest[..<newline]
            rest = rest[rest.index(after: newline)...]
            if line.isEmpty { break }
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
            }
        }
        return HTTPResponse(status: Int(outcome.status), headers: headers, body: String(rest))
    }
}
