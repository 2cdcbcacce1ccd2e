package org.owlet.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Values every template may use, above all the layout. */
public class WebGlobals {

    private WebGlobals() {
    }

    @TemplateGlobal(name = "page")
    static PageInfo page() {
        return Arc.container().instance(PageInfo.class).get();
    }

    /** The stylesheet's and script's content-hashed URLs: {@code {assets.css}}, {@code {assets.js}}. */
    @TemplateGlobal(name = "assets")
    static StaticAssets assets() {
        return StaticAssets.get();
    }
}
