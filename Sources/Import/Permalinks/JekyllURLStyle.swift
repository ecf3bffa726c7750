/// Jekyll's site-wide `permalink:` setting: one of its built-in style names, or a template
/// of its own. The default, when `_config.yml` gives none, is `date`.
enum JekyllURLStyle {
    /// The templates Jekyll's style names stand for (jekyllrb.com/docs/permalinks/).
    static let builtIn: [String: String] = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
    ]

    /// Jekyll's default style.
    static let defaultTemplate = builtIn["date"]!

    /// The template `setting` names: a style's, or the setting itself.
    static func template(for setting: String) -> String {
        builtIn[setting] ?? setting
    }
}
