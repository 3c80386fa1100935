package org.parley.web.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> Fields.check()
                        .require("body", " ")
                        .maxLength("title", "x".repeat(11), 10)
                        .oneOf("sort", "up", Set.of("newest"))
                        .orThrow());
        Problem p = e.toProblem("/api/v1/x");
        assertEquals(400, p.status());
        assertEquals("validation", p.code());
        assertEquals(Problem.TYPE_BASE + "validation", p.type());
        assertEquals(3, p.errors().size());
        assertEquals("body", p.errors().get(0).field());
    }

    @Test
    void validInputPasses() {
        assertDoesNotThrow(() -> Fields.check()
                .require("body", "hello")
                .maxLength("body", "hello", 10)
                .orThrow());
    }

    @Test
    void parametersOutOfRangeAreBadParameters() {
        ProblemException e = assertThrows(ProblemException.class, () -> Params.intParam("limit", "500", 1, 100));
        assertEquals("bad-parameter", e.code());
        assertThrows(ProblemException.class, () -> Params.intParam("limit", "ten", 1, 100));
        assertThrows(ProblemException.class, () -> Params.instant("from", "yesterday"));
        assertEquals(20, Params.intParam("limit", " 20 ", 1, 100));
    }
}
