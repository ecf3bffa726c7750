import Foundation
import Archive
import Templates

/// One line per error, in the `path:line: message` form where the error has a place.
enum ErrorText {
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as ContentError: return error.description
        case let error as TemplateError: return error.description
        case let error as CocoaError:
            if let path = error.userInfo[NSFilePathErrorKey] as? String {
                return "\(path): \(error.localizedDescription)"
            }
            return "error: \(error.localizedDescription)"
        default: return "error: \(error)"
        }
    }
}
