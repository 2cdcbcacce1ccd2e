package org.owlet.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What {@link SecurityHeaders} adds beyond the headers every response carries; both are on in production. */
@ConfigMapping(prefix = "owlet.http")
public interface HttpHeadersConfig {

    /** Send {@code Strict-Transport-Security} (browsers heed it over HTTPS only). */
    @WithDefault("false")
    boolean hsts();

    /** Mark every cookie Owlet sets {@code Secure}, so browsers send it over HTTPS only. */
    @WithDefault("false")
    boolean secureCookies();
}
