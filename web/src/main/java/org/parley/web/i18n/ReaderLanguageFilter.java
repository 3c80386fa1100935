package org.parley.web.i18n;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;
import org.parley.web.problem.Problem;
import org.parley.web.reader.ReaderViews.NudgeView;
import org.parley.web.reader.ReaderViews.Nudged;
import org.parley.web.reader.ReaderViews.Posted;

/**
 * Puts the messages of an answer into the reader's language: problem documents (title, detail,
 * field messages), the message of a stored comment and the nudge. The language is the request's
 * {@code lang} query parameter (the widget's {@code lang}), else {@code Accept-Language}, else
 * English ({@link Language#of}); such answers say it in {@code Content-Language} and carry
 * {@code Vary: Accept-Language}. Other answers pass untouched.
 */
@Provider
@Priority(Priorities.USER)
public class ReaderLanguageFilter implements ContainerResponseFilter {

    private final Translations translations = Translations.standard();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (!(entity instanceof Problem || entity instanceof Posted || entity instanceof Nudged)) {
            return;
        }
        Language language = Language.of(
                request.getUriInfo().getQueryParameters().getFirst("lang"), request.getHeaderString("Accept-Language"));
        response.getHeaders().add("Vary", "Accept-Language");
        response.getHeaders().putSingle("Content-Language", language.tag());
        if (language == Language.EN) {
            return;
        }
        Object translated = switch (entity) {
            case Problem p -> problem(p, language);
            case Posted p ->
                new Posted(p.comment(), p.status(), t(p.message(), language), p.reader(), p.notifications());
            case Nudged n ->
                new Nudged(
                        new NudgeView(
                                t(n.nudge().message(), language),
                                n.nudge().attributes(),
                                n.nudge().spans()),
                        n.reader());
            default -> entity;
        };
        response.setEntity(translated, response.getEntityAnnotations(), response.getMediaType());
    }

    /** {@code p} in {@code language}; a validation problem's detail is rebuilt from its translated fields. */
    Problem problem(Problem p, Language language) {
        List<Problem.FieldError> errors = p.errors() == null
                ? null
                : p.errors().stream()
                        .map(e -> new Problem.FieldError(e.field(), t(e.message(), language)))
                        .toList();
        String detail = errors != null && !errors.isEmpty()
                ? errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "))
                : t(p.detail(), language);
        return new Problem(
                p.type(), t(p.title(), language), p.status(), detail, p.instance(), p.code(), errors, p.reasons());
    }

    private String t(String text, Language language) {
        return translations.translate(text, language);
    }
}
