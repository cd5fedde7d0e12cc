/// The interview's own words (not the questions, which live in the prompt packs).
enum InterviewText {
    static let commands: [(String, Localized)] = [
        ("/help", Localized(en: "this list", ja: "この一覧")),
        ("/why", Localized(en: "why IT needs this answer", ja: "IT がこの回答を必要とする理由")),
        ("/example", Localized(en: "an example answer", ja: "回答の例")),
        ("/back", Localized(en: "go back one question", ja: "一つ前の質問に戻る")),
        ("/skip", Localized(en: "leave this one for later", ja: "この質問を後回しにする")),
        ("/goto SECTION", Localized(en: "jump to a section", ja: "セクションへ移動")),
        ("/show", Localized(en: "show the draft so far", ja: "ここまでのドラフトを表示")),
        ("/check", Localized(en: "what IT would still miss", ja: "IT にとってまだ足りないもの")),
        ("/edit", Localized(en: "write this answer in your editor", ja: "この回答をエディタで書く")),
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
    static let keepHint = Localized(en: "Enter keeps it", ja: "Enter でそのまま")
    static let followUpHint = Localized(en: "Enter keeps your answer as it is", ja: "Enter で回答をそのまま残します")
    static let confirmHint = Localized(en: "[Y/n]", ja: "[Y/n]")
    static let saved = Localized(en: "Saved.", ja: "保存しました。")
    static let skipped = Localized(en: "Skipped; `handoff resume` will not ask it again, /goto comes back to it.", ja: "スキップしました。/goto で戻れます。")
    static let notDate = Localized(
        en: "That is not a date I can read. Try 2026-12-04, Dec 4, next friday or in 3 weeks.",
        ja: "日付として読めませんでした。2026-12-04、12月4日、来週の金曜、3週間後 のように入力してください。")
    static let notYesNo = Localized(en: "Please answer yes or no.", ja: "はい か いいえ で答えてください。")
    static let nothingToEdit = Localized(en: "/edit works on text answers.", ja: "/edit は文章の回答で使えます。")
    static let atStart = Localized(en: "This is the first question.", ja: "これが最初の質問です。")
    static let itAsks = Localized(en: "IT asks", ja: "IT からの質問")
    static let itQuestionsIntro = Localized(
        en: "IT sent questions back. Answer them first (Enter leaves one open).",
        ja: "IT から質問が届いています。先に回答してください（Enter で未回答のまま）。")

    static func choiceHint(_ choices: [PromptChoice]) -> String {
        choices.enumerated().map { "\($0.offset + 1) \($0.element.label ?? $0.element.value ?? "")" }.joined(separator: " · ")
    }
}
