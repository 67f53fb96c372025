package io.newslens.ingest;

import io.newslens.testsupport.KafkaTestResource;
import io.newslens.testsupport.KeycloakTestResource;
import io.newslens.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real parts every ingest-service test runs against: Kafka in-process, the test Keycloak, PostgreSQL. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "newslens_ingest_qt"))
public final class IngestTestResources {
    private IngestTestResources() {
    }
}
