package org.owlet.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Owlet's stylesheet and script, read once from the classpath ({@code web/}), each served at its plain URL
 * ({@code /css/owlet.css}, short cache and an ETag) and at a URL naming its content hash
 * ({@code /css/owlet.<hash>.css}, cached for a year as immutable), which the layout links to: a new build with
 * changed CSS gets a new URL, so no browser keeps a stale stylesheet.
 */
public final class StaticAssets {

    /** One file: its plain path, its hashed path, the content hash (hex, 12 digits), media type and bytes. */
    public record Asset(String path, String hashedPath, String hash, String mediaType, byte[] bytes) {
    }

    private static final StaticAssets INSTANCE = new StaticAssets();

    private final Asset css;
    private final Asset js;
    private final Map<String, Asset> byPath = new LinkedHashMap<>();

    private StaticAssets() {
        css = load("css", "owlet", "css", "text/css;charset=UTF-8");
        js = load("js", "owlet", "js", "text/javascript;charset=UTF-8");
    }

    public static StaticAssets get() {
        return INSTANCE;
    }

    /** The stylesheet's content-hashed URL, for the layout. */
    public String css() {
        return css.hashedPath();
    }

    /** The script's content-hashed URL, for the layout. */
    public String js() {
        return js.hashedPath();
    }

    /** The file at a plain or hashed path, if there is one. */
    public Optional<Asset> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private Asset load(String folder, String name, String extension, String mediaType) {
        String resource = "web/" + folder + "/" + name + "." + extension;
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            Asset asset = new Asset("/" + folder + "/" + name + "." + extension,
                    "/" + folder + "/" + name + "." + hash + "." + extension, hash, mediaType, bytes);
            byPath.put(asset.path(), asset);
            byPath.put(asset.hashedPath(), asset);
            return asset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
