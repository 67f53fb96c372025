package io.newslens.nlp.linking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the state of Wikipedia linking on {@code /q/health/ready}. Always up: without the index the service
 * still resolves entities (local ids, no Wikipedia titles), so it must keep taking traffic; the data says which.
 */
@Readiness
@ApplicationScoped
public class EntityLinkingHealthCheck implements HealthCheck {

    @Inject
    LinkingIndexService index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("entity-linking").up()
                .withData("wikipedia", index.state().name().toLowerCase())
                .withData("detail", index.detail())
                .build();
    }
}
