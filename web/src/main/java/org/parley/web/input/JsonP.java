package org.parley.web.input;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Every static {@code jakarta.json.Json.createXxx} call looks
 * the provider up again through the service loader, which under Payara scans the application's
 * class loaders and jars: about a tenth of the CPU of a post or a signed-in read went there.
 */
public final class JsonP {

    /** The provider for parsers, readers, builders and values on request paths. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {}
}
