/// Reads one YAML document of an editor's file: errors become `ContentError`s and
/// duplicate keys become warnings, all at their lines of the file. Public so that `Import`
/// reads a Jekyll `_config.yml` with the same parser and limits as `site.yml`.
public enum YAMLFile {
    /// The document in `yaml` (nil when empty) and its warnings. `firstLine` is the
    /// line of the file at `path` on which `yaml` starts.
    public static func read(_ yaml: String, path: String, firstLine: Int, limits: YAMLLimits) throws(ContentError) -> (root: YAMLNode?, warnings: [ContentWarning]) {
        do {
            let result = try YAMLComposer.compose(yaml, limits: limits, firstLine: firstLine)
            let warnings = result.duplicates.map {
                ContentWarning(path: path, line: $0.line, message: "duplicate key '\($0.key)'; the last one is used")
            }
            return (result.root, warnings)
        } catch {
            throw ContentError(path: path, line: error.line, message: error.message)
        }
    }
}
