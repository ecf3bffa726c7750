import Archive
import Foundation
import Import
import Output
import Site
import Templates

/// One line per error, in the `path:line: message` form where the error has a place.
enum ErrorText {
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as ContentError: return error.description
        case let error as TemplateError: return error.description
        case let error as OutputError: return error.description
        case let error as StrictBuildError: return error.description
        case let error as ImportRefusal: return error.description
        case let error as CocoaError:
            if let path = error.userInfo[NSFilePathErrorKey] as? String {
                return "\(path): \(error.localizedDescription)"
            }
            return "error: \(error.localizedDescription)"
        default: return "error: \(error)"
        }
    }
}
