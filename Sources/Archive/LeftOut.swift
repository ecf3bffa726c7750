import Foundation

/// The issues a build left out, and why: drafts (`draft: true`) unless `--drafts`, and
/// issues dated after today unless `--future`. The build says how many of each, so that
/// an issue that does not appear is never a mystery.
public struct LeftOut: Sendable, Equatable {
    public var drafts = 0
    public var future = 0

    public init(drafts: Int = 0, future: Int = 0) {
        self.drafts = drafts
        self.future = future
    }

    /// `Left out 2 drafts (--drafts builds them) and 1 issue dated after 2026-12-04 (--future builds it).`;
    /// nil when nothing was left out.
    public func line(today: String) -> String? {
        var parts: [String] = []
        if drafts > 0 { parts.append("\(drafts) draft\(drafts == 1 ? "" : "s") (--drafts builds \(drafts == 1 ? "it" : "them"))") }
        if future > 0 {
            parts.append("\(future) issue\(future == 1 ? "" : "s") dated after \(today) (--future builds \(future == 1 ? "it" : "them"))")
        }
        return parts.isEmpty ? nil : "Left out " + parts.joined(separator: " and ") + "."
    }

    /// Today's date in this machine's time zone, `YYYY-MM-DD`: an issue dated later is in the future.
    public static func today() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
