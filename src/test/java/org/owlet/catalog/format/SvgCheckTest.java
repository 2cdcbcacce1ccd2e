package org.owlet.catalog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.owlet.catalog.assets.SvgCheck;
import org.owlet.catalog.validation.Problem;

/** An SVG is active content: only static drawings made of the allowed elements and attributes pass. */
class SvgCheckTest {

    private static final Path FIXTURES = Path.of("src/test/resources/svg-fixtures");

    private static SvgCheck.Result check(String body) {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"
                + body + "</svg>";
        return SvgCheck.check(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> messages(SvgCheck.Result result) {
        return result.problems().stream().map(SvgCheck.Problem::message).toList();
    }

    /** The hostile drawings in src/test/resources/svg-fixtures: what is refused, on which line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "animate.svg|3|SVG contains <animate>; expected a static drawing",
            "set-href.svg|4|SVG contains <set>; expected a static drawing",
            "onload.svg|2|SVG has an event handler onload on <svg>; expected none",
            "external-href.svg|4|SVG refers to 'https://evil.example/sprite.svg#a' from <use>; expected only references inside the file (#id)",
            "foreign-object.svg|2|SVG contains <foreignObject>; expected a static drawing",
    })
    void refusesHostileDrawingsWithTheirLine(String file, int line, String message) throws IOException {
        SvgCheck.Result result = SvgCheck.check(Files.readAllBytes(FIXTURES.resolve(file)));

        assertThat(result.problems()).as(file).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith(message);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<script>alert(1)</script>|SVG contains <script>; expected a static drawing",
            "<rect width='1' height='1' onclick='x()'/>|SVG has an event handler onclick on <rect>; expected none",
            "<image href='https://example.org/x.png'/>|SVG refers to 'https://example.org/x.png' from <image>; expected only references inside the file (#id)",
            "<use href='#a'/>|SVG contains <use>; expected a static drawing",
            "<a href='https://evil.example'><rect width='1' height='1'/></a>|SVG refers to 'https://evil.example' from <a>; expected only references inside the file (#id)",
            "<rect style='fill: url(https://example.org/p.svg)'/>|SVG refers to 'https://example.org/p.svg' in a style attribute; expected only references inside the file (#id)",
            "<rect style='fill: red'/>|SVG has a style attribute on <rect>; expected presentation attributes",
            "<style>@import url(x.css);</style>|SVG contains <style>; expected a static drawing",
            "<rect width='1' height='1' fill='url(https://evil.example/p.svg#g)'/>|SVG refers to 'https://evil.example/p.svg#g' in fill; expected only references inside the file (#id)",
            "<rect width='1' height='1' mask='url(#m)'/>|SVG has the attribute mask on <rect>; expected a static drawing",
            "<animateTransform attributeName='transform' type='rotate'/>|SVG contains <animateTransform>; expected a static drawing",
            "<animateMotion dur='1s'/>|SVG contains <animateMotion>; expected a static drawing",
            "<iframe xmlns='http://www.w3.org/1999/xhtml' src='https://evil.example'/>|SVG contains <iframe>; expected a static drawing",
            "<rect width='1' height='1' xml:space='preserve'/>|SVG has the attribute xml:space on <rect>; expected a static drawing",
    })
    void refusesEverythingOutsideTheAllowlist(String body, String message) {
        assertThat(messages(check(body))).anySatisfy(m -> assertThat(m).startsWith(message));
    }

    @Test
    void refusesAStyleSheetProcessingInstruction() {
        String svg = "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"https://evil.example/x.css\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>";
        SvgCheck.Result result = SvgCheck.check(svg.getBytes(StandardCharsets.UTF_8));

        assertThat(result.problems()).containsExactly(new SvgCheck.Problem(2,
                "SVG has a processing instruction <?xml-stylesheet?>; expected none (it can load a style sheet)"));
    }

    @Test
    void rejectsADoctypeBecauseEntitiesCanReadFiles() {
        String svg = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><title>&x;</title></svg>";
        SvgCheck.Result result = SvgCheck.check(svg.getBytes(StandardCharsets.UTF_8));

        assertThat(messages(result)).containsExactly("SVG has a DOCTYPE; expected none (entities can pull in other files)");
    }

    @Test
    void acceptsAStaticDrawingAndReadsItsSizeAndTitle() {
        SvgCheck.Result result = check("<title>Ring</title><defs><clipPath id='c'><circle cx='5' cy='5' r='4'/></clipPath></defs>"
                + "<g clip-path='url(#c)' transform='rotate(10)'><rect width='5' height='5' fill='#fff' stroke='#000'/>"
                + "<text x='1' y='9' font-size='2' text-anchor='middle'>Ring</text></g>");

        assertThat(result.problems()).isEmpty();
        assertThat(result.width()).isEqualTo(10);
        assertThat(result.embeddedText()).isEqualTo("Ring");
    }

    @Test
    void everyShippedDrawingPasses() throws IOException {
        List<Path> drawings;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("assets")), Files.walk(Path.of("src/test/resources/catalog/assets")))) {
            drawings = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
        }
        assertThat(drawings).hasSizeGreaterThan(50);
        for (Path drawing : drawings) {
            assertThat(SvgCheck.check(Files.readAllBytes(drawing)).problems()).as(drawing.toString()).isEmpty();
        }
        System.out.println("shipped drawings checked against the SVG allowlist: " + drawings.size());
    }

    @Test
    void theCatalogNamesTheDrawingAndTheLine(@TempDir Path temp) throws IOException {
        CatalogReaderTest.copy(Path.of("src/test/resources/catalog"), temp);
        Path drawing = temp.resolve("assets/drawings/tusk-section.svg");
        List<String> lines = Files.readAllLines(drawing);
        lines.add(3, "  <animate attributeName=\"fill\" to=\"#000\" dur=\"1s\"/>");
        Files.write(drawing, lines);

        List<String> errors = CatalogReader.read(temp.resolve("courses"), temp.resolve("assets")).errors().stream()
                .map(Problem::toString).toList();

        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("assets/drawings/tusk-section.svg:4: SVG contains <animate>;"));
    }
}
