package io.newslens.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real in-process Kafka broker for a {@code @QuarkusTest} and points SmallRye Reactive
 * Messaging at it. Tests reach the broker through {@link #broker()} to publish, consume or stop it.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaTestResource has not started");
        }
        return broker;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (broker == null) {
            broker = KafkaBroker.start();
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
