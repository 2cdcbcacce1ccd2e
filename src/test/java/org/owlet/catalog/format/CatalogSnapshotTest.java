package org.owlet.catalog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Course;

/**
 * The parsed-catalog snapshot: what it serves is exactly what parsing serves (on the real courses), it is used only while
 * every file, the code and the options are the same, and a damaged snapshot means parsing again with a log line, never
 * a failed start.
 */
class CatalogSnapshotTest {

    static final Path SAMPLE = Path.of("src/test/resources/catalog");
    static final String CODE = "code-1";

    @TempDir
    Path temp;

    Path courses;
    Path assets;
    Path snapshots;
    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + (record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void copySample() throws IOException {
        courses = temp.resolve("courses");
        assets = temp.resolve("assets");
        snapshots = temp.resolve("snapshots");
        copy(SAMPLE.resolve("courses"), courses);
        copy(SAMPLE.resolve("assets"), assets);
        Logger.getLogger(CatalogSnapshot.class.getName()).addHandler(capture);
    }

    @AfterEach
    void detach() {
        Logger.getLogger(CatalogSnapshot.class.getName()).removeHandler(capture);
    }

    @Test
    void theRealCoursesComeBackFromTheSnapshotExactlyAsParsed() {
        Path realCourses = Path.of("courses");
        Path realAssets = Path.of("assets");
        LoadedCatalog parsed = CatalogReader.read(realCourses, realAssets, false);

        CatalogSnapshot.Result first = CatalogSnapshot.read(realCourses, realAssets, false, snapshots, CODE);
        CatalogSnapshot.Result second = CatalogSnapshot.read(realCourses, realAssets, false, snapshots, CODE);

        assertThat(first.fromSnapshot()).as("no snapshot yet: parsed").isFalse();
        assertThat(second.fromSnapshot()).as("same files, same code: the snapshot").isTrue();
        assertThat(parsed.courses()).hasSizeGreaterThanOrEqualTo(5);
        assertSame(second.catalog(), parsed);
    }

    @Test
    void aChangedCourseFileIsParsedAgainNeverServedFromTheSnapshot() throws IOException {
        CatalogSnapshot.read(courses, assets, true, snapshots, CODE);
        assertThat(CatalogSnapshot.read(courses, assets, true, snapshots, CODE).fromSnapshot()).isTrue();
        Path courseFile = courses.resolve("sample/course.yaml");
        String before = Files.readString(courseFile, StandardCharsets.UTF_8);
        // the same size and the same modification time: only the content tells
        String after = before.replace("version: \"1.0\"", "version: \"1.1\"");
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        var modified = Files.getLastModifiedTime(courseFile);
        Files.writeString(courseFile, after, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(courseFile, modified);

        CatalogSnapshot.Result changed = CatalogSnapshot.read(courses, assets, true, snapshots, CODE);

        assertThat(changed.fromSnapshot()).isFalse();
        assertThat(changed.catalog().courses().get(0).version()).isEqualTo("1.1");
        assertSame(changed.catalog(), CatalogReader.read(courses, assets, true));
        assertThat(CatalogSnapshot.read(courses, assets, true, snapshots, CODE).fromSnapshot())
                .as("the new files have their own snapshot now").isTrue();
    }

    @Test
    void aChangedPictureANewFileAnotherBuildOrOtherOptionsMissTheSnapshot() throws IOException {
        CatalogSnapshot.read(courses, assets, true, snapshots, CODE);
        assertThat(CatalogSnapshot.read(courses, assets, false, snapshots, CODE).fromSnapshot()).as("other options").isFalse();
        assertThat(CatalogSnapshot.read(courses, assets, true, snapshots, "code-2").fromSnapshot()).as("another build").isFalse();

        Path picture;
        try (Stream<Path> files = Files.walk(assets)) {
            picture = files.filter(f -> f.toString().endsWith(".svg")).findFirst().orElseThrow();
        }
        String svg = Files.readString(picture, StandardCharsets.UTF_8);
        Files.writeString(picture, svg.replace("</svg>", "<!-- retouched --></svg>"), StandardCharsets.UTF_8);
        CatalogSnapshot.Result retouched = CatalogSnapshot.read(courses, assets, true, snapshots, CODE);
        assertThat(retouched.fromSnapshot()).as("a picture changed").isFalse();
        String relative = assets.relativize(picture).toString().replace('\\', '/');
        assertThat(new String(retouched.catalog().assets().get(relative).bytes(), StandardCharsets.UTF_8)).contains("retouched");

        Files.writeString(courses.resolve("notes.txt"), "a file the reader ignores still changes the key");
        assertThat(CatalogSnapshot.read(courses, assets, true, snapshots, CODE).fromSnapshot()).isFalse();
    }

    @Test
    void aCorruptSnapshotIsParsedAgainWithALogLineAndWrittenAgain() throws IOException {
        CatalogSnapshot.read(courses, assets, true, snapshots, CODE);
        Path file = onlySnapshot();
        LoadedCatalog parsed = CatalogReader.read(courses, assets, true);
        byte[] good = Files.readAllBytes(file);

        // one byte of the body changed, the JSON still well-formed: the body hash tells
        byte[] flipped = good.clone();
        int at = new String(good, StandardCharsets.UTF_8).indexOf("\"sample\"");
        flipped[at + 1] = (byte) 'S';
        // cut short, garbage, empty
        List<byte[]> damaged = List.of(flipped, java.util.Arrays.copyOf(good, good.length / 2),
                "owlet-catalog-snapshot 1\nkey ".getBytes(StandardCharsets.UTF_8), "\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        for (byte[] bytes : damaged) {
            Files.write(file, bytes);
            logged.clear();

            CatalogSnapshot.Result result = CatalogSnapshot.read(courses, assets, true, snapshots, CODE);

            assertThat(result.fromSnapshot()).isFalse();
            assertSame(result.catalog(), parsed);
            assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("is unreadable")
                    .contains(file.toString()));
            assertThat(Files.readAllBytes(file)).as("written again").isEqualTo(good);
            assertThat(CatalogSnapshot.read(courses, assets, true, snapshots, CODE).fromSnapshot()).isTrue();
        }
    }

    @Test
    void aSnapshotFolderThatCannotBeWrittenOnlyCostsTheParsing() throws IOException {
        Path notAFolder = temp.resolve("file");
        Files.writeString(notAFolder, "in the way");

        CatalogSnapshot.Result result = CatalogSnapshot.read(courses, assets, true, notAFolder, CODE);

        assertThat(result.fromSnapshot()).isFalse();
        assertThat(result.catalog().courses()).extracting(Course::id).containsExactly("sample");
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("could not be written"));
    }

    @Test
    void onlyTheMostRecentSnapshotsAreKept() throws IOException {
        for (int i = 0; i < CatalogSnapshot.KEPT + 2; i++) {
            CatalogSnapshot.read(courses, assets, true, snapshots, "code-" + i);
        }
        try (Stream<Path> files = Files.list(snapshots)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(CatalogSnapshot.KEPT)
                    .allMatch(name -> name.matches("catalog-[0-9a-f]{32}\\.snapshot"));
        }
    }

    private Path onlySnapshot() throws IOException {
        try (Stream<Path> files = Files.list(snapshots)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The same courses (their canonical JSON, content hash included), sources, problems and pictures (bytes too). */
    static void assertSame(LoadedCatalog actual, LoadedCatalog expected) {
        assertThat(actual.courses().stream().map(CourseJson::write).toList())
                .isEqualTo(expected.courses().stream().map(CourseJson::write).toList());
        assertThat(actual.courses()).extracting(Course::contentHash)
                .isEqualTo(expected.courses().stream().map(Course::contentHash).toList());
        assertThat(actual.sources()).isEqualTo(expected.sources());
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(actual.assets().keySet()).containsExactlyElementsOf(expected.assets().keySet());
        for (Map.Entry<String, AssetFile> e : expected.assets().entrySet()) {
            AssetFile a = actual.assets().get(e.getKey());
            AssetFile b = e.getValue();
            assertThat(List.of(a.path(), a.hash(), a.mediaType(), a.width(), a.height(), String.valueOf(a.embeddedText())))
                    .isEqualTo(List.of(b.path(), b.hash(), b.mediaType(), b.width(), b.height(), String.valueOf(b.embeddedText())));
            assertThat(a.bytes()).isEqualTo(b.bytes());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
