package org.owlet.catalog.format;

import java.util.List;

/** The language tags course files may use: those Owlet's interface is offered in. */
final class Languages {

    static final List<String> TAGS = org.owlet.web.Languages.ALL.stream().map(org.owlet.web.Languages.Language::tag).toList();

    private Languages() {
    }

    static boolean isKnown(String tag) {
        return TAGS.contains(tag);
    }
}
