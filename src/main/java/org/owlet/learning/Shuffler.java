package org.owlet.learning;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shuffles the options of a rendered question and the items an attempt draws. Unpredictable in production (a learner
 * cannot work out tomorrow's order); tests install one with a fixed, printed seed.
 */
@ApplicationScoped
public class Shuffler {

    private final Random random;

    public Shuffler() {
        this(new SecureRandom());
    }

    protected Shuffler(Random random) {
        this.random = random;
    }

    /** A fresh seed, e.g. for an attempt's draw (stored with the attempt). */
    public long nextSeed() {
        synchronized (random) {
            return random.nextLong();
        }
    }

    public void shuffle(List<?> list) {
        synchronized (random) {
            Collections.shuffle(list, random);
        }
    }
}
