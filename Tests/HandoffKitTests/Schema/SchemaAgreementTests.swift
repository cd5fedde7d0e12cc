import Foundation
import Testing

@testable import HandoffKit

/// `handoff check` accepts a draft if and only if the schema `handoff schema` prints validates it:
/// each probe goes through the loader and through Python's jsonschema, and the verdicts must match.
@Suite("The schema accepts what check accepts")
struct SchemaAgreementTests {
    /// Every probe validated in one Python run, shared by the cases below.
    static let verdicts: Result<[SchemaVerdict], SchemaVerdicts.ValidatorFailure> = {
        do {
            return .success(try SchemaVerdicts.validate(SchemaProbes.all.map(\.yaml)))
        } catch {
            return .failure(SchemaVerdicts.ValidatorFailure(message: "\(error)"))
        }
    }()

    static func verdict(for probe: SchemaProbe) throws -> SchemaVerdict {
        let index = try #require(SchemaProbes.all.firstIndex { $0.name == probe.name && $0.yaml == probe.yaml })
        return try verdicts.get()[index]
    }

    @Test("a probe gets the same verdict from the loader and from the schema (YAML 1.1 reading)", arguments: SchemaProbes.all)
    func agrees(_ probe: SchemaProbe) throws {
        let verdict = try Self.verdict(for: probe)
        let loader = LoaderVerdict.accepts(probe.yaml)
        #expect(
            loader.accepted == verdict.yaml11.valid,
            "\(probe.yaml)loader: \(loader.errors)\nschema: \(verdict.yaml11.errors)")
        if let contract = probe.contract {
            #expect(loader.accepted == contract, "\(probe.yaml)loader: \(loader.errors)")
        }
    }

    @Test("the JSON form of a probe gets the same verdict from the loader", arguments: SchemaProbes.all)
    func jsonFormAgrees(_ probe: SchemaProbe) throws {
        let verdict = try Self.verdict(for: probe)
        guard let json = verdict.yaml11.json else { return }
        let loader = LoaderVerdict.accepts(json + "\n")
        #expect(loader.accepted == verdict.yaml11.valid, "\(json)\nloader: \(loader.errors)\nschema: \(verdict.yaml11.errors)")
    }

    /// A YAML 1.2 reader sees `yes` as text and `1e3`, `08` as numbers. The schema takes both
    /// readings of every field but `id`, which must be text to YAML 1.1 (see `PlainScalarReading`):
    /// an unquoted id such as `yes` or `08` is where the two readings, and so editors, differ.
    @Test("a YAML 1.2 reading gets the same verdict, unquoted ids aside", arguments: SchemaProbes.all)
    func yaml12Agrees(_ probe: SchemaProbe) throws {
        let verdict = try Self.verdict(for: probe)
        if verdict.yaml11.valid != verdict.yaml12.valid {
            #expect(
                probe.name.hasPrefix("id: "),
                "\(probe.yaml)1.1: \(verdict.yaml11.errors)\n1.2: \(verdict.yaml12.errors)")
        }
    }

    @Test("the probes cover both verdicts and the issue's list is accepted")
    func coverage() throws {
        let accepted = SchemaProbes.all.filter { LoaderVerdict.accepts($0.yaml).accepted }.count
        #expect(SchemaProbes.all.count >= 200)
        #expect(accepted > 60)
        #expect(SchemaProbes.all.count - accepted > 60)
        #expect(SchemaProbes.fromTheIssue.allSatisfy { LoaderVerdict.accepts($0.yaml).accepted })
    }
}
