import Synchronization

/// A heading or label of the description (`Labels`, `OperationsLabels`): the same text for
/// every draft, so a sink writes its escaped bytes, made once a process, rather than escaping
/// it again for each draft (a hundred escapes a description, most of them of these).
///
/// The bytes are made the first time a format asks for them, for both languages, and kept in
/// memory of their own behind an atomic address: the threads of `--jobs` may ask at once (the
/// first to store its bytes wins, the others free theirs), and a hit is one load, without the
/// reference counting of an array or the generic calls of `AtomicLazyReference` (some six
/// hundred instructions a load).
final class Label: Sendable {
    /// The text in both languages.
    let text: Localized
    /// The address of the bytes per `WikiMarkupStream.Encoding` (0 until made): see `Escaped`.
    private let wiki = Atomic<Int>(0)
    private let json = Atomic<Int>(0)
    private let csv = Atomic<Int>(0)

    /// A label; it holds no line break, so it escapes the same on one line or several.
    init(en: String, ja: String) {
        precondition(!WikiMarkupEscaper.holdsLineBreak(en) && !WikiMarkupEscaper.holdsLineBreak(ja), "a label is one line")
        text = Localized(en: en, ja: ja)
    }

    deinit {
        for address in [wiki.load(ordering: .acquiring), json.load(ordering: .acquiring), csv.load(ordering: .acquiring)]
        where address != 0 {
            UnsafeMutableRawPointer(bitPattern: address)!.deallocate()
        }
    }

    /// The text in `language`.
    func callAsFunction(_ language: Language) -> String { text(language) }

    /// `body` of `WikiMarkupStream.escaped` of the text in `language`: what the stream writes of
    /// it in that encoding; nil where the stream would give up on it.
    func withEscaped<Result>(
        _ language: Language, as encoding: WikiMarkupStream.Encoding, _ body: (UnsafeBufferPointer<UInt8>?) -> Result
    ) -> Result {
        func address(_ slot: borrowing Atomic<Int>) -> Int {
            let stored = slot.load(ordering: .acquiring)
            if stored != 0 { return stored }
            let made = Escaped.make(text, as: encoding)
            let (exchanged, original) = slot.compareExchange(expected: 0, desired: made, ordering: .acquiringAndReleasing)
            if exchanged { return made }
            UnsafeMutableRawPointer(bitPattern: made)!.deallocate()
            return original
        }
        let block: Int
        switch encoding {
        case .wiki: block = address(wiki)
        case .json: block = address(json)
        case .csv: block = address(csv)
        }
        return body(Escaped.bytes(at: block, language))
    }

    /// The memory behind an address: the lengths of the English and the Japanese bytes (-1 for
    /// none), then those bytes.
    private enum Escaped {
        static func make(_ text: Localized, as encoding: WikiMarkupStream.Encoding) -> Int {
            let en = WikiMarkupStream.escaped(text.en, as: encoding)
            let ja = WikiMarkupStream.escaped(text.ja, as: encoding)
            let header = 2 * MemoryLayout<Int>.stride
            let block = UnsafeMutableRawPointer.allocate(
                byteCount: header + (en?.count ?? 0) + (ja?.count ?? 0), alignment: MemoryLayout<Int>.alignment)
            block.storeBytes(of: en?.count ?? -1, as: Int.self)
            block.storeBytes(of: ja?.count ?? -1, toByteOffset: MemoryLayout<Int>.stride, as: Int.self)
            var offset = header
            for bytes in [en, ja] {
                guard let bytes, !bytes.isEmpty else { continue }
                bytes.withUnsafeBytes { (block + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                offset += bytes.count
            }
            return Int(bitPattern: block)
        }

        static func bytes(at address: Int, _ language: Language) -> UnsafeBufferPointer<UInt8>? {
            let block = UnsafeRawPointer(bitPattern: address)!
            let en = block.load(as: Int.self)
            let ja = block.load(fromByteOffset: MemoryLayout<Int>.stride, as: Int.self)
            let header = 2 * MemoryLayout<Int>.stride
            let start = block.advanced(by: header).assumingMemoryBound(to: UInt8.self)
            switch language {
            case .en: return en < 0 ? nil : UnsafeBufferPointer(start: start, count: en)
            case .ja: return ja < 0 ? nil : UnsafeBufferPointer(start: start + max(en, 0), count: ja)
            }
        }
    }
}
