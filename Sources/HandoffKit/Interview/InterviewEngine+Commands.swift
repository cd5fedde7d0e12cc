/// Slash commands: `/help`, `/why`, `/example`, `/back`, `/skip`, `/goto`, `/show`, `/check`,
/// `/edit`, `/export`, `/save`, `/quit`.
extension InterviewEngine {
    func command(_ line: String) -> InterviewResponse {
        var response = InterviewResponse()
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = parts.first?.lowercased() ?? line
        let inQuestion = (mode == .asking || mode == .listing) && isOnQuestion
        // /why and /example also answer during a follow-up or a date confirmation.
        let aboutQuestion: Bool
        switch mode {
        case .asking, .listing, .followUp, .confirmDate: aboutQuestion = isOnQuestion
        default: aboutQuestion = false
        }
        switch name {
        case "/help":
            response.lines.append(.text(text(InterviewText.commandsHeading)))
            for (command, summary) in InterviewText.commands { response.lines.append(.text("  \(command) — \(summary(language))")) }
            response.lines.append(.notice(text(InterviewText.keys)))
        case "/why":
            guard aboutQuestion else {
                response.lines.append(.text(text(InterviewText.nothingAsked)))
                break
            }
            let question = currentQuestion
            response.lines.append(.text(question.why ?? currentItem.question.why ?? ""))
            let asked = [question.text, currentItem.question.text, question.why].compactMap { $0 }.joined(separator: " ")
            for term in InterviewText.jargon(in: asked) { response.lines.append(.notice(term(language))) }
        case "/example":
            response.lines.append(
                .text(
                    aboutQuestion
                        ? text(InterviewText.forExample) + (currentQuestion.example ?? currentItem.question.example ?? "")
                        : text(InterviewText.nothingAsked)))
        case "/back":
            back(&response)
        case "/skip":
            if inQuestion {
                mode = .asking
                skip(&response)
            } else if case .itQuestion(let index) = mode {
                answerITQuestion(index, "", &response)
            } else if Self.waitsOnFollowUp(mode) {
                // Skipping a follow-up keeps the answer as it is.
                response = handle("")
                return response
            }
        case "/goto":
            goto(parts.dropFirst().joined(separator: " "), &response)
        case "/show":
            response.lines.append(.text(YAMLWriter.document(draft.encoded)))
        case "/check":
            response.lines += summaryLines()
        case "/edit":
            let question = currentQuestion
            guard inQuestion, [.text, .longText, .list].contains(question.questionType) else {
                response.lines.append(.warning(text(InterviewText.nothingToEdit)))
                break
            }
            if question.questionType == .list {
                response.action = .edit(currentList().map { $0 + "\n" }.joined())
            } else {
                response.action = .edit(currentDefault() ?? "")
            }
        case "/export":
            guard parts.count >= 2, let format = ExportFormat(rawValue: parts[1].lowercased()) else {
                response.lines.append(
                    .warning("/export FORMAT [PATH] — " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))
                break
            }
            response.action = .export(format, path: parts.count >= 3 ? parts[2...].joined(separator: " ") : nil)
        case "/save":
            response.action = .save
        case "/quit", "/exit":
            response.action = .quit
        default:
            var message = text(InterviewText.unknownCommand(name))
            if let nearest = Spelling.nearest(to: name, in: InterviewText.commandNames) {
                message += " " + text(InterviewText.didYouMean(nearest))
            }
            message += " " + text(InterviewText.helpLists)
            response.lines.append(.warning(message))
        }
        announce(&response)
        return response
    }

    func answerITQuestion(_ index: Int, _ line: String, _ response: inout InterviewResponse) {
        if !line.isEmpty, index < draft.review.questions.count {
            var question = draft.review.questions[index]
            question.answer = line
            question.answered = true
            draft.review.questions[index] = question
            response.changed.append("review.questions[\(index)].answer")
        }
        if let next = draft.review.questions.indices.first(where: {
            $0 > index && draft.review.questions[$0].isOpen && !draft.review.questions[$0].text.isBlank
        }) {
            mode = .itQuestion(next)
        } else if isOnQuestion {
            mode = .asking
        } else {
            enterSummary(&response)
        }
    }
}
