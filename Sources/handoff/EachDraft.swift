import HandoffKit

/// The batch loop export and push share: every document of every SRC, in order. A source that
/// cannot be resolved or a document that cannot be read is reported and the run goes on; the
/// result is the worst exit status seen, the draft handler's included.
enum EachDraft {
    static func run(
        _ arguments: [String], store: StoreLocation, _ handle: (LoadedDraft, DraftSource) throws -> Int32
    ) throws -> Int32 {
        try withoutActuallyEscaping(handle) { handle in
            try run(arguments, store: store, jobs: 1, preparer: { { $0 } }, handle: { source, loaded in try handle(loaded, source) })
        }
    }

    /// The same with a `prepare` step that may run on `jobs` worker threads (nil: one per core),
    /// made per batch by `preparer` on the worker thread that works the batch (see
    /// `OrderedBatches.init(jobs:batchSize:worker:deliver:)`); `handle` gets what was prepared
    /// for each draft, in input order, on this thread. The draft itself stays on the worker,
    /// which frees it: `prepare` passes on what `handle` needs of it (memory a thread frees that
    /// another allocated costs the allocator more, and its counts bounce between the cores).
    static func run<Prepared: Sendable>(
        _ arguments: [String], store: StoreLocation, jobs: Int?,
        preparer: @escaping @Sendable () -> (LoadedDraft) -> Prepared,
        handle: @escaping (DraftSource, Prepared) throws -> Int32
    ) throws -> Int32 {
        var worst: Int32 = ExitStatus.done
        // Documents are parsed and decoded on the workers too, so this thread only reads and delivers.
        let batches = OrderedBatches<Incoming, [Outcome<Prepared>]>(
            jobs: jobs,
            worker: {
                let prepare = preparer()
                return { incoming in
                    switch incoming {
                    case .read(let document, let source):
                        // Taken out of the array one by one, so each draft moves into its outcome.
                        var results = document.load()
                        results.reverse()
                        var outcomes: [Outcome<Prepared>] = []
                        outcomes.reserveCapacity(results.count)
                        while let result = results.popLast() {
                            switch result {
                            case .success(let loaded):
                                outcomes.append(.prepared(source, prepare(loaded)))
                            case .failure(let error): outcomes.append(.unreadable(error.description))
                            }
                        }
                        return outcomes
                    case .unreadable(let message):
                        return [.unreadable(message)]
                    }
                }
            },
            deliver: { outcomes in
                // By index: `for outcome in` would copy each draft, a retain of every string it holds.
                for index in outcomes.indices {
                    switch outcomes[index] {
                    case .unreadable(let message):
                        Terminal.printError(message)
                        worst = max(worst, ExitStatus.invalidInput)
                    case .prepared(let source, let prepared):
                        worst = max(worst, try handle(source, prepared))
                    }
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
            try source.forEachReadDocument { document in try batches.submit(.read(document, source)) }
        }
        try batches.finish()
        return worst
    }

    /// A document on its way to the workers: read from its source, still to load; or a source
    /// that cannot be resolved.
    enum Incoming: Sendable {
        case read(ReadDocument, DraftSource)
        case unreadable(String)
    }

    /// What the workers made of a document: what was prepared for its draft, or what made it unreadable.
    enum Outcome<Prepared: Sendable>: Sendable {
        case prepared(DraftSource, Prepared)
        case unreadable(String)
    }
}
