import Foundation

/// Where a build writes its files: a `StagedOutput` swapped in whole (`build`), or an
/// `InPlaceOutput` updated file by file (`serve`). Paths are relative to the output folder;
/// every method may be called from several threads at once, for different paths.
public protocol OutputWriter: Sendable {
    /// Writes `contents` as UTF-8 to `relativePath`, making folders as needed.
    func write(_ contents: String, to relativePath: String) throws
    /// Writes bytes to `relativePath`.
    func write(_ contents: [UInt8], to relativePath: String) throws
    /// Copies the file at `source` to `relativePath`.
    func copy(_ source: URL, to relativePath: String) throws
}
