/// What can be told about an affected system from its own fields, the catalogue and well-known
/// product names: whether it holds personal data, whether it collects leads.
enum SystemTraits {
    /// Data items that are personal data on their own.
    static let personalDataItems = [
        "email", "e-mail", "mail address", "name", "first name", "last name", "full name", "phone", "telephone",
        "mobile", "address", "postal", "zip", "birthday", "date of birth", "ip address", "linkedin",
        "job title", "メール", "氏名", "名前", "姓", "電話", "携帯", "住所", "郵便番号", "生年月日", "誕生日",
    ]

    /// Marketing automation and CRM products: their forms and records are leads.
    static let leadSystems = [
        "marketo", "hubspot", "salesforce", "sfdc", "pardot", "account engagement", "eloqua", "dynamics",
        "zoho", "pipedrive", "crm", "marketing automation", "mautic", "satori", "b→dash", "bdash",
        "kairos3", "list finder", "sansan", "kintone", "freshsales", "close.com", "copper",
    ]

    /// Words in a change that say contacts are collected for Sales to follow up.
    static let leadWords = [
        "lead", "leads", "lead form", "demo request", "request a demo", "book a demo", "contact sales",
        "talk to sales", "quote request", "request a quote", "get a quote", "inquiry", "enquiry", "contact form",
        "contact us", "リード", "見込み客", "資料請求", "問い合わせ", "問合せ", "お問い合わせ", "デモ依頼", "デモ申込",
        "見積依頼", "見積もり依頼", "商談",
    ]

    /// Words for a form or a registration: contacts are collected, which Sales follows up unless
    /// the change says the form is for something else.
    static let formWords = [
        "form", "sign-up form", "signup form", "sign up form", "registration", "registration form", "sign-up",
        "signup", "sign up", "フォーム", "申込", "申し込み", "登録フォーム", "エントリー",
    ]

    /// What a system does when it is not collecting contacts for Sales: hiring, experiments,
    /// measurement. A form for these is not a lead form.
    static let otherPurposes = [
        "job application", "job applications", "job applicants", "applicant", "applicants", "job posting",
        "job postings", "careers", "careers page", "recruiting", "recruitment", "hiring", "candidate", "candidates",
        "a/b test", "a/b tests", "a/b testing", "ab test", "ab testing", "split test", "split testing",
        "experiment", "experiments", "variant", "variants", "analytics tag", "tracking tag", "gtm",
        "google tag manager", "pixel", "heatmap", "heat map", "loyalty", "membership", "loyalty points",
        "point card",
        "採用", "応募", "求人", "選考", "a/bテスト", "abテスト", "ａ/ｂテスト", "ａｂテスト", "スプリットテスト",
        "計測タグ", "タグ", "ヒートマップ", "会員登録", "会員", "ポイント",
    ]

    /// Rates and counts name a form without building one: 申込率, "sign-up rate".
    static let metricMentions = ["申込率", "申込数", "申し込み率", "申し込み数", "登録率", "登録数", "sign-up rate", "signup rate", "registration rate", "conversion rate"]

    /// Sends to contacts already held (a newsletter) collect nobody new.
    static let sendOnlyWords = [
        "newsletter", "newsletters", "e-mail send", "email send", "send", "mailing", "unsubscribe", "メルマガ",
        "ニュースレター", "配信", "一斉送信", "配信停止",
    ]

    /// Words that make "name" or "address" about a thing rather than a person.
    static let impersonalQualifiers: Set<String> = [
        "company", "campaign", "product", "event", "file", "page", "domain", "web", "website", "program",
        "programme", "form", "list", "brand", "account", "organisation", "organization", "project", "job", "app",
        "server", "url", "billing", "shipping", "office",
    ]

    static func mentionsPersonalData(_ items: [String]) -> Bool {
        items.contains { item in
            personalDataItems.contains { term in
                TermMatch.occurrences(of: term, in: item).contains { position in
                    // "company name", "web address": the word before says whose name it is.
                    guard term == "name" || term == "address" || term == "mobile" else { return true }
                    let before = item.lowercased().utf8.prefix(position)
                    let previousWord = String(decoding: before, as: UTF8.self)
                        .split(whereSeparator: { !$0.isLetter }).last.map(String.init) ?? ""
                    let after = String(decoding: item.lowercased().utf8.dropFirst(position + term.utf8.count), as: UTF8.self)
                    if term == "mobile", after.hasPrefix(" app") { return false }
                    return !impersonalQualifiers.contains(previousWord)
                }
            }
        }
    }

    /// True when the system stores or receives personal data, as stated or as its data items show.
    static func touchesPersonalData(_ system: AffectedSystem, configuration: Configuration) -> Bool {
        if let stated = system.personalData { return stated }
        if let name = system.name, configuration.catalogueEntry(named: name)?.personalData == true { return true }
        return mentionsPersonalData(system.data)
    }

    /// True when the system collects leads for Sales: the catalogue says so; or its change says
    /// contacts are collected for Sales, or a form whose purpose is not hiring, an experiment or
    /// measurement; or it is a CRM or marketing automation product and the change is more than a
    /// send to existing contacts. English and Japanese lists name the same things, so a draft and
    /// its translation agree.
    static func collectsLeads(_ system: AffectedSystem, configuration: Configuration) -> Bool {
        if let name = system.name, let entry = configuration.catalogueEntry(named: name), let flag = entry.leadForm {
            return flag
        }
        var change = (system.change ?? "").lowercased()
        if mayMentionMetric(change) {
            for mention in metricMentions { change = change.replacingAll(mention, with: " ") }
        }
        if otherPurposeTerms.containsAny(in: change) { return false }
        if leadTerms.containsAny(in: change) || formTerms.containsAny(in: change) { return true }
        guard isLeadSystem(system, configuration: configuration) else { return false }
        return !sendOnlyTerms.containsAny(in: change)
    }

    /// What every metric mention ends in: its last word (`rate`) or character (率, 数).
    static let metricMentionEndings = ["rate", "率", "数"]

    /// False when no metric mention can be in `lowered`, which then needs no Foundation search.
    /// The search matches up to canonical equivalence, so a text holds a mention only if it holds
    /// its ending, or a scalar canonically equivalent to it: ASCII letters have none; 率 has two
    /// compatibility ideographs (U+F961, U+F9DB); 数 has none. Those bytes are all it looks for.
    static func mayMentionMetric(_ lowered: String) -> Bool {
        var text = lowered
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index + 2 < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "r") {
                    if index + 3 < count, bytes[index + 1] == UInt8(ascii: "a"), bytes[index + 2] == UInt8(ascii: "t"),
                        bytes[index + 3] == UInt8(ascii: "e")
                    {
                        return true
                    }
                } else if byte >= 0xE6 {
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    switch byte {
                    case 0xE7 where second == 0x8E && third == 0x87: return true  // 率 U+7387
                    case 0xE6 where second == 0x95 && third == 0xB0: return true  // 数 U+6570
                    case 0xEF where (second == 0xA5 && third == 0xA1) || (second == 0xA7 && third == 0x9B): return true
                    default: break
                    }
                }
                index += 1
            }
            return false
        }
    }

    // The lists as automata, each walked once per text rather than the text lowered once per word.
    static let otherPurposeTerms = TermSet(otherPurposes)
    static let leadTerms = TermSet(leadWords)
    static let formTerms = TermSet(formWords)
    static let sendOnlyTerms = TermSet(sendOnlyWords)
    static let leadSystemTerms = TermSet(leadSystems)

    /// A CRM or marketing automation product, by the catalogue or by its name.
    static func isLeadSystem(_ system: AffectedSystem, configuration: Configuration) -> Bool {
        let name = system.name ?? ""
        if let entry = configuration.catalogueEntry(named: name), let flag = entry.leadForm { return flag }
        return leadSystemTerms.containsAny(in: name)
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
