package org.owlet.reporting.xapi;

/**
 * What a statement reports, and about which record: a final or refresher attempt {@link #PASSED} or {@link #FAILED}, a
 * passed final (the course {@link #COMPLETED}), or a {@link #CERTIFICATE} issued. Each record gives at most one statement
 * of each kind, so kind and record id name a statement. Declared in the order statements of one moment are listed.
 */
public enum RecordKind {
    /** A passed final or refresher attempt (attempt id). */
    PASSED(Verb.PASSED),
    /** A failed final or refresher attempt (attempt id). */
    FAILED(Verb.FAILED),
    /** A passed final assessment (attempt id): the course is completed. */
    COMPLETED(Verb.COMPLETED),
    /** A certificate issued (certificate id). */
    CERTIFICATE(Verb.RECEIVED);

    private final Verb verb;

    RecordKind(Verb verb) {
        this.verb = verb;
    }

    public Verb verb() {
        return verb;
    }

    /**
     * The verbs, all from the ADL xAPI vocabulary. A certificate is "received": the ADL vocabulary lists the Activity
     * Streams verb {@code receive} for an actor receiving an object such as a badge; the Open Badges recipe's
     * "earned" is a draft outside it.
     */
    public enum Verb {
        COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completed"), PASSED("http://adlnet.gov/expapi/verbs/passed",
                "passed"), FAILED("http://adlnet.gov/expapi/verbs/failed",
                        "failed"), RECEIVED("http://activitystrea.ms/schema/1.0/receive", "received");

        public final String iri;
        public final String display;

        Verb(String iri, String display) {
            this.iri = iri;
            this.display = display;
        }
    }
}
