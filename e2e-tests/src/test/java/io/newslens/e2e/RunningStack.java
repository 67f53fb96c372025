package io.newslens.e2e;

import io.newslens.testsupport.TestStack;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole test-profile stack once per test JVM through the project's own script
 * ({@code ./newslens up --profile test}: Kafka, Keycloak, PostgreSQL databases and the four services on
 * ports 18080–18083, 18180, 19092) and points RestAssured at its gateway. {@code ./newslens test} stops it.
 */
public class RunningStack implements BeforeAllCallback {

    private static volatile boolean started;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RunningStack.class) {
            if (!started) {
                TestStack.runScript("up", "--profile", "test");
                started = true;
            }
        }
        RestAssured.baseURI = TestStack.GATEWAY_URL;
        RestAssured.port = -1;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
