/// The interview's own words (not the questions, which live in the prompt packs).
enum InterviewText {
    static let commands: [(String, Localized)] = [
        ("/help", Localized(en: "this list", ja: "この一覧")),
        ("/why", Localized(en: "why IT needs this answer", ja: "IT がこの回答を必要とする理由")),
        ("/example", Localized(en: "an example answer", ja: "回答の例")),
        ("/back", Localized(en: "go back one question", ja: "一つ前の質問に戻る")),
        ("/skip", Localized(en: "leave this one for later", ja: "この質問を後回しにする")),
        ("/goto SECTION|FIELD", Localized(en: "jump to a section or a question (/goto scope.out_of_scope)", ja: "セクションか質問へ移動（/goto scope.out_of_scope）")),
        ("/show", Localized(en: "show the draft so far", ja: "ここまでのドラフトを表示")),
        ("/check", Localized(en: "what IT would still miss", ja: "IT にとってまだ足りないもの")),
        ("/edit", Localized(en: "write this answer in your editor (a list: one item a line)", ja: "この回答をエディタで書く（リストは1行に1項目）")),
        ("/export FORMAT [PATH]", Localized(en: "export now (jira-import, jira-v3, markdown …)", ja: "今すぐ出力（jira-import、jira-v3、markdown など）")),
        ("/save", Localized(en: "save now (every answer is saved anyway)", ja: "今すぐ保存（回答は毎回保存されます）")),
        ("/quit", Localized(en: "save and leave; `handoff resume` continues", ja: "保存して終了（`handoff resume` で再開）")),
    ]
    static var commandNames: [String] { commands.map { String($0.0.split(separator: " ")[0]) } }

    static let required = Localized(
        en: "IT needs this one. Type an answer, /why to see why, or /skip to leave it for later.",
        ja: "この回答は IT に必要です。回答を入力するか、/why で理由を見るか、/skip で後回しにしてください。")
    static let listHint = Localized(en: "one per line; an empty line when done", ja: "1行に1つ、終わったら空行")
    static let commaHint = Localized(en: "separate several with commas", ja: "複数あればカンマで区切って")
    static let recordHint = Localized(en: "Enter when there are no more", ja: "もうなければ Enter")
    static let followUpHint = Localized(en: "Enter keeps your answer as it is", ja: "Enter で回答をそのまま残します")
    static let saved = Localized(en: "Saved.", ja: "保存しました。")
    static func skipped(_ key: String) -> Localized {
        Localized(
            en: "Skipped for now: the summary lists it, and /goto \(key) comes back to it.",
            ja: "後回しにしました。まとめに表示されます。/goto \(key) で戻れます。")
    }
    static let notDate = Localized(
        en: "That is not a date I can read. Try 2026-12-04, Dec 4, next friday or in 3 weeks.",
        ja: "日付として読めませんでした。2026-12-04、12月4日、来週の金曜、3週間後 のように入力してください。")
    static let notYesNo = Localized(en: "Please answer yes or no.", ja: "はい か いいえ で答えてください。")
    static let nothingToEdit = Localized(en: "/edit works on text answers and lists.", ja: "/edit は文章とリストの回答で使えます。")
    static let atStart = Localized(en: "This is the first question.", ja: "これが最初の質問です。")
    static let itAsks = Localized(en: "IT asks", ja: "IT からの質問")
    static let itQuestionsIntro = Localized(
        en: "IT sent questions back. Answer them first (Enter leaves one open).",
        ja: "IT から質問が届いています。先に回答してください（Enter で未回答のまま）。")

    static let summaryTitle = Localized(en: "Summary", ja: "まとめ")
    static let exportNow = Localized(
        en: "Export now? Type a format (jira-import, jira-v3, markdown …) or press Enter to finish.",
        ja: "今すぐ出力しますか。形式（jira-import、jira-v3、markdown など）を入力するか、Enter で終了します。")
    static let yes = Localized(en: "yes", ja: "はい")
    static let yesNoHint = Localized(en: "y/n, or “don't know”", ja: "はい/いいえ、または「わからない」")
    static let suggestedHint = Localized(en: "you mentioned these; Enter adds them", ja: "アイデアに出てきたものです。Enter で追加")
    static func listKeepHint(_ count: Int) -> Localized {
        Localized(
            en: "\(count) item\(count == 1 ? "" : "s") so far; type one to add it, Enter keeps the list, /edit removes",
            ja: "現在\(count)件。入力すると追加、Enter でそのまま、削除は /edit")
    }
    static let notAskedHere = Localized(
        en: "An earlier answer makes this question unnecessary; answer it anyway, or /skip.",
        ja: "これまでの回答からは不要な質問ですが、回答もできます（/skip で次へ）。")
    static func gotoTargets(_ sections: String) -> Localized {
        Localized(
            en: "No such section or question. Sections: \(sections); or a field such as scope.out_of_scope.",
            ja: "そのセクションや質問はありません。セクション：\(sections)。scope.out_of_scope のような項目名も使えます。")
    }
    static let openPoint = Localized(
        en: "Noted as an open point: the summary lists it, and IT will ask.",
        ja: "未確定として記録しました。まとめに表示され、IT から確認が入ります。")
    static func notedAsOpen(_ answer: String) -> Localized {
        Localized(
            en: "'\(answer)' noted as open — IT will need it before work can start; the summary lists it.",
            ja: "「\(answer)」は未確定として記録しました。作業開始までに IT が必要とする情報です（まとめに表示されます）。")
    }
    static let chooseOne = Localized(en: "Choose one of: ", ja: "次から選んでください：")
    static let whichDate = Localized(en: "Which date, then?", ja: "では、いつですか。")
    static let alreadyListed = Localized(en: "Already in the list.", ja: "すでにリストにあります。")
    static func joinedLines(_ count: Int) -> Localized {
        Localized(
            en: "This answer is one line: your \(count) lines were joined into one.",
            ja: "この回答は1行です。\(count)行を1行にまとめました。")
    }
    static let followUpNotAsked = Localized(
        en: "(not asked without a terminal: improve the answer with handoff resume, --answers or --set)",
        ja: "（端末がないため質問しません。handoff resume、--answers、--set で回答を補ってください）")
    static let added = Localized(en: "Added: ", ja: "追加しました：")
    static let commandsHeading = Localized(en: "Commands:", ja: "コマンド：")
    static let keys = Localized(
        en: "Ctrl-C clears the line · Ctrl-D saves and leaves · Tab completes",
        ja: "Ctrl-C で行を消去 · Ctrl-D で保存して終了 · Tab で補完")
    static let nothingAsked = Localized(en: "Nothing is being asked right now.", ja: "今は質問していません。")
    static let forExample = Localized(en: "For example: ", ja: "例：")
    static func unknownCommand(_ name: String) -> Localized {
        Localized(en: "Unknown command \(name).", ja: "\(name) というコマンドはありません。")
    }
    static func didYouMean(_ name: String) -> Localized { Localized(en: "Did you mean \(name)?", ja: "\(name) のことですか。") }
    static let helpLists = Localized(en: "/help lists them.", ja: "/help で一覧を表示します。")
    static let ready = Localized(en: "Ready for IT", ja: "IT に渡せる状態です")
    static let notReady = Localized(en: "Not ready for IT yet", ja: "まだ IT に渡せる状態ではありません")
    static func score(_ score: Int) -> Localized { Localized(en: "score \(score)/100", ja: "スコア \(score)/100") }
    static let stillOpen = Localized(en: "Still open:", ja: "まだ答えが必要なこと：")
    static let skippedHeading = Localized(en: "Skipped (to answer later):", ja: "後回しにした質問：")
    static let unsureHeading = Localized(
        en: "Open points (not known yet; IT will need them):", ja: "未確定の項目（作業開始までに IT が必要とします）：")
    static func moreSuggestions(_ count: Int) -> Localized {
        Localized(
            en: "\(count) more suggestion\(count == 1 ? "" : "s"): `handoff check` lists them.",
            ja: "ほかに提案が\(count)件あります（`handoff check` で確認できます）。")
    }
    static let notFormat = Localized(en: "Not a format. Choose one of: ", ja: "形式が違います。次から選んでください：")

    /// "Don't know" to a follow-up: the answer is kept as first typed.
    static func keptAsTyped(_ vague: String?) -> Localized {
        guard let vague else {
            return Localized(en: "Kept your answer as you wrote it.", ja: "回答は入力どおりに残しました。")
        }
        return Localized(
            en: "Kept your answer as you wrote it; IT will ask what '\(vague)' means.",
            ja: "回答は入力どおりに残しました。「\(vague)」の意味は IT から確認があります。")
    }

    /// "Don't know", 「わからない」: not an answer but an open point.
    static func isDontKnow(_ line: String) -> Bool {
        // The normal form drops trailing question marks, so a bare "?" (or "？？") is its own case.
        if !line.isEmpty, line.allSatisfy({ $0 == "?" || $0 == "？" }) { return true }
        return dontKnowWords.contains(ChoiceReading.normalised(line))
    }
    static let dontKnowWords: Set<String> = [
        "don't know", "dont know", "do not know", "i don't know", "i dont know", "not sure", "unsure", "no idea",
        "unknown", "idk", "?", "わからない", "分からない", "わかりません", "分かりません", "不明", "知らない", "知りません",
        "未確認", "さあ",
    ]

    /// The follow-up for a vague word, worded for the question it follows: a date's consequence
    /// only for the timeline, "measured where" only for success, "could" only for requirements.
    static func followUp(_ kind: VagueLexicon.Kind, word: String, field: String) -> Localized {
        let timeline = field.hasPrefix("timeline.")
        let measured = field.hasPrefix("success.") || field.hasPrefix("objective.value")
        let requirement = field.hasPrefix("scope.")
        switch kind {
        case .time where !timeline:
            return Localized(en: "'\(word)' — by which date, roughly?", ja: "「\(word)」とは、だいたいいつ頃ですか。")
        case .quantity where !measured:
            return Localized(en: "'\(word)' — how many or how much, as a number?", ja: "「\(word)」とは、数字でいうとどれくらいですか。")
        case .quality where !measured:
            return Localized(
                en: "'\(word)' — what exactly would someone see or be able to do?",
                ja: "「\(word)」とは、具体的に何が見えたり、できたりすることですか。")
        case .hedge where !requirement:
            return Localized(
                en: "'\(word)' — is that decided? Say what is known, or what still has to be decided.",
                ja: "「\(word)」は決まっていますか。分かっていることか、まだ決めることを書いてください。")
        default:
            return kind.followUp(word)
        }
    }

    /// Plain explanations for the jargon in a question, for `/why`.
    static func jargon(in text: String) -> [Localized] {
        glossary.filter { term, _ in TermMatch.contains(term, in: text) }.map(\.1)
    }
    static let glossary: [(String, Localized)] = [
        ("KGI", Localized(
            en: "KGI (key goal indicator): the one result the business wants in the end, such as qualified leads or sales — not a step on the way like page views.",
            ja: "KGI（重要目標達成指標）：最終的に事業として得たい一つの成果（有望なリード数や売上など）。ページビューのような途中の数字ではありません。")),
        ("KPI", Localized(
            en: "KPI (key performance indicator): a number watched on the way to the goal, such as sign-ups a week.",
            ja: "KPI（重要業績評価指標）：目標に向かう途中で見る数字（週ごとの登録数など）。")),
        ("UTM", Localized(
            en: "UTM parameters: tags added to a link so analytics can tell which campaign a visitor came from.",
            ja: "UTM パラメータ：どのキャンペーンから来た訪問者かを分析ツールで区別するため、リンクに付ける目印。")),
        ("baseline", Localized(
            en: "Baseline: the number as it is today, before the change, so the result can be compared.",
            ja: "ベースライン：変更前の今の数字。結果と比べるために使います。")),
        ("acceptance criteria", Localized(
            en: "Acceptance criteria: the checks that say the work is done, written as “Given …, when …, then …”.",
            ja: "受け入れ条件：完成したと判断する確認項目。「〜のとき、〜すると、〜になる」の形で書きます。")),
        ("受け入れ条件", Localized(
            en: "Acceptance criteria: the checks that say the work is done.",
            ja: "受け入れ条件：完成したと判断する確認項目。「〜のとき、〜すると、〜になる」の形で書きます。")),
        ("personal data", Localized(
            en: "Personal data: anything that identifies a person — name, e-mail, phone, company plus name.",
            ja: "個人情報：氏名、メールアドレス、電話番号など、個人を特定できる情報。")),
        ("個人情報", Localized(
            en: "Personal data: anything that identifies a person.",
            ja: "個人情報：氏名、メールアドレス、電話番号など、個人を特定できる情報。")),
    ]

    static func choiceHint(_ choices: [PromptChoice]) -> String {
        choices.enumerated().map { "\($0.offset + 1) \($0.element.label ?? $0.element.value ?? "")" }.joined(separator: " · ")
    }
}
