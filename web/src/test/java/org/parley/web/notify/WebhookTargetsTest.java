package org.parley.web.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {
    private final WebhookTargets strict = new WebhookTargets(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://localhost/hook",
                "https://127.0.0.1/hook",
                "https://127.1.2.3:8443/hook",
                "https://10.0.0.5/hook",
                "https://172.16.9.1/hook",
                "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://224.0.0.1/hook"
            })
    void privateLoopbackAndLinkLocalTargetsAreRefused(String url) {
        assertTrue(strict.refusal(url).orElse("").contains("non-public address"), url + ": " + strict.refusal(url));
    }

    @Test
    void plainHttpIsRefusedUnlessPrivateTargetsAreAllowed() {
        assertEquals(
                "webhook URLs must use https",
                strict.refusal("http://93.184.215.14/hook").orElseThrow());
        assertTrue(
                new WebhookTargets(true).refusal("http://127.0.0.1:9000/hook").isEmpty());
    }

    @Test
    void publicAddressesAreAccepted() {
        assertTrue(strict.refusal("https://93.184.215.14/hook").isEmpty());
        assertTrue(strict.refusal("https://[2606:4700:4700::1111]/hook").isEmpty());
    }

    @Test
    void unresolvableHostsAndNonUrlsAreRefused() {
        assertTrue(strict.refusal("https://no-such-host.invalid/hook")
                .orElseThrow()
                .contains("does not resolve"));
        assertTrue(strict.refusal("ftp://example.org/x").isPresent());
        assertTrue(strict.refusal("not a url").isPresent());
    }
}
