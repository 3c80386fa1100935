package org.parley.core.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.parley.core.ParleyCore;
import org.parley.core.author.Author;

/**
 * Base of the integration tests that run once per {@link Database}: subclasses carry
 * {@code @ParameterizedClass @EnumSource(Database.class)}. Each test gets a fresh site
 * ({@link #f}) and two guest authors.
 */
public abstract class DatabaseIT {
    @Parameter
    protected Database database;

    protected ParleyCore core;
    protected Fixtures f;
    protected Author ann;
    protected Author bob;

    @BeforeEach
    void openFixtures() {
        core = database.core();
        f = fixtures();
        ann = f.guest("Ann");
        bob = f.guest("Bob");
    }

    /** The site this class's tests work in; override for other settings. */
    protected Fixtures fixtures() {
        return new Fixtures(core);
    }
}
