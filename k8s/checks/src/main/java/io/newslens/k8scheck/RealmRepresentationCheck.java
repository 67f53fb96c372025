package io.newslens.k8scheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The realm of a KeycloakRealmImport is read by Keycloak into org.keycloak.representations.idm.RealmRepresentation
 * (keycloak-core of the Keycloak version the manifests run). Reading it here the same way, with unknown
 * properties as errors, catches misspelt realm fields; the Keycloak Operator's CRD itself could not be had from
 * Maven Central or npm (k8s/schemas/README.md).
 */
final class RealmRepresentationCheck {

    private RealmRepresentationCheck() {
    }

    static void check(Map<String, Object> realm, String where, Findings findings) {
        try {
            Class<?> type = Class.forName("org.keycloak.representations.idm.RealmRepresentation");
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            mapper.convertValue(realm, type);
            findings.checked("realm");
        } catch (ClassNotFoundException | LinkageError e) {
            findings.fail("realm", where, "keycloak-core is not usable on the checker's classpath: " + e);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            findings.fail("realm", where, "not a valid Keycloak RealmRepresentation: " + message);
        }
    }
}
