package org.parley.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem document straight to a servlet response, for answers given before or outside
 * JAX-RS (request gate, container error pages), so they read exactly like the API's own.
 */
public final class ProblemResponses {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ProblemResponses() {}

    /** Sends {@code problem} as the whole answer, unless the response is already committed. */
    public static void send(HttpServletResponse response, ProblemException problem, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        problem.headers().forEach(response::setHeader);
        byte[] body = JSON.toJson(problem.toProblem(instance)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
