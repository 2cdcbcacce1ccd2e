package org.owlet.organization.invitation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.arc.profile.UnlessBuildProfile;

/**
 * The default suite's identity provider: records every call and answers as told (sent, or a failure such as Keycloak
 * being down). Not in the keycloak profile, whose tests send through the real Keycloak.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@UnlessBuildProfile("kc")
public class RecordingInvitationSender implements InvitationSender {

    public record Call(String kind, String organizationAlias, String email, String firstName, String lastName) {
    }

    private final List<Call> calls = new ArrayList<>();
    private volatile boolean configured = true;
    private volatile SendFailure failure;
    private final Map<String, SendFailure> failures = new HashMap<>();

    /** Back to the start: configured, every email goes out, no calls. */
    public synchronized void reset() {
        calls.clear();
        configured = true;
        failure = null;
        failures.clear();
    }

    public void configured(boolean configured) {
        this.configured = configured;
    }

    /** Every following call fails this way (null: they succeed). */
    public void failWith(SendFailure failure) {
        this.failure = failure;
    }

    /** Calls for this address fail this way. */
    public synchronized void failFor(String email, SendFailure failure) {
        failures.put(email, failure);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> callsFor(String email) {
        return calls.stream().filter(c -> c.email().equals(email)).toList();
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public synchronized Optional<SendFailure> invite(String organizationAlias, String email, String firstName, String lastName) {
        calls.add(new Call("invite", organizationAlias, email, firstName, lastName));
        return Optional.ofNullable(failures.getOrDefault(email, failure));
    }

    @Override
    public synchronized Optional<SendFailure> withdraw(String organizationAlias, String email) {
        calls.add(new Call("withdraw", organizationAlias, email, null, null));
        return Optional.ofNullable(failure);
    }
}
