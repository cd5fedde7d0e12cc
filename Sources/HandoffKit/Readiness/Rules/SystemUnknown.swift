/// `system-unknown`: a system missing from the organisation's catalogue may be a typo, shadow IT,
/// or a new vendor that needs a security review. Silent when no catalogue is configured.
struct SystemUnknown: ReadinessRule {
    static let id = "system-unknown"
    static let severity = Severity.info
    static let summary = Localized(
        en: "Affected systems are in the organisation's catalogue.", ja: "影響するシステムが社内のカタログにある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A system missing from the catalogue may be a typo, shadow IT, or a new vendor that needs a security review.",
            ja: "カタログにないシステムは、書き間違い、管理外のツール、セキュリティ審査が必要な新しいベンダーのいずれかです。"),
        example: "systems:\n  - {name: Markto, change: new form}",
        fix: Localized(
            en: "Use the catalogue's name, or say who owns the new tool and whether security reviewed it.",
            ja: "カタログの名前を使うか、新しいツールの管理者とセキュリティ審査の有無を書きます。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.systems.isEmpty && !context.configuration.systems.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        let catalogue = context.configuration
        guard !catalogue.systems.isEmpty else { return [] }
        return draft.systems.indices.compactMap { index in
            guard let name = draft.systems[index].name, name.startsVisibly || !name.isEmptyValue,
                catalogue.catalogueEntry(named: name) == nil
            else { return nil }
            let known = catalogue.systems.compactMap(\.name)
            let suggestion = Spelling.nearest(to: name, in: known)
            return context.finding(
                Self.self, field: "systems[\(index)].name",
                message: Localized(
                    en: "'\(name)' is not in the system catalogue" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + ".",
                    ja: "「\(name)」はシステムカタログにありません" + (suggestion.map { "（「\($0)」のことですか）" } ?? "") + "。"),
                question: Localized(
                    en: "Is '\(name)' a new tool or vendor? If so, who owns it and has security reviewed it?",
                    ja: "「\(name)」は新しいツールやベンダーですか。そうなら、管理者は誰で、セキュリティ審査は済んでいますか。"))
        }
    }
}
