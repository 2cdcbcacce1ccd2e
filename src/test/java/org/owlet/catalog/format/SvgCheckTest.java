package org.owlet.catalog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.owlet.catalog.assets.SvgCheck;

/** An SVG is active content: only static drawings pass. */
class SvgCheckTest {

    private static SvgCheck.Result check(String body) {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"
                + body + "</svg>";
        return SvgCheck.check(svg.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<script>alert(1)</script>|SVG contains <script>; expected a static drawing without scripts or foreign objects",
            "<rect width='1' height='1' onclick='x()'/>|SVG has an event handler onclick on <rect>; expected none",
            "<foreignObject><p>hi</p></foreignObject>|SVG contains <foreignObject>; expected a static drawing without scripts or foreign objects",
            "<image href='https://example.org/x.png'/>|SVG refers to 'https://example.org/x.png' from <image>; expected only references inside the file (#id)",
            "<use xlink:href='other.svg#a'/>|SVG refers to 'other.svg#a' from <use>; expected only references inside the file (#id)",
            "<rect style='fill: url(https://example.org/p.svg)'/>|SVG refers to 'https://example.org/p.svg' in a style attribute; expected only references inside the file (#id)",
            "<style>@import url(x.css);</style>|SVG imports a style sheet in <style>; expected only references inside the file (#id)",
    })
    void rejectsActiveContent(String body, String message) {
        assertThat(check(body).problems()).contains(message);
    }

    @org.junit.jupiter.api.Test
    void rejectsADoctypeBecauseEntitiesCanReadFiles() {
        String svg = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><title>&x;</title></svg>";
        SvgCheck.Result result = SvgCheck.check(svg.getBytes(StandardCharsets.UTF_8));

        assertThat(result.problems()).containsExactly("SVG has a DOCTYPE; expected none (entities can pull in other files)");
    }

    @org.junit.jupiter.api.Test
    void acceptsAStaticDrawingAndReadsItsSizeAndTitle() {
        SvgCheck.Result result = check("<title>Ring</title><defs><linearGradient id='g'/></defs>"
                + "<rect width='5' height='5' fill='url(#g)'/><use href='#g'/>");

        assertThat(result.problems()).isEmpty();
        assertThat(result.width()).isEqualTo(10);
        assertThat(result.embeddedText()).isEqualTo("Ring");
    }
}
