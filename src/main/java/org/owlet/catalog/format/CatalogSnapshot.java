package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.validation.Problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The parsed catalog kept in a file, so that a start whose course and asset files are exactly those of an earlier start
 * reads one file instead of parsing and checking every YAML, Markdown and SVG file again (most of a production start's
 * catalog time).
 * <p>
 * The snapshot is keyed by the SHA-256 of every file under both folders (relative path and bytes), of the code that
 * parses them ({@code codeVersion}: the application jar's entries) and of the reading's options. A snapshot whose key
 * differs, or whose body does not match the hash in its header (a torn or corrupted write), is never used: the files
 * are parsed as without a snapshot, and the snapshot is written again. The asset bytes come from the files read for
 * the key, not from the snapshot. Writing goes to a temporary file moved into place, so replicas sharing the folder
 * never read half a snapshot.
 * <p>
 * Format (UTF-8 lines): {@code owlet-catalog-snapshot <format>}, {@code key <hex>}, {@code body <sha-256 hex of the
 * rest>}, then one JSON line with the sources, asset descriptions and problems, then one JSON line per course
 * ({@link CourseJson}, which also keeps older course versions in the database).
 */
public final class CatalogSnapshot {

    private static final Logger LOG = Logger.getLogger(CatalogSnapshot.class);
    static final int FORMAT = 1;
    /** Snapshots kept in the folder (the most recently written): e.g. two releases side by side, or two course sets. */
    static final int KEPT = 4;
    private static final String MAGIC = "owlet-catalog-snapshot " + FORMAT;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    /** An asset file without its bytes (they come from the file itself). */
    record AssetEntry(String path, String hash, String mediaType, double width, double height, String embeddedText) {
    }

    /** Everything of a {@link LoadedCatalog} but the courses and the asset bytes. */
    record Rest(Map<String, Source> sources, List<AssetEntry> assets, List<Problem> problems) {
    }

    /** How a reading went: the catalog, and whether it came from the snapshot. */
    public record Result(LoadedCatalog catalog, boolean fromSnapshot) {
    }

    private CatalogSnapshot() {
    }

    /**
     * The catalog of the two folders: from the snapshot in {@code snapshotDir} when it matches the files exactly, else
     * parsed ({@link CatalogReader#read(Path, Path, boolean)}) and then written there for the next start. A snapshot that
     * cannot be read or written is logged and costs only the parsing.
     */
    public static Result read(Path coursesDir, Path assetsDir, boolean nearDuplicates, Path snapshotDir, String codeVersion) {
        Map<String, byte[]> assetBytes = new TreeMap<>();
        String key;
        try {
            key = key(coursesDir, assetsDir, nearDuplicates, codeVersion, assetBytes);
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Catalog: the course files could not be hashed for the snapshot (%s): parsing them", e.toString());
            return new Result(CatalogReader.read(coursesDir, assetsDir, nearDuplicates), false);
        }
        Path file = snapshotDir.resolve(fileName(key));
        Optional<LoadedCatalog> stored = load(file, key, assetBytes);
        if (stored.isPresent()) {
            return new Result(stored.get(), true);
        }
        LoadedCatalog parsed = CatalogReader.read(coursesDir, assetsDir, nearDuplicates);
        write(file, key, parsed);
        return new Result(parsed, false);
    }

    /** The snapshot's catalog, if the file exists, is intact and has this key. */
    static Optional<LoadedCatalog> load(Path file, String key, Map<String, byte[]> assetBytes) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(file);
            int[] ends = new int[3];
            int at = 0;
            for (int i = 0; i < 3; i++) {
                int nl = indexOf(all, (byte) '\n', at);
                if (nl < 0) {
                    throw new IOException("header cut short");
                }
                ends[i] = nl;
                at = nl + 1;
            }
            String magic = new String(all, 0, ends[0], StandardCharsets.UTF_8);
            String keyLine = new String(all, ends[0] + 1, ends[1] - ends[0] - 1, StandardCharsets.UTF_8);
            String bodyLine = new String(all, ends[1] + 1, ends[2] - ends[1] - 1, StandardCharsets.UTF_8);
            if (!magic.equals(MAGIC)) {
                LOG.infof("Catalog: the snapshot %s is of another format (%s): parsing the course files", file, magic);
                return Optional.empty();
            }
            if (!keyLine.equals("key " + key)) {
                LOG.infof("Catalog: the snapshot %s was made from other course files or another build: parsing the course files", file);
                return Optional.empty();
            }
            byte[] body = Arrays.copyOfRange(all, at, all.length);
            if (!bodyLine.equals("body " + sha256(body))) {
                throw new IOException("its body does not match the hash in its header");
            }
            String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
            Rest rest = MAPPER.readValue(lines[0], Rest.class);
            List<Course> courses = Arrays.stream(lines, 1, lines.length).parallel().map(CourseJson::read).toList();
            Map<String, AssetFile> assets = new LinkedHashMap<>();
            for (AssetEntry entry : rest.assets()) {
                byte[] bytes = assetBytes.get(entry.path());
                if (bytes == null) {
                    throw new IOException("it names an asset that is not among the files: " + entry.path());
                }
                assets.put(entry.path(), new AssetFile(entry.path(), entry.hash(), entry.mediaType(), entry.width(),
                        entry.height(), entry.embeddedText(), bytes));
            }
            return Optional.of(new LoadedCatalog(List.copyOf(courses), Map.copyOf(rest.sources()), assets,
                    List.copyOf(rest.problems())));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Catalog: the snapshot %s is unreadable (%s): parsing the course files and writing it again", file,
                    e.toString());
            return Optional.empty();
        }
    }

    /** Writes the snapshot (a temporary file moved into place); a failure is logged, never thrown. */
    static void write(Path file, String key, LoadedCatalog catalog) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            List<AssetEntry> assets = catalog.assets().values().stream().map(a -> new AssetEntry(a.path(), a.hash(),
                    a.mediaType(), a.width(), a.height(), a.embeddedText())).toList();
            StringBuilder body = new StringBuilder();
            body.append(MAPPER.writeValueAsString(new Rest(catalog.sources(), assets, catalog.problems()))).append('\n');
            List<String> courses = catalog.courses().parallelStream().map(CourseJson::write).toList();
            for (String course : courses) {
                body.append(course).append('\n');
            }
            byte[] bodyBytes = body.toString().getBytes(StandardCharsets.UTF_8);
            byte[] header = (MAGIC + "\nkey " + key + "\nbody " + sha256(bodyBytes) + "\n").getBytes(StandardCharsets.UTF_8);
            temp = Files.createTempFile(file.getParent(), "catalog-", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(header);
                out.write(bodyBytes);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.infof("Catalog: snapshot written to %s (%d course(s), %d KB)", file, courses.size(),
                    (header.length + bodyBytes.length) / 1024);
            prune(file.getParent());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Catalog: the snapshot %s could not be written (%s): the next start parses the course files again",
                    file, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do: a stray temporary file is never read
                }
            }
        }
    }

    /** The snapshot file of a key (the key's first 32 hex digits; the whole key is checked inside). */
    static String fileName(String key) {
        return "catalog-" + key.substring(0, 32) + ".snapshot";
    }

    /** Deletes all but the {@link #KEPT} most recently written snapshots. */
    private static void prune(Path dir) throws IOException {
        List<Path> snapshots;
        try (Stream<Path> files = Files.list(dir)) {
            snapshots = new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("catalog-[0-9a-f]{32}\\.snapshot")).toList());
        }
        if (snapshots.size() <= KEPT) {
            return;
        }
        Map<Path, Long> modified = new java.util.HashMap<>();
        for (Path f : snapshots) {
            modified.put(f, Files.getLastModifiedTime(f).toMillis());
        }
        snapshots.sort((a, b) -> Long.compare(modified.get(b), modified.get(a)));
        for (Path old : snapshots.subList(KEPT, snapshots.size())) {
            Files.deleteIfExists(old);
        }
    }

    /**
     * The key of a reading: the snapshot format, the code version, the options, the folders' own names (problems name
     * files by them), and every file under each folder (path relative to it, size, bytes). The bytes of the files under
     * the assets folder are put in {@code assetBytes}, by their path under it.
     */
    static String key(Path coursesDir, Path assetsDir, boolean nearDuplicates, String codeVersion, Map<String, byte[]> assetBytes)
            throws IOException {
        MessageDigest digest = sha256();
        update(digest, MAGIC);
        update(digest, "code " + codeVersion);
        update(digest, "near-duplicates " + nearDuplicates);
        for (Path dir : List.of(coursesDir, assetsDir)) {
            Path name = dir.getFileName();
            update(digest, "folder " + (name == null ? dir.toString() : name.toString()));
            if (!Files.isDirectory(dir)) {
                update(digest, "missing");
                continue;
            }
            for (Path f : files(dir)) {
                String relative = dir.relativize(f).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(f);
                update(digest, "file " + relative + " " + bytes.length);
                digest.update(bytes);
                if (dir == assetsDir) {
                    assetBytes.put(relative, bytes);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            files.sort((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()));
            return files;
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
