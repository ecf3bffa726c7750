/// The "mentions over time" chart on an entity page: inline SVG bars with HTML labels.
///
/// Static pages with no JavaScript, so the chart is plain markup. The bars are an SVG that
/// stretches to the column (`preserveAspectRatio="none"`, strokes that do not scale), so the
/// chart keeps its height on a phone. The axis labels are HTML text beside and under it, at
/// the page's own font size and colour: labels drawn inside a scaled SVG shrank to 6 px on
/// a phone, which nobody could read. Screen readers get the SVG's `role="img"`, `<title>`
/// and `<desc>` (which names the range and the peak); the labels repeat what the description
/// says and are hidden from them. It themes through `currentColor` and CSS classes. Output
/// depends only on the input (fixed-point numbers, no locale), so builds are reproducible
/// and golden tests stay stable.
enum MentionChart {
    /// Drawing units of the plot's `viewBox`; the browser stretches them to the plot's box.
    static let width = 600.0, height = 126.0
    /// Beyond this many bars a bar would be thinner than ~5 units, hard to see or hover.
    static let maximumBars = 120
    /// Closest two year labels may sit, in drawing units: a tenth of the plot, which leaves
    /// room for four digits of 13 px text on a phone's 330 px plot.
    static let labelSpacing = 60.0

    /// What one bar stands for; chosen so there are at most `maximumBars` bars.
    enum Period: Equatable {
        case month, quarter, year

        /// Months per bar.
        var length: Int { self == .month ? 1 : self == .quarter ? 3 : 12 }
        /// Human name in the description ("Mentions per quarter …").
        var noun: String { self == .month ? "month" : self == .quarter ? "quarter" : "year" }

        /// The finest period giving at most 120 bars from month index `first` to `last`:
        /// months (ten years), else calendar quarters (thirty years), else years.
        static func fitting(from first: Int, to last: Int) -> Period {
            if last - first < maximumBars { return .month }
            return last / 3 - first / 3 < maximumBars ? .quarter : .year
        }
    }

    /// One bar: its first month (as year × 12 + month − 1) and summed mentions.
    struct Bar: Equatable {
        let start: Int, count: Int
        var year: Int { start / 12 }
        var month: Int { start % 12 + 1 }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// The chart of mentions per month, for an entity page: a `<div class="mention-chart">`
    /// holding the y labels, the SVG plot and the year labels.
    ///
    /// The x-axis runs continuously from the first to the last month given (a caller may pass
    /// zero-count months to extend it, e.g. to the latest issue); months without mentions are
    /// gaps — an empty slot with its tooltip but no bar. Each slot is a `<g class="slot">`
    /// with a `<title>` tooltip ("May 2025: 14 mentions") and a transparent full-height hit area,
    /// so even thin bars are easy to hover. Spans over 120 months are drawn per quarter, and
    /// over 120 quarters per year, each bar summing its months (edge periods may be partial).
    /// Repeated months are summed; negative counts count as 0; months outside 1...12 are
    /// ignored. The description names the first period reaching the peak. Returns "" when
    /// there is nothing to draw (no months, or no mentions at all).
    static func svg(months: [(year: Int, month: Int, count: Int)], title: String) -> String {
        var totals: [Int: Int] = [:]
        for entry in months where (1...12).contains(entry.month) {
            totals[entry.year * 12 + entry.month - 1, default: 0] += max(0, entry.count)
        }
        guard let first = totals.keys.min(), let last = totals.keys.max(),
              totals.values.contains(where: { $0 > 0 }) else { return "" }
        let period = Period.fitting(from: first, to: last)
        let bars = group(totals, from: first, to: last, by: period)
        let peakCount = bars.map(\.count).max() ?? 0
        let peak = bars.first { $0.count == peakCount }!

        let id = "mention-chart-" + fingerprint(title, bars)
        let slot = width / Double(bars.count)
        let barWidth = max(slot * 0.8, min(slot, 1))
        let summary = "Mentions per \(period.noun) from \(label(bars[0], period)) to "
            + "\(label(bars[bars.count - 1], period)); peak \(peakCount) in \(label(peak, period))"
        let line = " stroke=\"currentColor\" vector-effect=\"non-scaling-stroke\""

        var html = "<div class=\"mention-chart\">\n"
        html += "<div class=\"chart-y\" aria-hidden=\"true\"><span class=\"chart-label max-label\">\(peakCount)</span>"
        html += "<span class=\"chart-label zero-label\">0</span></div>\n"
        html += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-plot\" viewBox=\"0 0 \(fixed(width)) \(fixed(height))\""
        html += " preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        html += "<title id=\"\(id)-title\">\(XMLText.escape(title))</title>\n"
        html += "<desc id=\"\(id)-desc\">\(XMLText.escape(summary))</desc>\n"
        html += "<g class=\"axis\">\n"
        html += "<line class=\"grid\" x1=\"0\" y1=\"0\" x2=\"\(fixed(width))\" y2=\"0\"\(line) stroke-opacity=\"0.25\" stroke-dasharray=\"2 3\"/>\n"
        html += "<line class=\"baseline\" x1=\"0\" y1=\"\(fixed(height))\" x2=\"\(fixed(width))\" y2=\"\(fixed(height))\"\(line)/>\n"
        html += "</g>\n<g class=\"bars\" fill=\"currentColor\">\n"
        for (position, bar) in bars.enumerated() {
            let x = Double(position) * slot
            let noun = bar.count == 1 ? "mention" : "mentions"
            html += "<g class=\"slot\"><title>\(label(bar, period)): \(bar.count) \(noun)</title>"
            html += "<rect class=\"hit\" x=\"\(fixed(x))\" y=\"0\" width=\"\(fixed(slot))\" height=\"\(fixed(height))\" fill=\"transparent\"/>"
            if bar.count > 0 {
                let barHeight = max(1, height * Double(bar.count) / Double(peakCount))
                html += "<rect class=\"bar\" x=\"\(fixed(x + (slot - barWidth) / 2))\" y=\"\(fixed(height - barHeight))\""
                html += " width=\"\(fixed(barWidth))\" height=\"\(fixed(barHeight))\"/>"
            }
            html += "</g>\n"
        }
        html += "</g>\n</svg>\n<div class=\"chart-x\" aria-hidden=\"true\">"
        for position in yearLabelPositions(bars, period: period, slot: slot) {
            // The label starts at its year's first bar, as a share of the plot's width.
            html += "<span class=\"chart-label year-label\" style=\"left: \(fixed(Double(position) * slot * 100 / width))%\">\(bars[position].year)</span>"
        }
        return html + "</div>\n</div>"
    }

    /// Sums months into consecutive periods covering `first...last`, zero periods included.
    /// Quarters and years align to the calendar, so the first and last may be partial.
    static func group(_ totals: [Int: Int], from first: Int, to last: Int, by period: Period) -> [Bar] {
        let length = period.length
        let start = first - first % length
        return stride(from: start, through: last, by: length).map { periodStart in
            Bar(start: periodStart,
                count: (periodStart..<periodStart + length).reduce(0) { $0 + (totals[$1] ?? 0) })
        }
    }

    /// "May 2025", "Q2 2025" or "2025".
    static func label(_ bar: Bar, _ period: Period) -> String {
        switch period {
        case .month: "\(monthNames[bar.month - 1]) \(bar.year)"
        case .quarter: "Q\((bar.month - 1) / 3 + 1) \(bar.year)"
        case .year: "\(bar.year)"
        }
    }

    /// Bars that get a year label: each year's first bar, thinned so labels never crowd,
    /// plus the very first bar when its partial year leaves room before the next January.
    static func yearLabelPositions(_ bars: [Bar], period: Period, slot: Double) -> [Int] {
        let starts = bars.indices.filter { bars[$0].month == 1 }
        let every = max(1, Int((labelSpacing / (slot * Double(12 / period.length))).rounded(.up)))
        var positions = starts.filter { bars[$0].year % every == 0 }
        if positions.isEmpty || Double(positions[0]) * slot >= labelSpacing { positions.insert(0, at: 0) }
        // A label needs the spacing to its right; one that would run off the chart is dropped.
        return positions.filter { Double($0) * slot <= width - labelSpacing }
    }

    /// Fixed-point: at most two decimals, no trailing zeros, never exponent notation or locale.
    static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        return fraction % 10 == 0 ? "\(sign)\(whole).\(fraction / 10)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A short stable id suffix (FNV-1a; Swift's `Hasher` is seeded per run), so two charts
    /// on one page do not share `aria-labelledby` targets yet rebuilds are byte-identical.
    static func fingerprint(_ title: String, _ bars: [Bar]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in title.utf8 { mix(byte) }
        for bar in bars { for byte in "\(bar.start):\(bar.count);".utf8 { mix(byte) } }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex.suffix(8)
    }
}
