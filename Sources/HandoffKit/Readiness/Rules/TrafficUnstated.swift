/// `traffic-unstated`: IT sizes servers, rate limits and monitoring by the expected load; a launch
/// tied to a send, an event or paid media has a peak that takes an unprepared page down.
struct TrafficUnstated: ReadinessRule {
    static let id = "traffic-unstated"
    static let severity = Severity.info
    static let summary = Localized(
        en: "The expected traffic and its peaks are stated.", ja: "見込みのアクセス数とピークが書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "IT sizes servers, rate limits and monitoring by the expected load. A launch tied to an e-mail send, an event or paid media has a peak, so there the rule is a warning.",
            ja: "IT は見込みの負荷でサーバー、送信回数の制限、監視を決めます。メール配信・イベント・広告に合わせた公開にはピークがあるため、その場合は警告になります。"),
        example: "timeline:\n  reason: Invitations go out on 2026-12-05\noperations:\n  expected_traffic: TBD",
        fix: Localized(
            en: "Say how many visitors, sends or calls you expect, and when the peaks are.",
            ja: "見込みの訪問数・配信数・件数と、ピークがいつかを書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.operations.expectedTraffic) else { return [] }
        let tie = OperationsCues.first(of: OperationsCues.peakTerms, in: OperationsCues.launchTies(draft))
        let sendsMail = context.effectiveKind(of: draft) == .email
        let peaks = tie != nil || sendsMail
        var reason = Localized(
            en: "IT cannot size servers, limits or monitoring without it.", ja: "これがないと IT はサーバー・制限・監視の規模を決められません。")
        if let tie {
            reason = Localized(
                en: "the launch is tied to '\(tie.word)' (\(tie.field)), so expect a peak that IT must plan for.",
                ja: "公開が「\(tie.word)」（\(tie.field)）に連動しているため、IT が備えるべきピークがあります。")
        } else if sendsMail {
            reason = Localized(
                en: "an e-mail send brings its visitors all at once, so expect a peak that IT must plan for.",
                ja: "メール配信では訪問が一度に集中するため、IT が備えるべきピークがあります。")
        }
        return [
            context.finding(
                Self.self, peaks ? .warning : nil, field: "operations.expected_traffic",
                message: context.open(
                    context.placeholder(draft.operations.expectedTraffic),
                    noun: Localized(en: "an expected traffic", ja: "見込みのアクセス数"),
                    absent: Localized(
                        en: "Nothing is said about the expected traffic or its peaks; " + reason.en,
                        ja: "見込みのアクセス数やピークが書かれていません。" + reason.ja),
                    why: reason),
                question: Localized(
                    en: "How many visitors, sign-ups or sends do you expect, and when is the busiest hour (e.g. right after the invitation e-mail)?",
                    ja: "訪問・申込・配信はどのくらいを見込みますか。最も集中するのはいつですか（例：招待メールの直後）。"))
        ]
    }
}
