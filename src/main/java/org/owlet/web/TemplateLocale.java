package org.owlet.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;

/** Renders every template, and so every message bundle lookup, in the language resolved for the request. */
@ApplicationScoped
public class TemplateLocale implements TemplateInstance.Initializer {

    @Inject
    LocaleResolver resolver;

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(resolver.locale());
        }
    }
}
