import Foundation

/// What a harness does when built without the fuzzer: checks each file (or every
/// file in each folder) it is given, so a finding can be reproduced with a plain build.
public enum FuzzReplay {
    /// Checks the inputs at `arguments`; exits 1 if any breaks the property.
    public static func main(_ target: FuzzTarget, arguments: [String]) -> Never {
        if arguments.isEmpty {
            print("usage: fuzz-\(target.rawValue) FILE|FOLDER…  (run `make fuzz` to fuzz; this build replays inputs)")
            exit(2)
        }
        var failures = 0
        for file in inputs(arguments) {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            if let finding = target.check(Array(data)) {
                print("\(file): \(finding)")
                failures += 1
            }
        }
        exit(failures == 0 ? 0 : 1)
    }

    /// The files named, with folders expanded to the regular files in them, sorted.
    public static func inputs(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
