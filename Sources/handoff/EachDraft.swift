import HandoffKit

/// The batch loop export and push share: every document of every SRC, in order. A source that
/// cannot be resolved or a document that cannot be read is reported and the run goes on; the
/// result is the worst exit status seen, the draft handler's included.
enum EachDraft {
    static func run(
        _ arguments: [String], store: StoreLocation, _ handle: (LoadedDraft, DraftSource) throws -> Int32
    ) throws -> Int32 {
        var worst: Int32 = ExitStatus.done
        for argument in arguments {
            let source: DraftSource
            do {
                source = try DraftSource.resolve(argument, store: store)
            } catch {
                Terminal.printError(error.description)
                worst = max(worst, ExitStatus.invalidInput)
                continue
            }
            try source.forEachDocument { loaded in
                switch loaded {
                case .failure(let error):
                    Terminal.printError(error.description)
                    worst = max(worst, ExitStatus.invalidInput)
                case .success(let loaded):
                    worst = max(worst, try handle(loaded, source))
                }
            }
        }
        return worst
    }
}
