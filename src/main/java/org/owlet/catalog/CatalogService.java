package org.owlet.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.assets.ImageVariants;
import org.owlet.catalog.format.CatalogReader;
import org.owlet.catalog.format.CatalogSnapshot;
import org.owlet.catalog.format.CourseJson;
import org.owlet.catalog.format.LoadedCatalog;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.validation.Problem;
import org.owlet.catalog.view.CourseView;
import org.owlet.catalog.view.Feedback;
import org.owlet.catalog.view.ItemView;
import org.owlet.catalog.view.LearnerViews;
import org.owlet.web.TimeSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The course catalog: what the other features use to find courses, score answers and show items.
 * <p>
 * Courses are read from the folders in {@link CatalogConfig} at start (a broken course is skipped and its
 * problems logged; the others load) and, where {@code owlet.catalog.reload-interval} is set (dev mode),
 * again when a file changes. Every version loaded is recorded once in {@code course_version} with its
 * content hash; an attempt stores (course id, content hash) and gets exactly that content back from
 * {@link #course(String, String)}, even after the files changed.
 * <p>
 * Two kinds of item objects: {@link Item} holds the answer key and stays on the server (scoring,
 * feedback, review); {@link ItemView} is what a browser may see before answering.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);
    private static final Pattern ASSET_NAME = Pattern.compile("([0-9a-f]{16})(?:-w([0-9]{1,5}))?\\.([a-z]{3,4})");

    /** A served image: its bytes and content type. */
    public record AssetContent(byte[] bytes, String mediaType) {
    }

    @Inject
    CatalogConfig config;

    @Inject
    TimeSource time;

    @Inject
    Vertx vertx;

    private volatile LoadedCatalog current = new LoadedCatalog(List.of(), Map.of(), Map.of(), List.of());
    private volatile Map<String, Course> currentById = Map.of();
    /** Every version seen since start, by "id/hash"; older ones come back from the database. */
    private final Map<String, Course> versions = new ConcurrentHashMap<>();
    /** Every asset seen since start, by hash, so pages of an older version still find their images. */
    private final Map<String, AssetFile> assets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> variants = new ConcurrentHashMap<>();
    private volatile String fingerprint = "";

    void onStart(@Observes StartupEvent event) {
        reload();
        config.reloadInterval().ifPresent(interval -> vertx.setPeriodic(interval.toMillis(),
                id -> vertx.executeBlocking(() -> {
                    reloadIfChanged();
                    return null;
                }, false)));
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** Reads and checks the folders again, records new versions and makes them current. */
    public synchronized LoadedCatalog reload() {
        Path coursesDir = locate(config.coursesDir(), "catalog/courses");
        Path assetsDir = locate(config.assetsDir(), "catalog/assets");
        long started = System.nanoTime();
        fingerprint = fingerprint(folders());
        boolean nearDuplicates = config.nearDuplicateCheck();
        boolean fromSnapshot = false;
        LoadedCatalog loaded;
        if (config.snapshotDir().filter(dir -> !dir.isBlank()).isPresent()) {
            CatalogSnapshot.Result read = CatalogSnapshot.read(coursesDir, assetsDir, nearDuplicates,
                    Path.of(config.snapshotDir().get()), CodeVersion.of());
            loaded = read.catalog();
            fromSnapshot = read.fromSnapshot();
        } else {
            loaded = CatalogReader.read(coursesDir, assetsDir, nearDuplicates);
        }
        if (config.sampleCoursesDir().isPresent() && config.sampleAssetsDir().isPresent()) {
            loaded = merge(loaded, CatalogReader.read(Path.of(config.sampleCoursesDir().get()),
                    Path.of(config.sampleAssetsDir().get()), nearDuplicates));
        }
        for (Problem problem : loaded.problems()) {
            if (problem.isError()) {
                LOG.error("Course files: " + problem);
            } else if (problem.severity() == Problem.Severity.NOTE) {
                LOG.debug("Course files: " + problem);
            } else {
                LOG.warn("Course files: " + problem);
            }
        }
        loaded.assets().values().forEach(a -> assets.put(a.hash(), a));
        recordAssets(loaded.assets().values());
        Map<String, Course> byId = new ConcurrentHashMap<>();
        for (Course course : loaded.courses()) {
            recordVersion(course);
            versions.put(course.id() + "/" + course.contentHash(), course);
            byId.put(course.id(), course);
        }
        current = loaded;
        currentById = Map.copyOf(byId);
        LOG.infof("Catalog: %d course(s) loaded from %s and %s%s, %d error(s), %d warning(s)%s in %d ms", loaded.courses().size(),
                coursesDir, assetsDir, fromSnapshot ? " (through the snapshot of their parsed content)" : "",
                loaded.errors().size(), loaded.warnings().size(),
                nearDuplicates ? "" : " (near-duplicates not compared: the course check does)",
                (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    /** The main catalog, and the sample where one is configured, with the main catalog's courses first. */
    private static LoadedCatalog merge(LoadedCatalog main, LoadedCatalog sample) {
        List<Course> courses = new ArrayList<>(main.courses());
        sample.courses().stream().filter(c -> main.courses().stream().noneMatch(m -> m.id().equals(c.id())))
                .forEach(courses::add);
        Map<String, Source> sources = new HashMap<>(sample.sources());
        sources.putAll(main.sources());
        Map<String, AssetFile> files = new LinkedHashMap<>(sample.assets());
        files.putAll(main.assets());
        List<Problem> problems = new ArrayList<>(main.problems());
        problems.addAll(sample.problems());
        return new LoadedCatalog(List.copyOf(courses), sources, files, problems);
    }

    private Path[] folders() {
        List<Path> folders = new ArrayList<>(List.of(locate(config.coursesDir(), "catalog/courses"),
                locate(config.assetsDir(), "catalog/assets")));
        config.sampleCoursesDir().map(Path::of).ifPresent(folders::add);
        config.sampleAssetsDir().map(Path::of).ifPresent(folders::add);
        return folders.toArray(Path[]::new);
    }

    void reloadIfChanged() {
        if (!fingerprint(folders()).equals(fingerprint)) {
            LOG.info("Catalog: course files changed, reloading");
            reload();
        }
    }

    /**
     * Records a course version once. Several replicas may start together and insert the same row: the
     * unique constraint on (course id, content hash) lets one insert win; the others find its row.
     */
    void recordVersion(Course course) {
        if (QuarkusTransaction.requiringNew().call(() -> CourseVersion.findByHash(course.id(), course.contentHash()).isPresent())) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                CourseVersion row = new CourseVersion();
                row.courseId = course.id();
                row.version = course.version();
                row.contentHash = course.contentHash();
                row.content = CourseJson.write(course);
                row.firstLoadedAt = time.now();
                row.persist();
            });
            LOG.infof("Catalog: new version of course %s (%s, %s)", course.id(), course.version(), course.contentHash());
        } catch (RuntimeException e) { // a concurrent insert of the same version: the unique constraint fired
            boolean recorded = QuarkusTransaction.requiringNew()
                    .call(() -> CourseVersion.findByHash(course.id(), course.contentHash()).isPresent());
            if (!recorded) {
                throw e;
            }
        }
    }

    /**
     * Records the pictures not yet stored, so any replica, and this one after a restart with other files, can still
     * serve the pictures of an older course version. Replicas starting together may insert the same row: the
     * primary key lets one win, and the others insert one by one what is still missing.
     */
    void recordAssets(java.util.Collection<AssetFile> files) {
        if (files.isEmpty()) {
            return;
        }
        List<String> hashes = files.stream().map(AssetFile::hash).distinct().toList();
        java.util.Set<String> stored = new java.util.HashSet<>(QuarkusTransaction.requiringNew().call(
                () -> StoredAsset.getEntityManager().createQuery("select a.hash from StoredAsset a where a.hash in :hashes", String.class)
                        .setParameter("hashes", hashes).getResultList()));
        List<AssetFile> missing = files.stream().filter(f -> stored.add(f.hash())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> missing.forEach(f -> StoredAsset.of(f, time.now()).persist()));
        } catch (RuntimeException concurrentInsert) {
            for (AssetFile file : missing) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (StoredAsset.findById(file.hash()) == null) {
                            StoredAsset.of(file, time.now()).persist();
                        }
                    });
                } catch (RuntimeException alreadyThere) {
                    if (QuarkusTransaction.requiringNew().call(() -> StoredAsset.findById(file.hash()) == null)) {
                        throw alreadyThere;
                    }
                }
            }
        }
        LOG.infof("Catalog: %d new picture(s) stored", missing.size());
    }

    /** A picture this replica has not loaded from its files: one an older course version shows, from the database. */
    private AssetFile storedAsset(String hash) {
        AssetFile known = assets.get(hash);
        if (known != null) {
            return known;
        }
        AssetFile stored = QuarkusTransaction.requiringNew().call(() -> {
            StoredAsset row = StoredAsset.findById(hash);
            return row == null ? null : row.toFile();
        });
        if (stored != null) {
            assets.put(hash, stored);
        }
        return stored;
    }

    private static Path locate(String configured, String packaged) {
        Path dir = Path.of(configured);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        URL url = Thread.currentThread().getContextClassLoader().getResource(packaged);
        if (url == null) {
            return dir; // the reader reports the missing folder
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem zip;
                try {
                    zip = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    zip = FileSystems.getFileSystem(uri);
                }
                return zip.provider().getPath(uri);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the packaged catalog at " + url, e);
        }
    }

    private static String fingerprint(Path... dirs) {
        StringBuilder print = new StringBuilder();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(f -> {
                    try {
                        print.append(f).append(Files.size(f)).append(Files.getLastModifiedTime(f).toMillis());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                return "unreadable";
            }
        }
        return print.toString();
    }

    // ---- courses -----------------------------------------------------------------------------------

    /** The current version of every course that loaded without errors, by id. */
    public List<Course> courses() {
        return currentById.values().stream().sorted(Comparator.comparing(Course::id)).toList();
    }

    /** The current version of a course. */
    public Optional<Course> course(String courseId) {
        return Optional.ofNullable(currentById.get(courseId));
    }

    /**
     * Exactly the version with this content hash, current or older (from memory, else from the
     * database): what an attempt or certificate that recorded the hash needs.
     */
    public Optional<Course> course(String courseId, String contentHash) {
        Course known = versions.get(courseId + "/" + contentHash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Course> stored = QuarkusTransaction.requiringNew()
                .call(() -> CourseVersion.findByHash(courseId, contentHash).map(row -> CourseJson.read(row.content)));
        stored.ifPresent(c -> versions.put(courseId + "/" + contentHash, c));
        return stored;
    }

    /** An item with its answer key, for server-side scoring and feedback. Never send it to a browser. */
    public Optional<Item> item(String courseId, String contentHash, String itemId) {
        return course(courseId, contentHash).flatMap(c -> c.item(itemId));
    }

    /** The problems found at the last (re)load: errors of skipped courses and warnings. */
    public List<Problem> problems() {
        return current.problems();
    }

    // ---- learner-facing views ----------------------------------------------------------------------

    /** A course in a language (its default language if it is not offered in this one), without answer keys. */
    public CourseView learnerView(Course course, String language) {
        return cached(course, "course:" + course.languageFor(language), () -> LearnerViews.course(course, language));
    }

    public CourseView.Summary summary(Course course, String language) {
        return LearnerViews.summary(course, language);
    }

    /** An item as the browser may see it before the answer. */
    public ItemView learnerView(Course course, Item item, String language) {
        String lang = course.languageFor(language);
        return cached(item, "item:" + lang, () -> LearnerViews.item(item, lang));
    }

    /** The key, explanation, image descriptions and sources to show after the answer. */
    public Feedback feedback(Course course, Item item, String language) {
        return cached(item, "feedback:" + course.contentHash() + ":" + language, () -> LearnerViews.feedback(course, item, language));
    }

    /**
     * The learner's views are functions of an immutable loaded course or item and a language, built on every page
     * before (the whole course's items for each card page): now once per course or item and language. Weak keys
     * compare identity, so a reloaded course gets new views and an unloaded one takes its views with it.
     */
    private final Cache<Object, Map<String, Object>> views = Caffeine.newBuilder().weakKeys().build();

    @SuppressWarnings("unchecked")
    private <V> V cached(Object source, String key, Supplier<V> build) {
        return (V) views.get(source, s -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> build.get());
    }

    // ---- assets ------------------------------------------------------------------------------------

    /**
     * An image by its content-hashed name: {@code <hash>.<ext>} (the original) or {@code <hash>-w<width>.<ext>}
     * (a resized copy of a PNG or JPEG). Only files listed in the manifest under the assets folder are known;
     * the name never reaches the file system.
     */
    public Optional<AssetContent> asset(String name) {
        Matcher m = ASSET_NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        AssetFile file = storedAsset(m.group(1));
        if (file == null || !file.extension().equals(m.group(3))) {
            return Optional.empty();
        }
        if (m.group(2) == null) {
            return Optional.of(new AssetContent(file.bytes(), file.mediaType()));
        }
        int width = Integer.parseInt(m.group(2));
        if (!ImageVariants.widthsFor(file).contains(width)) {
            return Optional.empty();
        }
        byte[] bytes = variants.computeIfAbsent(name, n -> ImageVariants.resize(file, width));
        return Optional.of(new AssetContent(bytes, file.mediaType()));
    }
}
