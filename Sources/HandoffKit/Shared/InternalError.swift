/// A broken promise inside handoff itself — a programmer error, not a problem with what the user
/// typed or with the machine. Whatever path it takes to the user (thrown, or shown as an interview
/// warning), it reads the same way and asks for a report, instead of passing for an input or I/O
/// message the user would try to fix.
public struct InternalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was found broken, for the report ("a stored draft needs an id").
    public var broken: String
    /// Where in handoff's source it was found.
    public var location: String

    /// Records `broken` and, by default, the caller's file and line as the location.
    public init(_ broken: String, fileID: StaticString = #fileID, line: UInt = #line) {
        self.broken = broken
        self.location = "\(fileID):\(line)"
    }

    /// The one-paragraph message the user sees: what broke, where, the version, and a request to report it.
    public var description: String {
        "internal error: \(broken) (\(location)). This is a bug in handoff \(HandoffVersion.current), not in your "
            + "input; please report it with the command you ran. Nothing else was changed."
    }
}

extension IOFailure {
    /// An internal error surfacing where only I/O failures can be thrown (exit status 3).
    public init(_ error: InternalError) {
        self.init(path: "handoff", message: error.description)
    }
}
