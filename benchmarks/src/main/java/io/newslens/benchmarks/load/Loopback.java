package io.newslens.benchmarks.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The driver sends load only to this machine: every target's host must resolve to loopback addresses alone,
 * so a typo or a copied URL can never turn it against someone else's server.
 */
final class Loopback {

    private Loopback() {
    }

    static URI require(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("refusing " + url + ": only plain http on loopback is allowed");
        }
        requireHost(uri.getHost(), url);
        return uri;
    }

    /** {@code jdbc:postgresql://host:port/db?...}: the same rule for the database. */
    static String requireJdbc(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("refusing " + jdbcUrl + ": expected jdbc:postgresql://host:port/db");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        requireHost(uri.getHost(), jdbcUrl);
        return jdbcUrl;
    }

    private static void requireHost(String host, String target) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("refusing " + target + ": no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("refusing " + target + ": cannot resolve " + host, e);
        }
        for (InetAddress a : addresses) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing " + target + ": " + host + " resolves to " + a.getHostAddress()
                        + ", which is not a loopback address; the load driver only targets this machine");
            }
        }
    }
}
