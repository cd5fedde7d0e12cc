import Foundation

/// Reads a choice the way people say it: its number, its value or label, the words around a
/// label's dash ("could — nice to have"), or a common synonym in English or Japanese
/// ("must have", 必須, 任意, あれば嬉しい, 法務).
enum ChoiceReading {
    /// The value of the choice `line` picks, or nil when it picks none or several.
    static func value(for line: String, in choices: [PromptChoice]) -> String? {
        let said = normalised(line)
        guard !said.isEmpty else { return nil }
        if let number = Int(line.trimmingCharacters(in: " ")) {
            return number >= 1 && number <= choices.count ? choices[number - 1].value : nil
        }
        func forms(_ choice: PromptChoice) -> [String] {
            var forms = [choice.value, choice.label].compactMap { $0 }.map(normalised)
            if let label = choice.label {
                forms += label.components(separatedBy: "—").map(normalised)
                forms += label.components(separatedBy: "（").map { normalised($0.replacingOccurrences(of: "）", with: "")) }
            }
            forms += (synonyms[choice.value ?? ""] ?? []).map(normalised)
            return forms.filter { !$0.isEmpty }
        }
        let exact = choices.filter { forms($0).contains(said) }
        if exact.count == 1 { return exact[0].value }
        if let yes = yesNo(line), let match = choices.first(where: { $0.value == (yes ? "yes" : "no") }) {
            return match.value
        }
        if InterviewText.isDontKnow(line), let unsure = choices.first(where: { $0.value == "unsure" }) { return unsure.value }
        let prefixed = choices.filter { forms($0).contains { $0.hasPrefix(said) } }
        return prefixed.count == 1 ? prefixed[0].value : nil
    }

    static func yesNo(_ line: String) -> Bool? {
        let said = normalised(line)
        if yesWords.contains(said) { return true }
        if noWords.contains(said) { return false }
        return nil
    }

    /// Lower case, full-width letters made ASCII, curly apostrophes straight, closing
    /// punctuation and surrounding spaces dropped.
    static func normalised(_ text: String) -> String {
        var text = text.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "-", with: " ")
        while let last = text.last, ".。!！?？".contains(last) { text.removeLast() }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static let yesWords: Set<String> = [
        "y", "yes", "yeah", "yep", "yup", "sure", "of course", "true", "correct", "it does", "we do", "はい", "ええ", "うん",
        "ある", "あり", "あります", "そう", "そうです", "します", "する", "含む", "含みます", "済み", "済", "確認済み",
    ]
    static let noWords: Set<String> = [
        "n", "no", "nope", "not really", "false", "it doesn't", "we don't", "none", "いいえ", "いや", "ない", "なし",
        "ありません", "しない", "しません", "含まない", "含みません", "まだ", "未",
    ]

    /// What people say for the values the packs use.
    static let synonyms: [String: [String]] = [
        "must": ["must have", "must", "required", "essential", "mandatory", "critical", "必須", "絶対", "マスト", "必要"],
        "should": ["should have", "should", "important", "重要", "できれば", "あった方がいい", "あったほうがいい"],
        "could": [
            "could have", "could", "nice to have", "optional", "bonus", "任意", "あれば嬉しい", "あればうれしい",
            "あると嬉しい", "余裕があれば", "オプション",
        ],
        "wont": ["won't have", "won't", "wont", "not now", "not this time", "later", "今回はなし", "今回は不要", "不要", "対象外", "やらない"],
        "hard": ["hard", "fixed", "firm", "cannot move", "can't move", "固定", "動かせない", "厳守", "絶対厳守"],
        "soft": ["soft", "flexible", "could move", "can move", "多少ずれてもいい", "柔軟", "調整可能", "ずらせる"],
        "none": ["none", "no deadline", "whenever", "any time", "anytime", "期限なし", "特になし", "いつでも"],
        "unsure": ["not sure", "unsure", "unknown", "don't know", "dont know", "no idea", "わからない", "分からない", "不明", "未確認"],
        "business_owner": ["owner", "business owner", "事業責任者", "責任者", "オーナー", "ビジネスオーナー"],
        "approver": ["approver", "approves", "sign off", "承認者", "承認"],
        "it_contact": ["it", "it contact", "it担当", "情シス", "情報システム"],
        "legal": ["legal", "lawyer", "法務"],
        "security": ["security", "infosec", "セキュリティ"],
        "sales": ["sales", "営業"],
        "finance": ["finance", "accounting", "経理", "財務"],
        "other": ["other", "その他", "他"],
    ]
}
