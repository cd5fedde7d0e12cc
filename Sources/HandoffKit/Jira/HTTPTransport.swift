#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP request as the Jira client builds it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    /// In the order sent; `Authorization` is among them and is redacted wherever a request is shown.
    public var headers: [(name: String, value: String)]
    public var body: String?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

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

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: String

    public init(status: Int, headers: [String: String] = [:], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// The request never got an answer.
public struct TransportFailure: Error, Sendable {
    public enum Kind: Sendable { case unreachable, timedOut, unavailable }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Double) throws(TransportFailure) -> HTTPResponse
}

/// URLSession, reached through `libHandoffHTTP.so` beside the executable (see Sources/HandoffHTTP):
/// opened the first time a request is sent, so commands that never talk to Jira never load
/// FoundationNetworking and libcurl.
public final class SharedLibraryTransport: HTTPTransport, @unchecked Sendable {
    typealias Reply = @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<UInt8>?, Int) -> Void
    typealias Perform = @convention(c) (UnsafePointer<UInt8>, Int, Double, Reply, UnsafeMutableRawPointer?) -> Void

    public static let libraryName = "libHandoffHTTP.so"
    private var perform: Perform?

    public init() {}

    /// The library beside the running executable (`/proc/self/exe`), else `HANDOFF_HTTP_LIBRARY`.
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
