package org.parley.web.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts one webhook message per the Standard Webhooks specification: JSON body, the headers
 * {@code webhook-id} (the same on every attempt), {@code webhook-timestamp} (seconds, of this
 * attempt) and {@code webhook-signature}. Redirects are not followed (they could lead to an
 * address the target check refused); any 2xx is success.
 */
final class WebhookSender {
    /** How an attempt ended: {@code status} when the receiver answered; {@code error} unless it succeeded. */
    record Result(Integer status, String error, boolean permanent) {
        boolean ok() {
            return error == null;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Result send(String url, String secret, String messageId, String body, Instant now) {
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("content-type", "application/json")
                .header("user-agent", "Parley-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(status, null, false);
            }
            // 410 Gone: the receiver says the endpoint is no more; retrying cannot help.
            return new Result(status, "the receiver answered HTTP " + status, status == 410);
        } catch (IOException e) {
            return new Result(null, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", false);
        }
    }
}
