package org.owlet.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Renders every template, and so every message bundle lookup in it, in the language resolved for the
 * request (cookie → member → Accept-Language → English) rather than from Accept-Language alone, which
 * is what Quarkus REST would otherwise pick.
 */
@ApplicationScoped
public class TemplateLocale {

    void configure(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            // only within an HTTP request: work done outside one (e.g. a certificate rendered in its own language by a
            // job or test) has an active request context but no request to resolve a language from
            if (Arc.container().requestContext().isActive() && hasHttpRequest()) {
                try (InstanceHandle<LocaleResolver> resolver = Arc.container().instance(LocaleResolver.class)) {
                    if (resolver.isAvailable()) {
                        instance.setLocale(resolver.get().locale());
                    }
                }
            }
        });
    }

    private static boolean hasHttpRequest() {
        try (InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class)) {
            return current.isAvailable() && current.get().getCurrent() != null;
        }
    }
}
