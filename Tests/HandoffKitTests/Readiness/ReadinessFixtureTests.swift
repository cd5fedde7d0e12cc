import Foundation
import Testing

@testable import HandoffKit

extension Rules {
    /// Realistic drafts under `Fixtures/Readiness/`, one file per class of the readiness issue and
    /// language. Each document says in comments what a careful IT reviewer expects:
    /// `# fires: rule@field` (the rule must report that field) and `# silent: rule` (the rule must
    /// report nothing). Every expectation is checked, and precision and recall are printed per file.
    @Suite("Readiness fixtures")
    struct ReadinessFixtureTests {
        struct Case: CustomTestStringConvertible, Sendable {
            var file: String
            var index: Int
            var text: String
            var fires: [(rule: String, field: String)]
            var silent: [String]
            var testDescription: String { "\(file) #\(index)" }
        }

        static let directory = TestDrafts.repositoryRoot.appendingPathComponent("Tests/HandoffKitTests/Fixtures/Readiness")

        static let files: [String] = {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted()
        }()

        static func cases(_ file: String) -> [Case] {
            let text = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return text.components(separatedBy: "\n---\n").enumerated().map { index, document in
                var fires: [(String, String)] = []
                var silent: [String] = []
                for line in document.split(separator: "\n") {
                    if line.hasPrefix("# fires: ") {
                        let spec = line.dropFirst("# fires: ".count).split(separator: "@", maxSplits: 1)
                        fires.append((String(spec[0]), spec.count > 1 ? String(spec[1]) : ""))
                    } else if line.hasPrefix("# silent: ") {
                        silent.append(String(line.dropFirst("# silent: ".count)))
                    }
                }
                return Case(file: file, index: index + 1, text: document, fires: fires, silent: silent)
            }
        }

        static let allCases: [Case] = files.flatMap(cases)

        static func findings(_ testCase: Case) -> [Finding] {
            let draft = TestDrafts.load(testCase.text)
            return Readiness.check(draft, in: TestDrafts.context(draft.language)).findings
        }

        @Test("every class has fixtures that fire and fixtures that must stay silent, in English and Japanese")
        func coverage() {
            for stem in ["placeholders", "vague", "leadform", "secrets", "new-rules"] {
                for language in ["en", "ja"] {
                    let cases = Self.cases("\(stem)-\(language).yaml")
                    #expect(cases.contains { !$0.fires.isEmpty }, "\(stem)-\(language): nothing that fires")
                    #expect(cases.contains { !$0.silent.isEmpty }, "\(stem)-\(language): nothing that must stay silent")
                }
            }
        }

        @Test("each fixture gets the verdict a careful reviewer gives", arguments: allCases)
        func verdict(_ testCase: Case) {
            #expect(!testCase.fires.isEmpty || !testCase.silent.isEmpty, "a fixture without expectations")
            let findings = Self.findings(testCase)
            for (rule, field) in testCase.fires {
                #expect(
                    findings.contains { $0.rule == rule && $0.field == field }, "\(rule)@\(field) missing; got \(findings.map { "\($0.rule)@\($0.field)" })")
            }
            for rule in testCase.silent {
                let fired = findings.filter { $0.rule == rule }
                #expect(fired.isEmpty, "\(rule) must stay silent: \(fired.map(\.message))")
            }
        }

        @Test("precision and recall per file (printed for the report)")
        func precisionAndRecall() {
            var totals = (truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0)
            for file in Self.files {
                var tp = 0
                var fp = 0
                var fn = 0
                var tn = 0
                for testCase in Self.cases(file) {
                    let findings = Self.findings(testCase)
                    for (rule, field) in testCase.fires {
                        if findings.contains(where: { $0.rule == rule && $0.field == field }) { tp += 1 } else { fn += 1 }
                    }
                    for rule in testCase.silent {
                        if findings.contains(where: { $0.rule == rule }) { fp += 1 } else { tn += 1 }
                    }
                }
                totals.truePositive += tp
                totals.falsePositive += fp
                totals.falseNegative += fn
                totals.trueNegative += tn
                print("readiness fixtures \(file): \(tp + fn) expected findings, \(tp) found; \(fp + tn) must-stay-silent, \(fp) fired")
            }
            let precision = Double(totals.truePositive) / Double(max(1, totals.truePositive + totals.falsePositive))
            let recall = Double(totals.truePositive) / Double(max(1, totals.truePositive + totals.falseNegative))
            print("readiness fixtures: precision \(precision), recall \(recall) (TP \(totals.truePositive), FP \(totals.falsePositive), FN \(totals.falseNegative), TN \(totals.trueNegative))")
            #expect(precision == 1.0)
            #expect(recall == 1.0)
        }
    }
}
