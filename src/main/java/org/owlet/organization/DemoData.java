package org.owlet.organization;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Demo companies for dev mode, matching the demo users' organizations and email domains. Never in production. */
@Singleton
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "owlet.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    CompanyService companies;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        create(new CompanyForm("Acme Marketplace", "acme", "EUROPE", "NL", "acme", "acme.example", "2018-03-01"));
        create(new CompanyForm("Globex Social", "globex", "ASIA", "SG", "globex", "globex.example", "2019-06-15"));
        create(new CompanyForm("Initech Search", "initech", "AFRICA", "KE", "", "initech.example", "2021-01-20"));
    }

    private void create(CompanyForm form) {
        if (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(form.slug()).isEmpty())) {
            companies.create(form, null);
            LOG.infof("Demo company %s created", form.name());
        }
    }
}
