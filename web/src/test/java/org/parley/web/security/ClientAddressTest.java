package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static String address(String peer, int proxies, String... headers) {
        return Authentication.clientAddress(peer, Collections.enumeration(List.of(headers)), proxies);
    }

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClient() {
        assertEquals("203.0.113.9", address("203.0.113.9", 0, "1.1.1.1"));
    }

    @Test
    void behindOneProxyTheClientIsTheHopItAppendedNotWhatTheClientWrote() {
        assertEquals("198.51.100.7", address("10.0.0.2", 1, "6.6.6.6, 198.51.100.7"));
        assertEquals("198.51.100.7", address("10.0.0.2", 1, "198.51.100.7"));
    }

    @Test
    void behindTwoProxiesTheClientIsTheSecondHopFromTheRight() {
        assertEquals("198.51.100.7", address("10.0.0.2", 2, "6.6.6.6, 198.51.100.7, 10.0.0.1"));
    }

    @Test
    void repeatedHeadersCountAsOneListInOrder() {
        assertEquals("198.51.100.7", address("10.0.0.2", 1, "6.6.6.6", "198.51.100.7"));
    }

    @Test
    void fewerHopsThanProxiesGiveTheLeftmostAndNoHeaderGivesThePeer() {
        assertEquals("198.51.100.7", address("10.0.0.2", 3, "198.51.100.7"));
        assertEquals("10.0.0.2", address("10.0.0.2", 1));
    }

    @Test
    void anIpv6ClientCountsAsItsSlash64NetworkAndPortsAreDropped() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", Authentication.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(Authentication.network("2001:db8:1:2::1"), Authentication.network("[2001:db8:1:2::ffff]:443"));
        assertEquals("198.51.100.7", Authentication.network("198.51.100.7:5123"));
        assertEquals("198.51.100.7", Authentication.network("::ffff:198.51.100.7"));
        assertEquals("198.51.100.7", Authentication.network("198.51.100.7"));
        assertEquals("not-an-address", Authentication.network("not-an-address"), "kept as written, never looked up");
    }
}
