package org.owlet.catalog.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.owlet.catalog.format.CatalogReader;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What reaches a browser before an answer must not reveal it. */
class LearnerViewsTest {

    static final Course SAMPLE = CatalogReader
            .read(Path.of("src/test/resources/catalog/courses"), Path.of("src/test/resources/catalog/assets")).courses()
            .get(0);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noItemViewContainsItsKeyExplanationOrDescription() throws Exception {
        for (Item item : SAMPLE.items().values()) {
            for (String lang : SAMPLE.languages()) {
                String json = JSON.writeValueAsString(LearnerViews.item(item, lang));

                assertThat(json).as(item.id()).doesNotContain("\"key\"", "correct", "redFlags", "decoys", "targets",
                        "\"answer\"", "polygon", "explanation", "\"value\"");
                assertThat(json).as(item.id()).doesNotContain(item.common().explanation().in(lang));
                for (var image : item.images()) {
                    assertThat(json).doesNotContain(image.description().in(lang));
                }
            }
        }
    }

    @Test
    void theCourseViewCarriesNoKeysEither() throws Exception {
        String json = JSON.writeValueAsString(LearnerViews.course(SAMPLE, "fr"));

        assertThat(json).contains("Cours d'exemple", "En quoi cette sculpture");
        assertThat(json).doesNotContain("\"key\"", "\"correct\"", "redFlags", "\"decision\"", "polygon",
                "Les lignes se croisent à des angles ouverts");
    }

    @Test
    void optionsAreNotInTheAuthorsOrder() {
        // the sample's correct options come first in the files; in the views they must not all lead
        long correctFirst = SAMPLE.items().values().stream()
                .filter(i -> i instanceof Item.ImageChoice || i instanceof Item.SingleChoice || i instanceof Item.CodedTerm)
                .filter(i -> {
                    ItemView.ChoiceView view = (ItemView.ChoiceView) LearnerViews.item(i, "en");
                    return i.key() instanceof org.owlet.catalog.model.AnswerKey.Choice key
                            && key.correct().contains(view.options().get(0).id());
                }).count();
        assertThat(correctFirst).isLessThan(3);
    }

    @Test
    void aListingIsSplitIntoTextAndMarkablePhrasesInReadingOrder() {
        ItemView.TriageView view = (ItemView.TriageView) LearnerViews.item(SAMPLE.item("bangle-listing").orElseThrow(), "fr");

        assertThat(view.listing().title()).containsExactly(new ItemView.Segment("Ancien bracelet en ", null),
                new ItemView.Segment("os de bovin", "bovine-bone"), new ItemView.Segment(", ", null),
                new ItemView.Segment("fait main", "handmade"));
        assertThat(view.phrases()).extracting(ItemView.PhraseView::id)
                .containsExactly("bovine-bone", "handmade", "weight", "no-returns");
        assertThat(view.decisions()).containsExactly("allow", "remove", "escalate");
        assertThat(view.listing().images().get(0).srcset()).matches(
                "/assets/[0-9a-f]{16}-w480\\.png 480w, /assets/[0-9a-f]{16}-w1200\\.png 1200w, /assets/[0-9a-f]{16}\\.png 1600w");
    }

    @Test
    void feedbackGivesTheKeyTheExplanationAndTheSources() {
        Item item = SAMPLE.item("carving-material").orElseThrow();
        Feedback feedback = LearnerViews.feedback(SAMPLE, item, "en");

        assertThat(feedback.key()).isEqualTo(new org.owlet.catalog.model.AnswerKey.Choice(java.util.Set.of("elephant")));
        assertThat(feedback.cue()).isEqualTo("Schreger angles above 115° → elephant ivory");
        assertThat(feedback.imageDescriptions()).containsExactly(
                "Cross-section of elephant ivory; the Schreger lines cross at wide angles, above 115 degrees.");
        assertThat(feedback.sources()).extracting(s -> s.id()).containsExactly("espinoza-mann-1993");
        assertThat(List.of(LearnerViews.feedback(SAMPLE, item, "de").explanation()))
                .as("a language the course is not offered in falls back to its default").containsExactly(
                        "The crossing lines meet at wide angles, which points to elephant rather than mammoth ivory.");
    }
}
