import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

@Suite("Mention chart")
struct MentionChartTests {
    /// March–June 2024 with nothing in April, given out of order.
    let sample: [(year: Int, month: Int, count: Int)] = [(2024, 5, 14), (2024, 3, 3), (2024, 6, 1)]

    @Test func isAnAccessibleImage() throws {
        let svg = MentionChart.svg(months: sample, title: "Mentions of Acme")
        let document = try ParsedSVG(svg)
        #expect(document.elements.first?.name == "div")
        #expect(document.elements.first?.attributes["class"] == "mention-chart")
        let root = try #require(document.elements.first { $0.name == "svg" })
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["class"] == "chart-plot")
        #expect(root.attributes["viewBox"] == "0 0 600 126")
        #expect(root.attributes["preserveAspectRatio"] == "none")
        // The axis labels are page text, hidden from screen readers (the description says it all).
        let labelBoxes = document.elements.filter { $0.attributes["class"] == "chart-y" || $0.attributes["class"] == "chart-x" }
        #expect(labelBoxes.count == 2)
        #expect(labelBoxes.allSatisfy { $0.attributes["aria-hidden"] == "true" })
        #expect(document.elements.filter { $0.name == "text" }.isEmpty)
        let title = try #require(document.elements.first { $0.name == "title" }?.attributes["id"])
        let desc = try #require(document.elements.first { $0.name == "desc" }?.attributes["id"])
        #expect(root.attributes["aria-labelledby"] == "\(title) \(desc)")
        #expect(document.text(of: "title") == "Mentions of Acme")
        #expect(document.text(of: "desc") == "Mentions per month from March 2024 to June 2024; peak 14 in May 2024")
        #expect(!svg.contains("<script"))
    }

    @Test func drawsOneSlotPerMonthWithGapsForQuietMonths() throws {
        let document = try ParsedSVG(MentionChart.svg(months: sample, title: "Acme"))
        let slots = document.elements.filter { $0.attributes["class"] == "slot" }
        let bars = document.elements.filter { $0.attributes["class"] == "bar" }
        #expect(slots.count == 4)
        #expect(bars.count == 3)
        #expect(document.titles.dropFirst() == ["March 2024: 3 mentions", "April 2024: 0 mentions",
                                                "May 2024: 14 mentions", "June 2024: 1 mention"])
        // The continuous axis: May's bar sits two slots after March's, the peak fills the plot.
        let x = bars.map { Double($0.attributes["x"]!)! }, slot = 600.0 / 4
        #expect(abs((x[1] - x[0]) - 2 * slot) < 0.02)
        #expect(bars.map { $0.attributes["height"]! } == ["27", "126", "9"])
        #expect(document.text(ofClass: "chart-label max-label") == "14")
        #expect(document.text(ofClass: "chart-label zero-label") == "0")
        let years = document.elements.filter { $0.attributes["class"] == "chart-label year-label" }
        #expect(years.map { $0.attributes["style"] } == ["left: 0%"])
        #expect(document.text(ofClass: "chart-label year-label") == "2024")
    }

    @Test func sumsRepeatedMonthsAndIgnoresNonsense() {
        let messy = MentionChart.svg(months: [(2024, 3, 1), (2024, 3, 2), (2024, 4, -5), (2024, 13, 9), (2024, 6, 1), (2024, 5, 14)],
                                     title: "Acme")
        #expect(messy == MentionChart.svg(months: sample, title: "Acme"))
    }

    @Test func longSpansAreDrawnPerQuarterThenPerYear() throws {
        let fifteenYears = (0..<180).map { (year: 2010 + $0 / 12, month: $0 % 12 + 1, count: $0 == 40 ? 20 : 1) }
        let quarterly = try ParsedSVG(MentionChart.svg(months: fifteenYears, title: "Acme"))
        #expect(quarterly.elements.filter { $0.attributes["class"] == "slot" }.count == 60)
        #expect(quarterly.titles[1] == "Q1 2010: 3 mentions")
        #expect(quarterly.titles.contains("Q2 2013: 22 mentions"))
        #expect(quarterly.text(of: "desc") == "Mentions per quarter from Q1 2010 to Q4 2024; peak 22 in Q2 2013")

        let fortyYears = [(year: 1985, month: 6, count: 2), (year: 2024, month: 11, count: 5)]
        let yearly = try ParsedSVG(MentionChart.svg(months: fortyYears, title: "Acme"))
        #expect(yearly.elements.filter { $0.attributes["class"] == "slot" }.count == 40)
        #expect(yearly.elements.filter { $0.attributes["class"] == "bar" }.count == 2)
        #expect(yearly.titles.last == "2024: 5 mentions")
        // Year labels are thinned so they never crowd each other.
        // Each label sits at a share of the plot's width ("left: 12.5%"); none runs off its right edge.
        let labels = yearly.elements.filter { $0.attributes["class"] == "chart-label year-label" }.map { element in
            Double(element.attributes["style"]!.wholeMatch(of: /left: ([0-9.]+)%/)!.1)! * MentionChart.width / 100
        }
        #expect(labels.count > 3)
        #expect(zip(labels, labels.dropFirst()).allSatisfy { $1 - $0 >= MentionChart.labelSpacing - 0.01 })
        #expect(labels.allSatisfy { $0 <= MentionChart.width - MentionChart.labelSpacing })
        #expect(MentionChart.Period.fitting(from: 24_000, to: 24_119) == .month)     // 120 months
        #expect(MentionChart.Period.fitting(from: 24_000, to: 24_120) == .quarter)
        #expect(MentionChart.Period.fitting(from: 24_000, to: 24_359) == .quarter)   // 120 quarters
        #expect(MentionChart.Period.fitting(from: 24_002, to: 24_361) == .year)      // 121 quarters
    }

    @Test func nothingToDrawGivesNoMarkup() {
        #expect(MentionChart.svg(months: [], title: "Acme") == "")
        #expect(MentionChart.svg(months: [(2024, 1, 0), (2024, 5, 0)], title: "Acme") == "")
    }

    @Test func escapesTextAndStillParses() throws {
        let title = "Mentions of AT&T <Labs> \"quoted\" & 'single'"
        let svg = MentionChart.svg(months: sample, title: title)
        #expect(svg.contains("AT&amp;T &lt;Labs&gt; &quot;quoted&quot; &amp; &apos;single&apos;"))
        let document = try ParsedSVG(svg)
        #expect(document.titles.first == title)
        #expect(XMLText.escape("a\u{1}b") == "ab")
    }

    @Test func outputIsDeterministic() throws {
        let first = MentionChart.svg(months: sample, title: "Acme")
        #expect(first == MentionChart.svg(months: sample, title: "Acme"))
        #expect(first != MentionChart.svg(months: sample, title: "Other"))  // distinct ids per chart
        // Every coordinate is plain fixed-point: no exponent, no locale separator, ≤ 2 decimals.
        let numbers = try ParsedSVG(first).elements.flatMap { element in
            ["x", "y", "x1", "y1", "x2", "y2", "width", "height"].compactMap { element.attributes[$0] }
        }
        #expect(numbers.count > 20)
        #expect(numbers.allSatisfy { $0.wholeMatch(of: /-?[0-9]+(\.[0-9]{1,2})?/) != nil })
        #expect(MentionChart.fixed(18.0625) == "18.06")
        #expect(MentionChart.fixed(126) == "126")
        #expect(MentionChart.fixed(4.5) == "4.5")
        #expect(MentionChart.fixed(-0.004) == "0")
    }
}

/// The elements of the chart's markup (XHTML-clean, so XML) in order, with attributes and text, via Foundation's parser.
private final class ParsedSVG: NSObject, XMLParserDelegate {
    struct Element {
        let name: String, attributes: [String: String]
    }
    private(set) var elements: [Element] = []
    private var texts: [Int: String] = [:], open: [Int] = []
    private var failure: Error?

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { throw failure ?? parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    /// Text of every `<title>`, in document order: the chart title, then one per slot.
    var titles: [String] { elements.indices.filter { elements[$0].name == "title" }.map { texts[$0] ?? "" } }

    /// Text of the first element whose `class` is `className`.
    func text(ofClass className: String) -> String? {
        elements.indices.first { elements[$0].attributes["class"] == className }.flatMap { texts[$0] }
    }

    /// Text of the first element called `name`.
    func text(of name: String) -> String? {
        elements.indices.first { elements[$0].name == name }.flatMap { texts[$0] }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { texts[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { failure = error }
}
