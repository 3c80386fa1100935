package org.parley.web.input;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.web.platform.Settings;

/**
 * A folder of static pages named without its trailing slash ({@code /moderate}) redirects to the
 * folder ({@code /moderate/}) at the configured public URL. The container would otherwise answer
 * this redirect itself, before any filter, with an absolute URL built from the request's
 * {@code Host} header, which lets a forged Host steer the redirect.
 */
@WebServlet(urlPatterns = {"/moderate", "/demo", "/widget", "/widget/i18n"})
public class DirectoryRedirects extends HttpServlet {

    @Inject
    Settings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader(
                "Location", settings.publicUrl() + request.getServletPath() + "/" + (query == null ? "" : "?" + query));
        response.setContentLength(0);
    }
}
