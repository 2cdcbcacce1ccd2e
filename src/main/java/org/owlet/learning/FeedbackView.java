package org.owlet.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.view.Feedback;
import org.owlet.catalog.view.ItemView;

/**
 * What a learner sees after answering (drills and quizzes) or on the results page: never before answering. For a listing
 * it repeats the platform's policy profile, the rules the decision was taken under.
 */
public record FeedbackView(String itemId, boolean correct, int percent, List<String> rightAnswers, String decision, Boolean truth,
        List<FlagView> flags, ItemView.PolicyView policy, String cue, String explanation, List<String> imageDescriptions,
        List<Source> sources) {

    /** A phrase of a listing: whether it is a red flag and whether the learner marked it. */
    public record FlagView(String text, boolean redFlag, boolean marked) {
    }

    static FeedbackView of(ItemView view, Feedback feedback, Answer answer, Set<String> markedPhrases) {
        List<String> right = new ArrayList<>();
        String decision = null;
        Boolean truthValue = null;
        List<FlagView> flags = new ArrayList<>();
        ItemView.PolicyView policy = null;
        AnswerKey key = feedback.key();
        if (key instanceof AnswerKey.Choice choice && view instanceof ItemView.ChoiceView choices) {
            choices.options().stream().filter(o -> choice.correct().contains(o.id())).forEach(o -> right.add(o.text()));
        } else if (key instanceof AnswerKey.Regions regions && view instanceof ItemView.HotspotView hotspot) {
            hotspot.regions().stream().filter(r -> regions.targets().contains(r.id())).forEach(r -> right.add(r.label()));
        } else if (key instanceof AnswerKey.Triage triage && view instanceof ItemView.TriageView listing) {
            decision = triage.decision().name().toLowerCase(java.util.Locale.ROOT);
            policy = listing.listing().policy();
            for (ItemView.PhraseView phrase : listing.phrases()) {
                flags.add(new FlagView(phrase.text(), triage.redFlags().contains(phrase.id()), markedPhrases.contains(phrase.id())));
            }
        } else if (key instanceof AnswerKey.Truth truth) {
            truthValue = truth.value();
        }
        return new FeedbackView(view.id(), answer != null && answer.correct,
                answer == null ? 0 : (int) Math.round(answer.score * 100), right, decision, truthValue, flags, policy, feedback.cue(),
                feedback.explanation(), feedback.imageDescriptions(), feedback.sources());
    }
}
