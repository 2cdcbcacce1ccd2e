package org.owlet.reporting;

import java.util.List;
import java.util.Locale;

/**
 * A bar chart drawn on the server as inline SVG: no script, no library, readable without colour (values are printed
 * over the bars) and hidden from screen readers, which read the table printed next to it instead.
 */
public final class SvgChart {

    /** One bar: its label under the axis and its value. */
    public record Bar(String label, int value) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int AXIS = 28;
    private static final int TOP = 18;
    /** Room left and right of the bars, so the first and last labels are not cut off. */
    private static final int SIDE = 28;

    private SvgChart() {
    }

    /** Bars from left to right; {@code title} becomes the SVG's title (the table carries the same data). */
    public static String bars(List<Bar> bars, String title) {
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(1));
        double slot = (double) (WIDTH - 2 * SIDE) / Math.max(1, bars.size());
        double bar = Math.max(2, slot * 0.7);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-hidden=\"true\" focusable=\"false\"><title>").append(escape(title))
                .append("</title>");
        svg.append("<line x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(HEIGHT - AXIS).append("\" y2=\"")
                .append(HEIGHT - AXIS).append("\" class=\"chart-axis\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = (HEIGHT - AXIS - TOP) * (double) b.value() / max;
            double x = SIDE + i * slot + (slot - bar) / 2;
            double y = HEIGHT - AXIS - h;
            svg.append("<rect class=\"chart-bar\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(bar)).append("\" height=\"").append(num(h)).append("\"/>");
            svg.append("<text class=\"chart-value\" x=\"").append(num(x + bar / 2)).append("\" y=\"").append(num(y - 4))
                    .append("\" text-anchor=\"middle\">").append(b.value()).append("</text>");
            if (bars.size() <= 12 || i % 3 == 0 || i == bars.size() - 1) {
                svg.append("<text class=\"chart-label\" x=\"").append(num(x + bar / 2)).append("\" y=\"").append(HEIGHT - AXIS + 16)
                        .append("\" text-anchor=\"middle\">").append(escape(b.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
