package org.owlet.catalog.view;

import java.util.List;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Source;

/**
 * What a learner sees after answering an item, in one language: the key, the one-line cue, the
 * explanation, the full description of each image and the sources.
 */
public record Feedback(String itemId, AnswerKey key, String cue, String explanation, List<String> imageDescriptions,
        List<Source> sources) {
}
