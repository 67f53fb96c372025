package io.newslens.gateway;

import io.newslens.testsupport.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The gateway's tests run against the real test Keycloak and recording backends. */
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(RecordingBackend.class)
public final class GatewayTestResources {
    private GatewayTestResources() {
    }
}
