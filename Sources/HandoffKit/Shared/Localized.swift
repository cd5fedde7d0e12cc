/// Language of the interview, of rendered headings and of readiness messages.
public enum Language: String, Sendable, CaseIterable {
    case en, ja
}

/// A text in both shipped languages.
public struct Localized: Sendable, Equatable {
    public var en: String
    public var ja: String
    public init(en: String, ja: String) {
        self.en = en
        self.ja = ja
    }
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .ja: return ja
        }
    }
}
