package org.owlet.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.owlet.catalog.format.CatalogReader;

/** The version of the code that parses course files: part of the parsed catalog's snapshot key ({@link CatalogSnapshot}). */
final class CodeVersion {

    private CodeVersion() {
    }

    private static volatile String codeVersion;

    /**
     * What identifies the code that parses the course files, for the snapshot's key: in the packaged application the
     * name, size and CRC of every entry of the jar holding the catalog's classes, and the names (with versions) of the
     * libraries beside it; elsewhere (tests, dev mode) the bytes of the catalog's class files.
     */
    static String of() {
        String known = codeVersion;
        if (known != null) {
            return known;
        }
        MessageDigest digest = CatalogSnapshotDigest.create();
        URL self = CatalogReader.class.getResource("CatalogReader.class");
        try {
            String url = self == null ? "" : self.toString();
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                Path jar = Path.of(new URI(url.substring(4, url.indexOf("!/"))));
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> CatalogSnapshotDigest
                            .update(digest, e.getName() + " " + e.getSize() + " " + e.getCrc()));
                }
                Path libraries = jar.getParent() == null || jar.getParent().getParent() == null ? null
                        : jar.getParent().getParent().resolve("lib").resolve("main");
                if (libraries != null && Files.isDirectory(libraries)) {
                    try (Stream<Path> jars = Files.list(libraries)) {
                        jars.map(p -> p.getFileName().toString()).sorted().forEach(n -> CatalogSnapshotDigest.update(digest, n));
                    }
                }
            } else if (url.startsWith("file:")) {
                Path catalogClasses = Path.of(new URI(url)).getParent().getParent();
                try (Stream<Path> files = Files.walk(catalogClasses)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        CatalogSnapshotDigest.update(digest, catalogClasses.relativize(f).toString());
                        digest.update(Files.readAllBytes(f));
                    }
                }
            } else {
                CatalogSnapshotDigest.update(digest, "unknown " + url + " " + System.nanoTime()); // never matches a snapshot
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            CatalogSnapshotDigest.update(digest, "unreadable " + e + " " + System.nanoTime()); // never matches a snapshot
        }
        known = java.util.HexFormat.of().formatHex(digest.digest());
        codeVersion = known;
        return known;
    }

    /** SHA-256 helpers for {@link #of()}. */
    private static final class CatalogSnapshotDigest {

        static MessageDigest create() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static void update(MessageDigest digest, String text) {
            digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }
}
