import Foundation
import Testing

@testable import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// A line over the limit is refused once the limit is read: reading stops there, so a 1 GB line
/// or `/dev/zero` costs the time of reading the limit.
@Suite("limits: enforced while reading")
struct LineReaderLimitTests {
    @Test("A 4 MB line without a break: refused after reading about the limit, not the whole line")
    func stopsAtLimit() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let path = scratch.path("long.yaml")
        try Data(repeating: 0x61, count: 4 << 20).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = LineReader(descriptor: descriptor, maxLineBytes: 64 * 1024)
        let line = try reader.nextLine()
        #expect(reader.lastLineWasTooLong)
        #expect(line?.utf8.count == 64 * 1024)
        #expect(lseek(descriptor, 0, SEEK_CUR) <= 3 * 64 * 1024, "read far past the limit")
        #expect(try reader.nextLine() == nil)
    }

    @Test("/dev/zero as a draft source ends at once with the line limit named")
    func devZero() throws {
        var errors: [InputError] = []
        try DraftSource.file("/dev/zero").forEachDocument { result in
            if case .failure(let invalid) = result { errors += invalid.errors }
        }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("longer than 64 KiB") == true, "\(errors)")
    }

    @Test("Lines within the limit, and a last line without a break, read as before")
    func withinLimit() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let path = scratch.path("lines.txt")
        try ("short\r\n" + String(repeating: "b", count: 64 * 1024) + "\nlast").write(toFile: path, atomically: true, encoding: .utf8)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = LineReader(descriptor: descriptor, maxLineBytes: 64 * 1024)
        #expect(try reader.nextLine() == "short")
        #expect(try reader.nextLine()?.utf8.count == 64 * 1024)
        #expect(!reader.lastLineWasTooLong)
        #expect(try reader.nextLine() == "last")
        #expect(try reader.nextLine() == nil)
    }

    @Test("A CSV-looking file is capped as a whole")
    func textExportCapped() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let path = scratch.path("big.csv")
        var limits = InputLimits()
        limits.maxTextExportBytes = 256 * 1024
        let row = "x," + String(repeating: "y", count: 1000) + "\n"
        try ("Summary,Description\n" + String(repeating: row, count: 400)).write(toFile: path, atomically: true, encoding: .utf8)
        var errors: [InputError] = []
        try DraftSource.file(path).forEachDocument(limits: limits) { result in
            if case .failure(let invalid) = result { errors += invalid.errors }
        }
        #expect(errors.contains { $0.message.contains("larger than 256 KiB") }, "\(errors)")
    }
}
