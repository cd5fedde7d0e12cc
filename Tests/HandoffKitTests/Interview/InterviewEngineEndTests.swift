import Testing

@testable import HandoffKit

/// The interview engine, continued: completions, resuming, IT's questions, progress, the end of
/// the interview and the Japanese pack (the helpers are in InterviewEngineTests.swift).
extension InterviewEngineTests {
    // MARK: - Completions

    @Test(
        "commands, sections and formats complete",
        arguments: [
            ("/ex", ["/example", "/export"]), ("/goto ti", ["/goto timeline", "/goto title", "/goto timeline.launch", "/goto timeline.deadline", "/goto timeline.reason", "/goto timeline.milestones"]),
            ("/export jira-", ["/export jira-import", "/export jira-v2", "/export jira-v3", "/export jira-v3-bulk"]),
            ("/q", ["/quit"]), ("/export", []), ("/zz", []),
        ])
    func commandCompletions(_ typed: String, _ expected: [String]) {
        #expect(engine().completions(for: typed) == expected)
    }

    @Test("a choice question completes its values and labels")
    func choiceCompletions() {
        let engine = atDeadline()
        #expect(engine.completions(for: "h") == ["hard", "hard — it cannot move"])
        #expect(engine.completions(for: "S").contains("soft"))
        #expect(engine.completions(for: "x") == [])
        // Nothing to complete for a text question.
        #expect(self.engine().completions(for: "a") == [])
    }

    @Test("stakeholder roles complete, each once")
    func roleCompletions() {
        let engine = engine()
        feed(engine, "/goto people")
        #expect(key(engine) == "stakeholders[0].role")
        #expect(engine.completions(for: "le") == ["legal"])
        #expect(engine.completions(for: "business_") == ["business_owner"])
        #expect(engine.completions(for: "it").contains("it_contact"))
        #expect(engine.completions(for: "se") == ["security"])
    }

    @Test("system names complete from the catalogue and well-known tools")
    func systemCompletions() throws {
        let configuration = try ConfigLoader.parse(text: "systems:\n  - {name: Lead Router}\n", source: "handoff.yaml")
        let engine = engine(configuration: configuration)
        feed(engine, "/goto systems")
        #expect(engine.completions(for: "Lea") == ["Lead Router"])
        #expect(engine.completions(for: "mar").contains("Marketo"))
        #expect(engine.completions(for: "hub") == ["HubSpot"])
    }

    @Test("the summary completes export formats")
    func summaryCompletions() {
        let (draft, state) = finished()
        let engine = engine(draft, state: state, interactive: true)
        #expect(key(engine) == "summary")
        #expect(engine.completions(for: "mark") == ["markdown"])
    }

    // MARK: - Resuming

    static let partial = """
        idea: We need a sign-up form for the December webinar on the product page
        title: Webinar sign-up form
        requester: {name: Aiko Sato, team: Field Marketing, email: aiko@example.com}
        objective: {problem: 30% of sign-ups are lost, business_goal: Pipeline growth, why_now: Webinar on 2026-12-18, value: 40 leads}
        scope:
          deliverables: [Sign-up form]
          requirements: [{text: Form asks name and e-mail, priority: must}]
          out_of_scope: [Page redesign]
        systems: [{name: Marketo}]
        kind: other
        """

    @Test("a partly answered draft resumes at its first unanswered question")
    func resume() {
        let engine = engine(TestDrafts.load("idea: \(Self.idea)\ntitle: Webinar sign-up form"))
        #expect(key(engine) == "requester.name")
        #expect(engine.progress == (2, 61))

        let inRecord = self.engine(TestDrafts.load(Self.partial))
        #expect(key(inRecord) == "systems[0].change")
        #expect(inRecord.prompt?.text == "Marketo · What has to change in it?")
    }

    @Test("skipped questions are not asked again on resume")
    func resumeAfterSkips() {
        var state = InterviewState()
        state.skipped = ["requester.name", "requester.team"]
        let engine = engine(TestDrafts.load("idea: \(Self.idea)\ntitle: Webinar sign-up form"), state: state)
        #expect(key(engine) == "requester.email")
        #expect(engine.progress == (4, 61))

        var recordState = InterviewState()
        recordState.skipped = ["systems[0].change"]
        let inRecord = self.engine(TestDrafts.load(Self.partial), state: recordState)
        #expect(key(inRecord) == "systems[0].data")
    }

    @Test("a draft with every question answered starts at the summary")
    func resumeFinished() {
        let (draft, state) = finished()
        let engine = engine(draft, state: state)
        #expect(engine.missingRequired == [])
        let lines = engine.startLines()
        #expect(lines.first == .section("Summary", nil))
        #expect(engine.prompt == nil)
    }

    // MARK: - IT's questions

    @Test("IT's open questions are asked first and their answers recorded")
    func itQuestions() throws {
        let draft = TestDrafts.load(
            """
            idea: \(Self.idea)
            review:
              questions:
                - {by: IT, text: Which Marketo workspace?, answered: false}
                - {by: IT, text: Old question, answered: true, answer: done}
                - {by: Security, text: Who may see the sign-ups?}
                - {by: IT, text: Is the page on the new CMS?}
            """)
        let engine = engine(draft)
        #expect(engine.opening() == [.notice(InterviewText.itQuestionsIntro(.en))])
        #expect(key(engine) == "review.questions[0]")
        #expect(engine.prompt?.text == "IT asks (IT): Which Marketo workspace?")
        #expect(engine.prompt?.section == .review)

        let answer = engine.handle("The EMEA workspace")
        #expect(answer.changed == ["review.questions[0].answer"])
        #expect(engine.draft.review.questions[0].answer == "The EMEA workspace")
        #expect(engine.draft.review.questions[0].answered == true)
        #expect(key(engine) == "review.questions[2]")
        #expect(engine.prompt?.text == "IT asks (Security): Who may see the sign-ups?")

        let open = engine.handle("")
        #expect(open.changed.isEmpty)
        #expect(engine.draft.review.questions[2].isOpen)
        #expect(key(engine) == "review.questions[3]")
        feed(engine, "/skip")
        #expect(engine.draft.review.questions[3].isOpen)
        #expect(key(engine) == "title")
        #expect(engine.draft.review.questions[1].answer == "done")
    }

    // MARK: - Progress and what is missing

    @Test("progress rises with every answer and skip")
    func progress() {
        let engine = engine()
        // Every prompt that will come: the plain questions (the kind and five on operations among
        // them) plus each records question's fields for one record and its "another one?"; the
        // form's nine questions join once the idea names a form.
        #expect(engine.progress == (0, 52))
        #expect(engine.prompt?.answered == 0)
        #expect(engine.prompt?.total == 52)
        feed(engine, Self.idea)
        #expect(engine.progress == (1, 61))
        feed(engine, "Webinar sign-up form", "")
        #expect(engine.progress == (3, 61))
        #expect(engine.prompt?.answered == 3)
    }

    @Test("missingRequired lists the required questions not answered yet")
    func missingRequired() {
        let engine = engine()
        #expect(
            engine.missingRequired == [
                "idea", "title", "objective.problem", "objective.business_goal", "scope.deliverables", "systems",
                "timeline.launch", "success.metrics", "testing.acceptance_criteria",
            ])
        feed(engine, Self.idea, "Webinar sign-up form")
        #expect(engine.missingRequired.first == "objective.problem")
        #expect(!engine.missingRequired.contains("idea"))
    }

    // MARK: - The end

    /// The draft and state a complete English interview leaves.
    private func finished() -> (draft: Draft, state: InterviewState) {
        let engine = engine()
        drive(engine, Self.englishAnswers)
        return (engine.draft, engine.state)
    }

    @Test("a complete interview without a terminal ends with the summary and .finished")
    func completeNonInteractive() {
        let engine = engine()
        let run = drive(engine, Self.englishAnswers)
        #expect(run.last.action == .finished)
        #expect(run.last.lines.contains(.section("Summary", nil)))
        #expect(texts(run.last).first?.hasPrefix("Ready for IT · score ") == true, "\(run.last.lines)")
        #expect(engine.prompt == nil)
        #expect(engine.state.finished == true)
        #expect(engine.state.position == nil)
        #expect(engine.missingRequired == [])
        #expect(run.asked.contains("compliance.legal_review"))
        #expect(engine.progress.answered == engine.progress.total)

        let draft = engine.draft
        #expect(draft.lang == .en)
        #expect(draft.scope.requirements.map(\.priority) == [.must, .could])
        #expect(draft.stakeholders.map(\.role) == [.businessOwner, .legal, .sales, .itContact, .approver])
        #expect(draft.stakeholders[3].email == "web@example.com")
        #expect(draft.compliance.legalReview == .yes)
        #expect(draft.timeline.milestones.first?.date == date("2027-01-08"))
        #expect(draft.success.metrics.first?.reviewOn == date("2027-02-05"))
        #expect(draft.testing.acceptanceCriteria.count == 1)
        let report = Readiness.check(draft, in: TestDrafts.context())
        #expect(report.findings.filter { $0.severity == .blocker } == [])
    }

    @Test("at a terminal the summary offers an export; a format exports, Enter finishes")
    func summaryInteractive() {
        let exporting = engine(interactive: true)
        drive(exporting, Self.englishAnswers)
        #expect(key(exporting) == "summary")
        #expect(exporting.prompt?.section == .review)
        let bad = exporting.handle("pdf")
        #expect(warnings(bad).first?.hasPrefix("Not a format. Choose one of: jira-import") == true)
        #expect(key(exporting) == "summary")
        let export = exporting.handle("jira-v3")
        #expect(export.action == .export(.jiraV3, path: nil))
        #expect(exporting.prompt == nil)

        let (draft, state) = finished()
        let finishing = engine(draft, state: state, interactive: true)
        #expect(finishing.startLines().contains(.section("Summary", nil)))
        #expect(key(finishing) == "summary")
        #expect(finishing.handle("").action == .finished)
        #expect(finishing.prompt == nil)
    }

    // MARK: - Japanese

    static let japaneseAnswers: [String: [String]] = [
        "idea": ["12月のウェビナーに製品ページから申し込めるフォームを作りたい。共有の受信箱で申し込みが埋もれないようにしたい。"],
        "title": ["12月ウェビナーの申込フォーム"], "kind": [""],
        "details.url": ["www.example.co.jp/webinar/january"], "details.content_supplier": ["フィールドマーケティング部"],
        "details.content_due": ["2027-01-08"], "details.responsive": ["スマートフォン優先"],
        "details.accessibility": ["WCAG 2.1 AA"], "details.consent_text": ["本ウェビナーについての連絡に同意します。"],
        "details.consent_approver": ["法務部"], "details.spam_protection": ["reCAPTCHA v3"],
        "details.submissions_to": ["1分以内に Marketo のリード"],
        "operations.expected_traffic": ["2週間で申込300件。招待メール直後に1時間50件"],
        "operations.security_impact": ["いいえ"], "operations.maintained_by": ["マーケティングオペレーション部"],
        "operations.until": ["2027-03-31"],
        "requester.name": ["佐藤 愛子"], "requester.team": ["フィールドマーケティング部"], "requester.email": ["aiko.sato@example.co.jp"],
        "objective.problem": ["申し込みの約3割が共有受信箱で取りこぼされている。"],
        "objective.business_goal": ["エンタープライズ向け新規パイプラインの拡大（FY27 目標）"],
        "objective.why_now": ["ウェビナーが 2027-01-28 に開催されるため。"],
        "objective.value": ["有効リード40件、パイプライン見込み1,800万円"],
        "scope.deliverables": ["製品ページの申込フォーム", "確認メール", ""],
        "scope.requirements[0].text": ["フォーム項目は氏名・会社メール・会社名・同意"], "scope.requirements[0].priority": ["1"],
        "scope.requirements[1].text": [""],
        "scope.out_of_scope": ["製品ページ全体のリデザイン", ""],
        "systems[0].name": ["Marketo"], "systems[0].change": ["新規プログラムとフォームの作成"],
        "systems[0].data": ["氏名, メールアドレス, 会社名"], "systems[0].personal_data": ["はい"], "systems[0].owner": ["MOps チーム"],
        "systems[1].name": [""],
        "stakeholders[0].role": ["ビジネスオーナー"], "stakeholders[0].name": ["伊藤 健"], "stakeholders[0].email": ["ken.ito@example.co.jp"],
        "stakeholders[1].role": ["法務"], "stakeholders[1].name": ["法務部"], "stakeholders[1].email": [""],
        "stakeholders[2].role": ["営業"], "stakeholders[2].name": ["田中 美香"], "stakeholders[2].email": [""],
        "stakeholders[3].role": ["IT 窓口"], "stakeholders[3].name": ["Web チーム"], "stakeholders[3].email": [""],
        "stakeholders[4].role": ["承認者"], "stakeholders[4].name": ["伊藤 健"], "stakeholders[4].email": [""],
        "stakeholders[5].role": [""],
        "compliance.legal_review": ["はい"], "compliance.notes": ["同意文言は法務の最新版（v3）を使用"],
        "timeline.launch": ["2027年1月22日"], "timeline.deadline": ["1"],
        "timeline.reason": ["1月28日のウェビナーの告知に間に合わせるため。"],
        "timeline.milestones[0].name": ["原稿確定"], "timeline.milestones[0].date": ["1月8日"],
        "timeline.milestones[1].name": [""],
        "success.kgi": ["ウェビナー参加者からの有効商談"],
        "success.metrics[0].name": ["登録数"], "success.metrics[0].baseline": ["0"], "success.metrics[0].target": ["300"],
        "success.metrics[0].source": ["Marketo"], "success.metrics[0].tracking": ["GA4 のフォーム送信イベント"],
        "success.metrics[0].review_on": ["2027-02-05"], "success.metrics[0].owner": ["佐藤 愛子"],
        "success.metrics[1].name": [""],
        "risks[0].text": ["スパム登録"], "risks[0].mitigation": ["フォームに CAPTCHA を設置"], "risks[1].text": [""],
        "change.iterations": ["公開1週間後に見出しの A/B テスト"],
        "change.people_affected": ["インサイドセールスに新しいリード経路が増える。15分の説明会を実施。"],
        "testing.acceptance_criteria": ["訪問者が正しい内容でフォームを送信すると、1分以内に Marketo にリードが作成される", ""],
        "testing.qa_notes": ["iPhone の Safari と Android の Chrome で確認"],
    ]

    @Test("a complete interview in Japanese gives a Japanese draft with no blocker")
    func japaneseInterview() {
        let engine = engine(pack: Self.ja)
        #expect(engine.draft.lang == .ja)
        #expect(engine.prompt?.text == question("idea", in: Self.ja).text)
        #expect(engine.startLines() == [.section("アイデア", Self.ja.sections[0].intro)])
        let run = drive(engine, Self.japaneseAnswers)
        #expect(run.last.action == .finished)
        #expect(run.last.lines.contains(.section("まとめ", nil)))

        let draft = engine.draft
        #expect(draft.lang == .ja)
        #expect(draft.title == "12月ウェビナーの申込フォーム")
        #expect(draft.title?.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } == true)
        #expect(draft.systems.first?.data == ["氏名", "メールアドレス", "会社名"])
        #expect(draft.systems.first?.personalData == true)
        #expect(draft.stakeholders.map(\.role) == [.businessOwner, .legal, .sales, .itContact, .approver])
        #expect(draft.compliance.legalReview == .yes)
        #expect(draft.timeline.launch == date("2027-01-22"))
        #expect(draft.timeline.deadline == .hard)
        #expect(draft.timeline.milestones.first?.date == date("2027-01-08"))
        #expect(draft.success.metrics.first?.target == .number("300"))

        let report = Readiness.check(draft, in: TestDrafts.context(.ja))
        #expect(report.findings.filter { $0.severity == .blocker }.map(\.rule) == [])
        #expect(report.isReady)
    }

    @Test("Japanese prompts speak Japanese: warnings, hints, confirmations")
    func japaneseWords() {
        let engine = engine(interactive: true, pack: Self.ja)
        #expect(warnings(engine.handle("")) == [InterviewText.required(.ja)])
        feed(engine, "/goto スケジュール")
        #expect(key(engine) == "timeline.launch")
        feed(engine, "来週の金曜")
        #expect(engine.prompt?.kind == .confirmation)
        #expect(engine.prompt?.text == "2026年11月27日（金） (2026-11-27)?")
        #expect(engine.prompt?.defaultValue == "はい")
        feed(engine, "はい")
        #expect(engine.draft.timeline.launch == date("2026-11-27"))
        #expect(engine.prompt?.hint == "1 厳守（動かせない） · 2 目安（少しなら動かせる） · 3 期限なし（できしだい）")
        feed(engine, "目安（少しなら動かせる）")
        #expect(engine.draft.timeline.deadline == .soft)
        feed(engine, "なるべく早く")
        #expect(engine.prompt?.kind == .followUp)
        #expect(engine.prompt?.text == VagueLexicon.Kind.time.followUp("なるべく早く")(.ja))
    }
}
