import Foundation
import Templates
import Testing

/// Runs the official Mustache spec (shared/testdata/mustache-spec/*.json):
/// every case is its own parameterized test, named "file: case".
@Suite struct MustacheSpecTests {
    @Test func specSuiteIsPresentAndComplete() throws {
        guard let cases = try SpecSuite.load() else {
            let message = "mustache spec not found at \(SpecSuite.directory.path)"
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
                Issue.record("\(message); CI is set, so it must be there")
            } else {
                print("\(message); skipping")
            }
            return
        }
        #expect(cases.count == 184, "expected 184 spec cases (100 core + 84 optional), found \(cases.count)")
    }

    @Test(arguments: (try? SpecSuite.load()) ?? [])
    func specCase(_ spec: SpecCase) throws {
        // The main template gets a name no spec partial uses.
        var sources = spec.partials
        sources[SpecCase.mainName] = spec.template
        let set = try TemplateSet(sources: sources, strict: false)
        let rendered = try set.render(SpecCase.mainName, spec.data)
        #expect(rendered == spec.expected, "\(spec.description)\ntemplate: \(spec.template.debugDescription)")
    }
}

/// One test of the spec.
struct SpecCase: Sendable, CustomTestStringConvertible {
    static let mainName = "\u{0}spec-main"
    let file: String
    let name: String
    let description: String
    let template: String
    let partials: [String: String]
    let data: TemplateValue
    let expected: String

    var testDescription: String { "\(file): \(name)" }
}

/// Finds and decodes the spec files.
enum SpecSuite {
    /// `<project root>/../shared/testdata/mustache-spec`, where the project root
    /// is three levels above this file (…/Tests/TemplatesTests/X.swift).
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("../shared/testdata/mustache-spec")
            .standardizedFileURL
    }

    /// All cases of all `*.json` files, in file then spec order; nil when the
    /// folder is missing. Throws if a file exists but cannot be decoded.
    static func load() throws -> [SpecCase]? {
        let folder = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
              isDirectory.boolValue
        else { return nil }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        var cases: [SpecCase] = []
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let spec = try JSONDecoder().decode(SpecFile.self, from: data)
            let label = String(file.dropLast(".json".count))
            for test in spec.tests {
                cases.append(SpecCase(
                    file: label, name: test.name, description: test.desc, template: test.template,
                    partials: test.partials ?? [:], data: test.data.value, expected: test.expected))
            }
        }
        return cases
    }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        let name: String
        let desc: String
        let data: JSONValue
        let template: String
        let expected: String
        let partials: [String: String]?
    }
    let tests: [Test]
}

/// Decodes arbitrary JSON into a `TemplateValue`: booleans stay booleans,
/// whole numbers become `.int`, other numbers `.double`.
struct JSONValue: Decodable {
    let value: TemplateValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .int(number)
        } else if let number = try? container.decode(Double.self) {
            value = .double(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            value = .list(items.map(\.value))
        } else {
            value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
        }
    }
}
