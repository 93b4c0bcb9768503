import Testing

@testable import WebUI

/// The timeline writes its tracks' markup directly: escaped as the templates escape, places as
/// percentages with three decimals.
@Suite("Timeline markup")
struct TimelineMarkupTests {
    @Test("text and attribute values are escaped as the templates escape them")
    func escaping() {
        var markup = Markup()
        markup.raw("<a title=\"")
        markup.text(#"A&B <b> "q" 'x' 数控 · ok"#)
        markup.raw("\">")
        #expect(markup.html == #"<a title="A&amp;B &lt;b&gt; &quot;q&quot; &#39;x&#39; 数控 · ok">"#)
    }

    @Test("a share is written as a percentage with three decimals")
    func percentages() {
        #expect(Timeline.percent(0) == "0.000%")
        #expect(Timeline.percent(0.125) == "12.500%")
        #expect(Timeline.percent(1 / 3) == "33.333%")
        #expect(Timeline.percent(0.000_04) == "0.004%")
        #expect(Timeline.percent(1) == "100.000%")
    }
}
