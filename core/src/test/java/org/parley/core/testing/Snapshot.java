package org.parley.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.parley.core.ParleyException;
import org.parley.core.review.AuditQuery;

/** Everything observable about a fixture's site, to prove that a refused request wrote nothing. */
public record Snapshot(String thread, long auditRecords, long published) {
    /** Asserts that {@code action} throws {@code type} and leaves the fixture's site exactly as it was. */
    public static <T extends ParleyException> T refused(Fixtures f, Class<T> type, Executable action) {
        Snapshot before = of(f);
        T e = assertThrows(type, action);
        assertEquals(before, of(f), "a refused request must write nothing");
        return e;
    }

    public static Snapshot of(Fixtures f) {
        long audit = f.core.review()
                .audit(new AuditQuery(f.site.key(), null, null, null, null, null, null, null, null, 500, null))
                .items()
                .size();
        return new Snapshot(
                f.core.privacy().exportThread(f.article).replaceAll("\"exportedAt\":\"[^\"]*\"", ""),
                audit,
                f.core.articles().get(f.article).publishedComments());
    }
}
