package io.newslens.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Tokens minted by the tests for the security matrix: signed with the test realm's extra key
 * (devstack/keycloak/test-signing-key.pem, added to the test Keycloak only), so they pass the signature check
 * and fail — or pass — on exactly the claim under test. Also forged ones: another key, or no signature at all.
 */
public final class MintedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrivateKey key;
    private static String kid;

    private MintedTokens() {
    }

    /** Claims like Keycloak's for a client holding the given roles, valid now for five minutes. */
    public static ObjectNode claims(String... roles) {
        long now = Instant.now().getEpochSecond();
        ObjectNode c = JSON.createObjectNode();
        c.put("iss", TestStack.REALM_URL);
        c.put("aud", "newslens-api");
        c.put("sub", UUID.randomUUID().toString());
        c.put("azp", "newslens-matrix");
        c.put("typ", "Bearer");
        c.put("preferred_username", "matrix-" + String.join("-", roles));
        c.put("iat", now - 5);
        c.put("exp", now + 300);
        c.put("jti", UUID.randomUUID().toString());
        c.putObject("realm_access").putPOJO("roles", List.of(roles));
        return c;
    }

    /** Signed with the key the test realm trusts. */
    public static String sign(ObjectNode claims) {
        load();
        return rs256(claims, key, kid);
    }

    /** Signed with a fresh key nobody trusts, under the trusted key's id. */
    public static String forgedSignature(ObjectNode claims) {
        load();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return rs256(claims, g.generateKeyPair().getPrivate(), kid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    public static String unsigned(ObjectNode claims) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String rs256(ObjectNode claims, PrivateKey signingKey, String keyId) {
        try {
            String header = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8));
            String payload = b64(claims.toString().getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signingKey);
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void load() {
        if (key != null) {
            return;
        }
        try {
            String pem = Files.readString(TestStack.repositoryRoot().resolve("devstack/keycloak/test-signing-key.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            BigInteger modulus = ((RSAPrivateCrtKey) key).getModulus();
            TestStack.ensureKeycloak();
            HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(TestStack.REALM_URL + "/protocol/openid-connect/certs")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode k : JSON.readTree(jwks.body()).get("keys")) {
                if (k.has("n") && new BigInteger(1, Base64.getUrlDecoder().decode(k.get("n").asText())).equals(modulus)) {
                    kid = k.get("kid").asText();
                }
            }
            if (kid == null) {
                throw new IllegalStateException("the test realm does not publish the test signing key: start it with "
                        + "./newslens up --profile test keycloak");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
