/// Language of the interview, of rendered headings and of readiness messages.
public enum Language: String, Sendable, CaseIterable {
    case en, ja
}

/// A text in both shipped languages.
public struct Localized: Sendable, Equatable {
    /// The English text.
    public var en: String
    /// The Japanese text.
    public var ja: String
    /// A text given in both languages; neither may be left out.
    public init(en: String, ja: String) {
        self.en = en
        self.ja = ja
    }
    /// The text in `language`: `heading(.ja)`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .ja: return ja
        }
    }
}
