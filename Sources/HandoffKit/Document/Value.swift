/// An ordered, format-neutral tree that drafts, findings and schemas are rendered from.
///
/// Keys keep the order they are given in, so that YAML and JSON output is deterministic and reads
/// in the order of the interview rather than alphabetically.
public indirect enum Value: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number, kept as written (`300`, `0.5`) so that it round-trips exactly.
    case number(String)
    case string(String)
    /// A keyword or a calendar date (`yes`, `must`, `2026-12-04`): a string in JSON, a plain
    /// scalar in YAML, as a person would write it.
    case plain(String)
    case list([Value])
    case map([Entry])

    /// One key–value pair of a map; a map keeps its entries in the order given.
    public struct Entry: Equatable, Sendable {
        /// The key: plain text, with no source position (a `Value` tree is built in code).
        public var key: String
        /// The value under the key.
        public var value: Value
        /// Pairs `key` with `value`.
        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// Builds a map from key–value pairs, dropping the nil ones.
    public static func object(_ pairs: [(String, Value?)]) -> Value {
        .map(pairs.compactMap { key, value in value.map { Entry(key, $0) } })
    }

    /// A whole number, kept as its decimal text.
    public static func int(_ number: Int) -> Value { .number(String(number)) }

    /// The value under `key` in a map (the first entry with that key); nil for a missing key or a value that is no map.
    public subscript(key: String) -> Value? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}
