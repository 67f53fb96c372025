package io.newslens.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service's OIDC configuration at the real test Keycloak (realm {@code newslens}), starting it
 * through {@code ./newslens up --profile test keycloak} when it is not running. Keycloak is left running
 * for the next test module; {@code ./newslens test} stops it at the end.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestStack.ensureKeycloak();
        return Map.of("quarkus.oidc.auth-server-url", TestStack.REALM_URL,
                "quarkus.keycloak.devservices.enabled", "false",
                "quarkus.oidc.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // shared across test modules on purpose
    }
}
