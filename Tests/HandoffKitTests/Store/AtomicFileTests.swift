import Foundation
import Testing

@testable import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Atomic writes keep what the target was: its mode, its symlink; they refuse a target that is
/// not a regular file, and sweep the temporary files that killed writers left.
@Suite("store: atomic writes")
struct AtomicFileTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o7777
    }

    @Test("An existing file keeps its mode (0600 stays 0600, 0640 stays 0640); a new one gets the mode asked for")
    func keepsMode() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        for kept: mode_t in [0o600, 0o640] {
            let path = scratch.path("kept-\(kept).yaml")
            try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, kept)
            try AtomicFile.write("new\n", to: path)
            #expect(Self.mode(path) == kept)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        }
        let fresh = scratch.path("fresh.yaml")
        try AtomicFile.write("new\n", to: fresh, mode: 0o600)
        #expect(Self.mode(fresh) == 0o600)
    }

    @Test("A symlink stays a link; its target takes the new text")
    func keepsSymlink() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let target = scratch.path("real.yaml")
        let link = scratch.path("link.yaml")
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.yaml")
        try AtomicFile.write("new\n", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.yaml")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    }

    @Test("A FIFO or a directory at the target is refused, not replaced")
    func refusesSpecialFiles() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let fifo = scratch.path("fifo.yaml")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: IOFailure.self) { try AtomicFile.write("x\n", to: fifo) }
        var info = stat()
        lstat(fifo, &info)
        #expect((info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("Temporary twins of dead writers are swept by the next write; live ones and other files stay")
    func sweep() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let target = scratch.path("out.json")
        let dead = scratch.path(".out.json.tmp-\(FaultPID.dead())-1")
        let live = scratch.path(".out.json.tmp-\(getppid())-2")
        let other = scratch.path(".other.json.tmp-\(FaultPID.dead())-3")
        for path in [dead, live, other] { try Data("x".utf8).write(to: URL(fileURLWithPath: path)) }
        let writer = try AtomicFile.Writer(path: target)
        try writer.write("{}\n")
        try writer.commit()
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test("Bytes and text written in turn, past the 64 KiB buffer, come out in order and whole")
    func bytesAndText() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let target = scratch.path("out.yaml")
        let writer = try AtomicFile.Writer(path: target)
        var expected: [UInt8] = []
        for index in 0..<5000 {
            let piece = "申込 \(index) — ok\n"
            if index % 2 == 0 { try writer.write(Array(piece.utf8)) } else { try writer.write(piece) }
            expected += piece.utf8
        }
        try writer.commit()
        #expect(expected.count > 1 << 16)
        #expect(FileManager.default.contents(atPath: target) == Data(expected))
    }

    @Test("A temporary twin is registered for the signal handler while it exists, and only then")
    func registeredWhileOpen() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let target = scratch.path("out.json")
        let writer = try AtomicFile.Writer(path: target)
        try writer.write("{")
        let twins = try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).filter { $0.hasPrefix(".out.json.tmp-") }
        #expect(twins.count == 1)
        #expect(TemporaryFiles.registered().contains { $0.hasSuffix("/" + (twins.first ?? "?")) })
        writer.discard()
        #expect(!TemporaryFiles.registered().contains { $0.hasPrefix(scratch.root.path) })
    }
}
