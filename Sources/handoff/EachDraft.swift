import HandoffKit

/// The batch loop export and push share: every document of every SRC, in order. A source that
/// cannot be resolved or a document that cannot be read is reported and the run goes on; the
/// result is the worst exit status seen, the draft handler's included.
enum EachDraft {
    static func run(
        _ arguments: [String], store: StoreLocation, _ handle: (LoadedDraft, DraftSource) throws -> Int32
    ) throws -> Int32 {
        try withoutActuallyEscaping(handle) { handle in
            try run(arguments, store: store, jobs: 1, prepare: { _ in () }, handle: { loaded, source, _ in try handle(loaded, source) })
        }
    }

    /// The same with a `prepare` step that may run on `jobs` worker threads (nil: one per core);
    /// `handle` gets each draft with what was prepared for it, in input order, on this thread.
    static func run<Prepared: Sendable>(
        _ arguments: [String], store: StoreLocation, jobs: Int?,
        prepare: @escaping @Sendable (LoadedDraft) -> Prepared,
        handle: @escaping (LoadedDraft, DraftSource, Prepared) throws -> Int32
    ) throws -> Int32 {
        var worst: Int32 = ExitStatus.done
        let batches = OrderedBatches<Document<Prepared>, Document<Prepared>>(
            jobs: jobs,
            work: { document in
                guard case .read(let loaded, let source) = document else { return document }
                return .prepared(loaded, source, prepare(loaded))
            },
            deliver: { document in
                switch document {
                case .unreadable(let message):
                    Terminal.printError(message)
                    worst = max(worst, ExitStatus.invalidInput)
                case .prepared(let loaded, let source, let prepared):
                    worst = max(worst, try handle(loaded, source, prepared))
                case .read(let loaded, let source):  // not left so by `work`; handled all the same
                    worst = max(worst, try handle(loaded, source, prepare(loaded)))
                }
            })
        for argument in arguments {
            let source: DraftSource
            do {
                source = try DraftSource.resolve(argument, store: store)
            } catch {
                try batches.submit(.unreadable(error.description))
                continue
            }
            try source.forEachDocument { loaded in
                switch loaded {
                case .failure(let error): try batches.submit(.unreadable(error.description))
                case .success(let loaded): try batches.submit(.read(loaded, source))
                }
            }
        }
        try batches.finish()
        return worst
    }

    /// A document on its way through: read, then prepared; or what made it unreadable.
    enum Document<Prepared: Sendable>: Sendable {
        case read(LoadedDraft, DraftSource)
        case prepared(LoadedDraft, DraftSource, Prepared)
        case unreadable(String)
    }
}
