package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.validation.NearDuplicates;
import org.owlet.catalog.validation.Problems;

/**
 * Reads {@code courses/} (sources.yaml and one folder per course) and {@code assets/} (manifest.yaml and
 * the images), checks everything the format promises and builds the model. Plain Java, no CDI: the app,
 * the tests and the authors' command all use it. The format is documented in {@code courses/README.md}.
 * <p>
 * The files are read in this order, which is also the order of the problems: {@link SourcesReader},
 * {@link ManifestReader}, {@link PoliciesReader}, then each course folder by name ({@link CourseReader}, which reads the
 * items with {@link ItemReader} before the modules), and last the checks across courses (the decisions each policy
 * profile serves, {@link NearDuplicates}) and the texts of every course, policy profile and image against
 * {@code glossary.yaml} ({@link GlossaryReader}).
 */
public final class CatalogReader {

    private final CatalogFiles files;
    private final boolean nearDuplicates;

    private CatalogReader(Path coursesDir, Path assetsDir, boolean nearDuplicates) {
        this.files = new CatalogFiles(coursesDir, assetsDir);
        this.nearDuplicates = nearDuplicates;
    }

    /**
     * Reads and checks the whole catalog: courses (with {@code sources.yaml}) and assets (with {@code manifest.yaml}),
     * with every check, the comparison of every pair of questions ({@link NearDuplicates}) included: what the authors'
     * command, the build's course check and dev mode use.
     */
    public static LoadedCatalog read(Path coursesDir, Path assetsDir) {
        return read(coursesDir, assetsDir, true);
    }

    /**
     * As {@link #read(Path, Path)}, without the near-duplicate comparison when {@code nearDuplicates} is false: it only
     * warns (it never skips a course), so a production start, which serves courses the build has already checked, does
     * without it.
     */
    public static LoadedCatalog read(Path coursesDir, Path assetsDir, boolean nearDuplicates) {
        return new CatalogReader(coursesDir, assetsDir, nearDuplicates).readAll();
    }

    private LoadedCatalog readAll() {
        Problems problems = files.problems;
        List<Path> courseFiles = courseFiles();
        Map<String, Source> sources = !courseFiles.isEmpty() || Files.isRegularFile(files.coursesDir.resolve("sources.yaml"))
                ? SourcesReader.read(files) : Map.of();
        // without an assets folder there are no images: a course that shows one is told so
        Map<String, ManifestEntry> manifest = Files.isDirectory(files.assetsDir) ? ManifestReader.read(files) : Map.of();
        PoliciesReader policies = PoliciesReader.read(files);
        CourseReader reader = new CourseReader(files, sources, new Images(files, manifest), policies);
        List<Course> read = new ArrayList<>();
        for (Path courseFile : courseFiles) {
            int mark = problems.mark();
            Course course = reader.read(courseFile);
            if (course != null && !problems.errorsSince(mark)) {
                read.add(course);
            }
        }
        // the content hashes (each course written as JSON and hashed: a fifth of the reading) on every core, in order
        List<Course> courses = read.parallelStream().map(course -> course.withContentHash(CourseJson.hash(course))).toList();
        policies.checkDecisions(courses.stream().map(Course::id).collect(Collectors.toSet()));
        if (nearDuplicates) {
            // the authors' checks (the validator, the build, dev mode), not a production start's work
            NearDuplicates.check(courses, reader::itemLocation, problems);
            GlossaryReader.check(files, courseFiles);
        }
        Map<String, AssetFile> assets = new LinkedHashMap<>();
        manifest.values().stream().filter(ManifestEntry::usable).forEach(e -> assets.put(e.path(), e.file()));
        return new LoadedCatalog(List.copyOf(courses), Map.copyOf(sources), assets, problems.all());
    }

    private List<Path> courseFiles() {
        if (!Files.isDirectory(files.coursesDir)) {
            files.problems.error(files.coursesLabel, 0, "", "folder not found; expected the course folder at " + files.coursesDir);
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(files.coursesDir)) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve("course.yaml")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the bytes, as lower-case hex: an image's hash (and URL) and a course's content hash. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
