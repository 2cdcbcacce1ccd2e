package org.owlet.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.view.Feedback;
import org.owlet.catalog.view.ImageView;
import org.owlet.catalog.view.ItemView;

/**
 * What a learner sees after answering (drills and quizzes) or on the results page: never before answering. It repeats
 * the question and its picture and what the learner answered, then the key, the cue and the explanation. For a listing
 * it repeats the platform's policy profile, the rules the decision was taken under.
 */
public record FeedbackView(String itemId, boolean correct, int percent, List<String> rightAnswers, String decision, Boolean truth,
        List<FlagView> flags, ItemView.PolicyView policy, String cue, String explanation, List<String> imageDescriptions,
        List<Source> sources, Given given, Asked asked) {

    /** A phrase of a listing: whether it is a red flag and whether the learner marked it. */
    public record FlagView(String text, boolean redFlag, boolean marked) {
    }

    /**
     * What the learner answered, as they gave it: chosen options or the region's label ({@code choices}), a point on the
     * picture ({@code pointLeft}/{@code pointTop} in percent of the picture, null when none), a decision, true/false.
     * {@code answered} is false when the question was left unanswered.
     */
    public record Given(boolean answered, List<String> choices, Double pointLeft, Double pointTop, String decision, Boolean truth) {

        static final Given NOTHING = new Given(false, List.of(), null, null, null, null);

        public boolean hasPoint() {
            return pointLeft != null && pointTop != null;
        }
    }

    /** The question as it was asked: its text (null for a listing, whose prompt is the interface's), a coded term, the picture. */
    public record Asked(String text, String term, ImageView image) {
    }

    static FeedbackView of(ItemView view, Feedback feedback, Answer answer, Set<String> markedPhrases) {
        return of(view, feedback, answer, new Submission(Set.of(), null, null, null, null, null, markedPhrases, null));
    }

    static FeedbackView of(ItemView view, Feedback feedback, Answer answer, Submission submission) {
        Set<String> markedPhrases = submission == null ? Set.of() : submission.phrases();
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
            decision = triage.decision().name().toLowerCase(Locale.ROOT);
            policy = listing.listing().policy();
            for (ItemView.PhraseView phrase : listing.phrases()) {
                flags.add(new FlagView(phrase.text(), triage.redFlags().contains(phrase.id()), markedPhrases.contains(phrase.id())));
            }
        } else if (key instanceof AnswerKey.Truth truth) {
            truthValue = truth.value();
        }
        return new FeedbackView(view.id(), answer != null && answer.correct,
                answer == null ? 0 : (int) Math.round(answer.score * 100), right, decision, truthValue, flags, policy, feedback.cue(),
                feedback.explanation(), feedback.imageDescriptions(), feedback.sources(),
                answer == null || submission == null ? Given.NOTHING : given(view, submission), asked(view));
    }

    /** The learner's answer in the words of the question they saw. */
    static Given given(ItemView view, Submission submission) {
        List<String> choices = new ArrayList<>();
        Double left = null;
        Double top = null;
        if (view instanceof ItemView.ChoiceView choice) {
            choice.options().stream().filter(o -> submission.options().contains(o.id())).forEach(o -> choices.add(o.text()));
        } else if (view instanceof ItemView.HotspotView hotspot) {
            hotspot.regions().stream().filter(r -> r.id().equals(submission.region())).forEach(r -> choices.add(r.label()));
            ImageView image = hotspot.image();
            if (submission.x() != null && submission.y() != null && image != null && image.width() > 0 && image.height() > 0) {
                double scale = submission.shownWidth() != null && submission.shownWidth() > 0 ? image.width() / submission.shownWidth()
                        : 1.0;
                left = clamp(submission.x() * scale / image.width() * 100);
                top = clamp(submission.y() * scale / image.height() * 100);
            }
        }
        return new Given(true, choices, left, top, submission.decision(), submission.truth());
    }

    private static double clamp(double percent) {
        return Math.round(Math.max(0, Math.min(100, percent)) * 10) / 10.0;
    }

    static Asked asked(ItemView view) {
        if (view instanceof ItemView.ChoiceView choice) {
            return new Asked(choice.question(), choice.term(), choice.image());
        } else if (view instanceof ItemView.HotspotView hotspot) {
            return new Asked(hotspot.question(), null, hotspot.image());
        } else if (view instanceof ItemView.TrueFalseView statement) {
            return new Asked(statement.statement(), null, null);
        } else if (view instanceof ItemView.TriageView listing) {
            return new Asked(null, null, listing.listing().images().isEmpty() ? null : listing.listing().images().get(0));
        }
        return new Asked(null, null, null);
    }
}
