package org.owlet.web.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller may not do this, for a stated reason: 403 when the reason says "you may not", 409 when it says "not now"
 * (see {@link Reason#status()}), e.g. the final's cool-down has not passed.
 */
public final class NotAllowed extends DomainException {

    private final Reason reason;
    private final Map<String, Object> details;

    public NotAllowed(Reason reason) {
        this(reason, Map.of());
    }

    /**
     * With named details of this occurrence: they are the arguments of the reason's message, in order, and extra
     * members of the problem under {@code /api}.
     */
    public NotAllowed(Reason reason, Map<String, ?> details) {
        super("Not allowed: " + reason.code());
        this.reason = reason;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }

    public int status() {
        return reason.status();
    }
}
