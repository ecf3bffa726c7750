import Foundation
import Testing
@testable import Output

/// The pieces of a safe output folder, one at a time.
@Suite("Output folder pieces")
struct OutputFolderTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return PathResolution.resolve(url)
    }

    @Test func dotDotIsAppliedAfterTheSymlink() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base.appendingPathComponent("deep/inner"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: base.appendingPathComponent("link"), withDestinationURL: base.appendingPathComponent("deep/inner"))
        // link/.. is deep (the target's parent), not base (the link's folder).
        let resolved = PathResolution.resolve(URL(fileURLWithPath: base.path + "/link/../new/site"))
        #expect(resolved.path == base.path + "/deep/new/site")
        #expect(PathResolution.resolve(URL(fileURLWithPath: base.path + "/./a/../b")).path == base.path + "/b")
    }

    @Test func insideMeansBelowNotSharingAPrefix() {
        let site = URL(fileURLWithPath: "/a/site"), sitemap = URL(fileURLWithPath: "/a/sitemap")
        #expect(!PathResolution.isSameOrInside(sitemap, site))
        #expect(PathResolution.isSameOrInside(URL(fileURLWithPath: "/a/site/x"), site))
        #expect(PathResolution.isSameOrInside(site, site))
        #expect(PathResolution.isSameOrInside(site, URL(fileURLWithPath: "/")))
    }

    @Test func protectedFolderRules() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = ProtectedFolder(base, name: "the root", rule: .mayHoldOutput)
        let content = ProtectedFolder(base.appendingPathComponent("content"), name: "content", rule: .untouchable)
        #expect(root.conflict(with: base.appendingPathComponent("site")) == nil)
        #expect(root.conflict(with: base) == "this is the root")
        #expect(root.conflict(with: base.deletingLastPathComponent()) == "this folder holds the root")
        #expect(content.conflict(with: base.appendingPathComponent("content/issues")) == "this folder is inside content")
        #expect(content.conflict(with: base.appendingPathComponent("contents")) == nil)
    }

    @Test func stateOfTheOutput() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        #expect(try OutputFolder(site, protecting: [], force: false).checkedState() == .absent)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data().write(to: site.appendingPathComponent(".gitkeep"))
        try Data().write(to: site.appendingPathComponent(".DS_Store"))
        #expect(try OutputFolder(site, protecting: [], force: false).checkedState() == .empty)
        try Data("x".utf8).write(to: site.appendingPathComponent("page.html"))
        #expect(throws: OutputError.self) { try OutputFolder(site, protecting: [], force: false) }
        #expect(try OutputFolder(site, protecting: [], force: true).checkedState() == .foreign)
        try BuildMarker(generator: "Broadsheet test", files: 1).encoded().write(to: site.appendingPathComponent(BuildMarker.fileName))
        #expect(try OutputFolder(site, protecting: [], force: false).checkedState() == .builtByBroadsheet)
        // A marker some other program wrote does not count.
        try Data("{\"generator\":\"Other\",\"built\":\"x\",\"files\":1}".utf8).write(to: site.appendingPathComponent(BuildMarker.fileName))
        #expect(throws: OutputError.self) { try OutputFolder(site, protecting: [], force: false) }
    }

    @Test func cleanupRemovesOnlyUnlockedStagingFolders() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let dead = base.appendingPathComponent(".site.staging-13310")
        let legacy = base.appendingPathComponent(".site.old-13310")
        let alive = base.appendingPathComponent(".site.staging-99-abc")
        let unrelated = base.appendingPathComponent(".other.staging-1")
        for folder in [dead, legacy, alive, unrelated] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("issues"), withIntermediateDirectories: true)
        }
        // A lock taken through another open file counts as another build's.
        let lock = try #require(DirectoryLock(alive, wait: false))
        let removed = StagingCleanup.removeAbandoned(beside: site)
        #expect(removed == [".site.old-13310", ".site.staging-13310"])
        #expect(FileManager.default.fileExists(atPath: alive.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
        #expect(DirectoryLock(alive, wait: false) == nil, "the live build's lock must still be held")
        withExtendedLifetime(lock) {}
    }

    @Test func exchangeSwapsTwoFoldersInOneStep() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let old = base.appendingPathComponent("site"), new = base.appendingPathComponent("new")
        for (folder, text) in [(old, "old"), (new, "new")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        let method = try FolderExchange.swap(new, into: old)
        #expect(method == .exchange, "this Linux file system should support RENAME_EXCHANGE")
        #expect(try Data(contentsOf: old.appendingPathComponent("index.html")) == Data("new".utf8))
        #expect(try Data(contentsOf: new.appendingPathComponent("index.html")) == Data("old".utf8))
    }

    @Test func stagedOutputCommitsWritesTheMarkerAndCarriesHiddenEntries() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        #expect(try staged(site, ["index.html": "one", "a/b/page.html": "two"]).commit(generator: "Broadsheet test").files == 2)
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)

        let commit = try staged(site, ["index.html": "three"]).commit(generator: "Broadsheet test")
        #expect(commit.atomic && commit.setAside == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        #expect(names == [".broadsheet-build.json", ".git", "index.html"])
        #expect(BuildMarker.read(in: site)?.files == 1)
        let beside = try FileManager.default.contentsOfDirectory(atPath: base.path)
        #expect(beside == ["site"], "\(beside)")
    }

    /// When a hidden entry of the old output cannot be carried into the new one, the old
    /// output is kept (deleting it would delete that entry) and the commit says where.
    @Test func aHiddenEntryThatCannotBeCarriedKeepsTheOldOutputAndSaysSo() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        _ = try staged(site, ["index.html": "one"]).commit(generator: "Broadsheet test")
        try Data("deploy".utf8).write(to: site.appendingPathComponent(".deploy"))

        let second = try staged(site, ["index.html": "two"])
        // A dangling symlink of that name in the new output: the move is refused.
        try FileManager.default.createSymbolicLink(atPath: second.staging.appendingPathComponent(".deploy").path,
                                                   withDestinationPath: "/nonexistent/broadsheet-test")
        let commit = try second.commit(generator: "Broadsheet test")
        #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == Data("two".utf8), "the new output is in place")
        let leftover = try #require(commit.leftover)
        #expect(leftover.contains("could not move .deploy into the new output"), "\(leftover)")
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: base.path).first { $0 != "site" })
        #expect(leftover.contains(kept))
        #expect(try Data(contentsOf: base.appendingPathComponent(kept).appendingPathComponent(".deploy")) == Data("deploy".utf8),
                "nothing of the old output's hidden entry is lost")
    }

    /// A staged build of `site` holding `files` (path → text), not yet committed.
    private func staged(_ site: URL, _ files: [String: String]) throws -> StagedOutput {
        let output = try StagedOutput(folder: OutputFolder(site, protecting: [], force: false))
        for (path, text) in files { try output.write(text, to: path) }
        return output
    }

    @Test func anAbandonedStagedOutputRemovesItsFolder() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        var staging: URL?
        do {
            let output = try StagedOutput(folder: OutputFolder(site, protecting: [], force: false))
            try output.write("x", to: "index.html")
            staging = output.staging
        }
        #expect(staging.map { FileManager.default.fileExists(atPath: $0.path) } == false)
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    @Test func aStagingFolderThatCannotBeRemovedIsReportedWithItsPath() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let output = try staged(base.appendingPathComponent("site"), ["index.html": "x"])
        try FileManager.default.removeItem(at: output.staging)  // gone already: removing it again fails
        #expect(throws: OutputError.self) { try output.discard() }
        do {
            try output.discard()
        } catch {
            #expect(error.path == output.staging.path)
            #expect(error.message.hasPrefix("warning: could not remove this unfinished build"))
        }
    }

    @Test func theCallerMayRemoveThePreviousOutputItself() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        _ = try staged(site, ["index.html": "one"]).commit(generator: "Broadsheet test")
        let second = try staged(site, ["index.html": "two"]).commit(generator: "Broadsheet test", removingPrevious: false)
        let previous = try #require(second.previous)
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(try String(contentsOf: previous.appendingPathComponent("index.html"), encoding: .utf8) == "one", "left for the caller")
        let third = try staged(site, ["index.html": "three"]).commit(generator: "Broadsheet test")
        #expect(third.previous == nil)
        #expect(!FileManager.default.fileExists(atPath: previous.path), "the next build clears what the caller left")
    }

    @Test func aFailedWriteIsAnErrorAndLeavesNoStaging() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        do {
            let output = try StagedOutput(folder: OutputFolder(site, protecting: [], force: false))
            try output.write("a file", to: "page")
            #expect(throws: (any Error).self) { try output.write("under a file", to: "page/index.html") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    @Test func aFolderThatChangedDuringTheBuildIsCheckedAgainAtTheSwap() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let output = try StagedOutput(folder: OutputFolder(site, protecting: [], force: false))
        try output.write("new", to: "index.html")
        // Someone puts their own files where the site will go while the build runs.
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("theirs".utf8).write(to: site.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) { try output.commit(generator: "Broadsheet test") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["notes.txt"])
    }

    @Test func aDanglingSymlinkIsRefusedAndLeftAlone() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let link = base.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere")
        #expect {
            try OutputFolder(link, displayPath: "public", protecting: [], force: true)
        } throws: { error in
            "\(error)" == "public: is a symbolic link to 'nowhere', which does not exist; refusing to replace it (create the folder, or choose another --output)"
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "nowhere")
    }
}
