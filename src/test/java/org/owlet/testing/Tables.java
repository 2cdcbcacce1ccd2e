package org.owlet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks shared by the table pages: on a phone a table collapses to cards whose cells carry their column's header. */
public final class Tables {

    private Tables() {
    }

    /**
     * The table matched by {@code css} collapses on a phone ({@code class="stack"}) and every body cell is labelled by
     * its column header; returns the number of body rows checked.
     */
    public static int assertStacks(Document page, String css) {
        Element table = page.selectFirst(css);
        assertThat(table).as("table " + css).isNotNull();
        assertThat(table.hasClass("stack")).as(css + " collapses to cards on a phone").isTrue();
        List<String> headers = table.select("thead th").stream().map(Element::text).toList();
        List<Element> rows = table.select("tbody tr");
        assertThat(rows).as("rows of " + css).isNotEmpty();
        for (Element row : rows) {
            List<Element> cells = row.children();
            assertThat(cells).hasSameSizeAs(headers);
            for (int i = 0; i < cells.size(); i++) {
                assertThat(cells.get(i).hasAttr("data-label")).as("cell %d of %s has a label", i, css).isTrue();
                assertThat(cells.get(i).attr("data-label")).as("label of cell %d of %s", i, css).isEqualTo(headers.get(i));
            }
        }
        return rows.size();
    }
}
