package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.assets.ImageVariants;
import org.owlet.catalog.assets.SvgCheck;
import org.owlet.catalog.model.Text;

/**
 * Reads {@code assets/manifest.yaml} and the images it lists: one entry per image with its source, author,
 * licence, credit, alt text and description. Every image file under {@code assets/} must have an entry.
 */
final class ManifestReader {

    private static final String KIND_EXPECTED = "specimen (a photo-like view with no printed measurement, label, arrow or"
            + " highlight that states or points at the answer), listing (a listing as a seller posts it, text included) or"
            + " diagram (a labelled teaching drawing, for lessons only)";

    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+-]+");

    private final CatalogFiles files;
    private final Map<String, ManifestEntry> manifest = new LinkedHashMap<>();

    private ManifestReader(CatalogFiles files) {
        this.files = files;
    }

    /** The entries by image path, in file order; an entry is usable only if it and its file have no errors. */
    static Map<String, ManifestEntry> read(CatalogFiles files) {
        ManifestReader reader = new ManifestReader(files);
        reader.readManifest();
        return reader.manifest;
    }

    private void readManifest() {
        Path file = files.assetsDir.resolve("manifest.yaml");
        String name = files.assetsLabel + "/manifest.yaml";
        if (!Files.isRegularFile(file)) {
            files.problems.error(name, 0, "", "file not found; expected one entry per image with its licence and alt text");
            return;
        }
        Fields root = files.parse(file, name);
        if (root == null) {
            return;
        }
        for (Fields entry : root.maps("assets", true,
                "a list of images with file, kind, source, author, licence, credit, alt, description")) {
            int mark = files.problems.mark();
            String path = entry.string("file", true, "the image's path under " + files.assetsLabel + "/");
            String kind = entry.string("kind", true, KIND_EXPECTED);
            if (kind != null && !ManifestEntry.KINDS.contains(kind)) {
                entry.error("kind", "unknown kind '" + kind + "'; expected " + KIND_EXPECTED);
            }
            String source = entry.string("source", true, "\"original\" or the address the image came from");
            String author = entry.string("author", true, "who made the image");
            String licence = entry.string("licence", true, "an SPDX licence id such as CC-BY-4.0");
            String credit = entry.string("credit", true, "the credit line shown with the image");
            Text alt = entry.text("alt", true, List.of(), "");
            Text description = entry.text("description", true, List.of(), "");
            // authors' note of what the image shows (the answer): for reviewers only, never sent to learners
            entry.string("shows", false, "a note for authors saying what the image depicts");
            entry.rejectUnknownKeys();
            if (licence != null && !LICENCE.matcher(licence).matches()) {
                entry.error("licence", "expected an SPDX licence id such as CC-BY-4.0, found '" + licence + "'");
            }
            if (path == null) {
                continue;
            }
            AssetFile asset = readAsset(entry, path);
            if (manifest.containsKey(path)) {
                entry.error("file", "duplicate entry for '" + path + "'; it is already listed on line "
                        + manifest.get(path).line());
                continue;
            }
            manifest.put(path, new ManifestEntry(path, kind, source, author, licence, credit, alt, description, name,
                    entry.line(), asset, asset != null && !files.problems.errorsSince(mark)));
        }
        root.rejectUnknownKeys();
        for (String unlisted : unlistedAssets()) {
            files.problems.error(name, 0, "assets", "'" + unlisted + "' has no entry; expected one entry per image with its"
                    + " source, licence, credit and alt text");
        }
    }

    private AssetFile readAsset(Fields entry, String path) {
        String assetsLabel = files.assetsLabel;
        Path root = files.assetsDir.toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (path.startsWith("/") || path.contains("\\") || !file.startsWith(root) || path.contains("..")) {
            entry.error("file", "'" + path + "' is outside " + assetsLabel + "/; expected a path under " + assetsLabel + "/");
            return null;
        }
        String mediaType = AssetFile.mediaTypeOf(path);
        if (mediaType == null) {
            entry.error("file", "'" + path + "' is not an image Owlet serves; expected .svg, .png, .jpg, .jpeg or .webp");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            entry.error("file", "'" + path + "' does not exist under " + assetsLabel + "/");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            entry.error("file", "cannot read '" + path + "': " + e.getMessage());
            return null;
        }
        String hash = CatalogReader.sha256(bytes).substring(0, 16);
        double width = 0;
        double height = 0;
        String embedded = "";
        if (mediaType.equals("image/svg+xml")) {
            SvgCheck.Result svg = SvgCheck.check(bytes);
            for (SvgCheck.Problem problem : svg.problems()) {
                // the drawing's own file and line, so the author finds the element at once
                files.problems.error(assetsLabel + "/" + path, problem.line(), "", problem.message());
            }
            width = svg.width();
            height = svg.height();
            embedded = svg.embeddedText();
        } else if (!mediaType.equals("image/webp")) {
            int[] size = ImageVariants.size(bytes);
            if (size == null) {
                entry.error("file", "'" + path + "' cannot be read as " + mediaType);
                return null;
            }
            width = size[0];
            height = size[1];
        }
        return new AssetFile(path, hash, mediaType, width, height, embedded, bytes);
    }

    private List<String> unlistedAssets() {
        Path assetsDir = files.assetsDir;
        if (!Files.isDirectory(assetsDir)) {
            return List.of();
        }
        try (Stream<Path> found = Files.walk(assetsDir)) {
            return found.filter(Files::isRegularFile)
                    .map(f -> assetsDir.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> AssetFile.mediaTypeOf(p) != null && !manifest.containsKey(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
