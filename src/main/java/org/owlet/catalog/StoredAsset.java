package org.owlet.catalog;

import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.owlet.catalog.assets.AssetFile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A course picture the catalog has loaded at least once, kept so older course versions keep their pictures. */
@Entity
@Table(name = "asset_file")
public class StoredAsset extends PanacheEntityBase {

    @Id
    public String hash;

    @Column(nullable = false)
    public String path;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public double width;

    @Column(nullable = false)
    public double height;

    /** The bytes, base64. */
    @Column(nullable = false)
    public String content;

    @Column(name = "first_loaded_at", nullable = false)
    public Instant firstLoadedAt;

    static StoredAsset of(AssetFile file, Instant now) {
        StoredAsset row = new StoredAsset();
        row.hash = file.hash();
        row.path = file.path();
        row.mediaType = file.mediaType();
        row.width = file.width();
        row.height = file.height();
        row.content = Base64.getEncoder().encodeToString(file.bytes());
        row.firstLoadedAt = now;
        return row;
    }

    AssetFile toFile() {
        return new AssetFile(path, hash, mediaType, width, height, "", Base64.getDecoder().decode(content));
    }
}
