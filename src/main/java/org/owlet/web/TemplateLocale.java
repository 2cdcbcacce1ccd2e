package org.owlet.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.EngineBuilder;

/**
 * Renders every template, and so every message bundle lookup in it, in the language resolved for the
 * request (cookie → member → Accept-Language → English) rather than from Accept-Language alone, which
 * is what Quarkus REST would otherwise pick.
 */
@ApplicationScoped
public class TemplateLocale {

    void configure(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            if (Arc.container().requestContext().isActive()) {
                try (InstanceHandle<LocaleResolver> resolver = Arc.container().instance(LocaleResolver.class)) {
                    if (resolver.isAvailable()) {
                        instance.setLocale(resolver.get().locale());
                    }
                }
            }
        });
    }
}
