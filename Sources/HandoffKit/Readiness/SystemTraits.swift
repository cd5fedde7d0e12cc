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

    /// Words in a change or deliverable that mean leads are being collected.
    static let leadWords = [
        "lead", "leads", "lead form", "sign-up form", "signup form", "sign up form", "registration form", "contact form", "demo request",
        "request form", "inquiry", "enquiry", "リード", "フォーム", "問い合わせ", "問合せ", "資料請求", "申込", "申し込み",
        "登録フォーム", "見込み客",
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

    /// True when the system collects leads: the catalogue says so, it is a CRM or marketing
    /// automation product, or its change describes a lead form.
    static func collectsLeads(_ system: AffectedSystem, configuration: Configuration) -> Bool {
        if let name = system.name, let entry = configuration.catalogueEntry(named: name), let flag = entry.leadForm {
            return flag
        }
        let name = system.name ?? ""
        if leadSystems.contains(where: { TermMatch.contains($0, in: name) }) { return true }
        let change = system.change ?? ""
        return leadWords.contains { TermMatch.contains($0, in: change) }
    }
}
