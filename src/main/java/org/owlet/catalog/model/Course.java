package org.owlet.catalog.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One version of a course, with everything needed to teach and score it. {@code contentHash} identifies
 * exactly this content (attempts and certificates record it); {@code version} is the author's label.
 *
 * @param certificateValidityMonths how long a certificate from this course is valid
 * @param renewalWindowDays how many days before expiry a holder may renew
 */
public record Course(String id, String version, String contentHash, List<String> languages, Text title, Text summary,
        int certificateValidityMonths, int renewalWindowDays, List<Module> modules, Map<String, Item> items,
        Map<String, Source> sources) {

    public Optional<Item> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    public Optional<Module> module(String moduleId) {
        return modules.stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    @JsonIgnore
    public Optional<Module.FinalAssessment> finalAssessment() {
        return modules.stream().filter(Module.FinalAssessment.class::isInstance).map(Module.FinalAssessment.class::cast)
                .findFirst();
    }

    /** The pass mark of the final assessment, in percent. */
    @JsonIgnore
    public int passMark() {
        return finalAssessment().map(Module.FinalAssessment::passMark).orElse(0);
    }

    /** The first language the course is offered in: the fallback when a learner's language is not offered. */
    @JsonIgnore
    public String defaultLanguage() {
        return languages.get(0);
    }

    /** {@code language} if the course is offered in it, else its default language. */
    public String languageFor(String language) {
        return languages.contains(language) ? language : defaultLanguage();
    }

    public Course withContentHash(String hash) {
        return new Course(id, version, hash, languages, title, summary, certificateValidityMonths, renewalWindowDays,
                modules, items, sources);
    }
}
