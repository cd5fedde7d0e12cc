/// What a pull found: the issue's status and the comments that are new questions.
public struct JiraPullOutcome: Sendable {
    /// The issue's key, e.g. MKT-123.
    public var key: String
    /// The issue's status name, as the site calls it; nil when Jira did not say.
    public var status: String?
    /// The new comments turned into questions, oldest first; empty when there are none.
    public var questions: [ReviewQuestion]
    /// The newest comment read, to start from next time.
    public var lastComment: String?
}

extension JiraRoundTrip {
    /// Reads the status of the draft's issue and the comments added since the last pull. Comments
    /// handoff posted (answers) are skipped; so is any comment a question already came from.
    public func pull(_ draft: Draft) throws(JiraFailure) -> JiraPullOutcome {
        guard let key = draft.jira.key else {
            throw JiraFailure(.usage, "the draft has no Jira issue yet (no jira.key): run `handoff push` first")
        }
        let api = try client.resolvedAPI()
        let issue = try client.call(
            "GET", try client.apiPath("/issue/\(key)?fields=status&properties=\(JiraIssueBodies.propertyKey)"), what: "issue \(key)")
        let status = issue?["fields"]?["status"]?["name"]?.scalarText
        let state = State(issue?["properties"]?[JiraIssueBodies.propertyKey])
        let known = Set(draft.review.questions.compactMap(\.jiraComment))
        let since = draft.jira.lastComment.flatMap { Int($0) } ?? Int.min
        var questions: [ReviewQuestion] = []
        var newest = draft.jira.lastComment
        var startAt = 0
        while true {
            let page = try client.call(
                "GET", try client.apiPath("/issue/\(key)/comment?startAt=\(startAt)&maxResults=100&orderBy=created"),
                what: "the comments of \(key)")
            let comments = page?["comments"]?.items ?? []
            for comment in comments {
                guard let id = comment["id"]?.scalarText else { continue }
                if let number = Int(id), number > (newest.flatMap { Int($0) } ?? Int.min) { newest = id }
                if (Int(id) ?? Int.max) <= since || known.contains(id) || state?.posted.contains(id) == true { continue }
                let text = Self.plainText(comment["body"], api: api)
                if text.contains(JiraIssueBodies.answerMarker.en) || text.contains(JiraIssueBodies.answerMarker.ja) { continue }
                guard !text.allSatisfy(\.isWhitespace) else { continue }
                var question = ReviewQuestion(by: comment["author"]?["displayName"]?.scalarText ?? "IT", text: text)
                question.jiraComment = id
                if let created = comment["created"]?.scalarText, case .success(let date) = CivilDate.parse(String(created.prefix(10))) {
                    question.askedOn = date
                }
                questions.append(question)
            }
            let total = page?["total"]?.scalarText.flatMap { Int($0) } ?? 0
            startAt += comments.count
            if comments.isEmpty || startAt >= total { break }
        }
        return JiraPullOutcome(key: key, status: status, questions: questions, lastComment: newest)
    }

    /// A comment's text: v2 sends wiki markup as a string, v3 an ADF document whose text nodes are
    /// joined, a paragraph a line.
    static func plainText(_ body: DocNode?, api: JiraAPIVersion) -> String {
        guard let body else { return "" }
        if let text = body.scalarText { return text.trimmingCharacters(in: " \n") }
        var lines: [String] = []
        var current = ""
        func walk(_ node: DocNode) {
            if let items = node.items { items.forEach(walk); return }
            let type = node["type"]?.scalarText
            if type == "text", let text = node["text"]?.scalarText { current += text }
            if type == "hardBreak" { current += "\n" }
            if let content = node["content"] { walk(content) }
            if type == "paragraph" || type == "heading" || type == "listItem" || type == "codeBlock" {
                if !current.isEmpty { lines.append(current) }
                current = ""
            }
        }
        walk(body)
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n").trimmingCharacters(in: " \n")
    }
}
