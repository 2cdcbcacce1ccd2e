package org.owlet.certification;

import org.owlet.catalog.CatalogService;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** How the certificate lists name things. */
@TemplateExtension
public class CertificateExtensions {

    /**
     * The course's title in the page's language, when the catalog still has the course in that language; otherwise the
     * title printed on the certificate (in the language it was earned in). The PDF always keeps the printed title.
     */
    static String titleIn(Certificate certificate, String language) {
        CatalogService catalog = Arc.container().instance(CatalogService.class).get();
        return catalog.course(certificate.courseId).filter(c -> c.languages().contains(language)).map(c -> c.title().in(language))
                .orElse(certificate.courseTitle);
    }
}
