import Archive
import Templates

extension Page {
    /// The template context for this page (see docs/TEMPLATES.md for every key).
    func context(_ base: PageContext) -> TemplateValue {
        let archive = base.archive
        let links = base.links
        switch self {
        case .home(let number):
            return homeContext(number, base)
        case .issue(let index):
            let issue = archive.issues[index]
            let newer = index > 0 ? archive.issues[index - 1] : nil
            let older = index + 1 < archive.issues.count ? archive.issues[index + 1] : nil
            return base.rootContext(title: issue.title, description: issue.summary, extra: [
                "issue": IssueViewModel.full(issue, index: index, in: archive, older: older, newer: newer, links: links),
            ])
        case .entities:
            return base.rootContext(title: "Entities", description: "Every company, person, product and place \(archive.config.title) mentions.",
                               extra: EntityViewModel.index(archive, links: links))
        case .entity(let index, let page):
            let entity = archive.registry.entities[index]
            let total = Page.pageCount(archive.entityIssues[index].count, perPage: Page.issuesPerEntityPage)
            return base.rootContext(title: page == 1 ? entity.name : "\(entity.name), page \(page)",
                               description: entity.description.isEmpty
                                   ? "Every mention of \(entity.name) in \(archive.config.title)." : entity.description,
                               extra: [
                                   "entity": EntityViewModel.page(index, page: page, archive: archive, links: links),
                                   "pagination": Page.pagination(current: page, total: total, links: links) { .entity(entity.slug, page: $0) },
                                   "has_pagination": .bool(total > 1),
                                   "is_first_page": .bool(page == 1),
                               ])
        case .archive:
            return base.rootContext(title: "Archive", description: "Every issue of \(archive.config.title), by year and month.",
                               extra: ["total": .int(archive.issues.count), "years": ArchiveGrouping.years(archive, links: links)])
        case .tags:
            return base.rootContext(title: "Tags", description: "Every tag of \(archive.config.title).", extra: [
                "total_tags": .int(archive.tags.count),
                "tags": .list(archive.tags.map { TagViewModel.value($0, links: links) }),
            ])
        case .tag(let index):
            let tag = archive.tags[index]
            return base.rootContext(title: tag.name, description: "Issues tagged \(tag.name).", extra: [
                "tag": TagViewModel.value(tag, links: links),
                "issues": .list(tag.issueIndexes.map { .object(IssueViewModel.summary(archive.issues[$0], links: links)) }),
            ])
        case .notFound:
            return base.rootContext(title: "Page not found", description: "", extra: [:])
        case .search:
            return base.rootContext(title: "Search", description: "Search every issue of \(archive.config.title).", extra: [
                "search": .object([
                    "script": .string(links.href(.searchScript)),
                    "root": .string(links.root),
                    "offline": .bool(links.offline),
                ]),
            ])
        }
    }

    private func homeContext(_ number: Int, _ base: PageContext) -> TemplateValue {
        let archive = base.archive
        let links = base.links
        let perPage = Page.issuesPerHomePage
        let total = Page.pageCount(archive.issues.count, perPage: perPage)
        let slice = archive.issues.dropFirst((number - 1) * perPage).prefix(perPage)
        // The front page shows the newest issue in full width, then the rest of its page.
        let latest = number == 1 ? slice.first : nil
        let listed = latest == nil ? slice : slice.dropFirst()
        return base.rootContext(
            title: number == 1 ? "" : "Page \(number)",
            description: archive.config.description,
            extra: [
                "has_latest": .bool(latest != nil),
                "has_earlier": .bool(latest != nil && !listed.isEmpty),
                "latest": latest.map { .object(IssueViewModel.summary($0, links: links)) } ?? .null,
                "issues": .list(listed.map { .object(IssueViewModel.summary($0, links: links)) }),
                "pagination": Page.pagination(current: number, total: total, links: links, path: SitePath.homePage),
                "has_pagination": .bool(total > 1),
                "is_first_page": .bool(number == 1),
            ])
    }
}

extension Page {
    /// The `pagination` object of a paged list (see docs/TEMPLATES.md): previous
    /// (newer) and next (older) links and a window of page numbers.
    static func pagination(current: Int, total: Int, links: Links, path: (Int) -> SitePath) -> TemplateValue {
        .object([
            "current": .int(current),
            "total": .int(total),
            "has_previous": .bool(current > 1),
            "previous_url": .string(current > 1 ? links.href(path(current - 1)) : ""),
            "has_next": .bool(current < total),
            "next_url": .string(current < total ? links.href(path(current + 1)) : ""),
            "pages": .list(paginationWindow(current: current, total: total).map { page in
                .object(["number": .int(page.number), "url": .string(links.href(path(page.number))),
                         "is_current": .bool(page.number == current), "gap_before": .bool(page.gapBefore)])
            }),
        ])
    }

    /// The page numbers a pagination bar shows: the first, the last, and two on
    /// each side of the current one, with `gapBefore` where numbers are skipped.
    /// An archive of 10,000 issues has 500 home pages; listing them all on every
    /// page would make the home pages quadratic in size.
    static func paginationWindow(current: Int, total: Int, radius: Int = 2) -> [(number: Int, gapBefore: Bool)] {
        var numbers = Set([1, total])
        for page in max(1, current - radius)...min(total, current + radius) { numbers.insert(page) }
        var previous = 0
        return numbers.sorted().map { number in
            defer { previous = number }
            return (number, number > previous + 1)
        }
    }
}

/// Issues grouped by year and month, newest first, for the archive page.
enum ArchiveGrouping {
    static func years(_ archive: NewsletterArchive, links: Links) -> TemplateValue {
        var years: [TemplateValue] = []
        var index = 0
        let issues = archive.issues
        while index < issues.count {
            let year = issues[index].date.year
            var months: [TemplateValue] = []
            var yearCount = 0
            while index < issues.count, issues[index].date.year == year {
                let month = issues[index].date.month
                var entries: [TemplateValue] = []
                while index < issues.count, issues[index].date.year == year, issues[index].date.month == month {
                    entries.append(.object(IssueViewModel.summary(issues[index], links: links)))
                    index += 1
                }
                yearCount += entries.count
                let number = month < 10 ? "0\(month)" : "\(month)"
                months.append(.object([
                    "name": .string(IssueDate.monthNames[month - 1]), "number": .string(number),
                    "anchor": .string("y\(year)-\(number)"), "count": .int(entries.count), "issues": .list(entries),
                ]))
            }
            years.append(.object(["year": .string(String(year)), "count": .int(yearCount),
                                  "url_anchor": .string("y\(year)"), "months": .list(months)]))
        }
        return .list(years)
    }
}
