package io.newslens.nlp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of nlp-service, under {@code newslens.nlp}. */
@ConfigMapping(prefix = "newslens.nlp")
public interface NlpConfig {

    /** Stamped on every result; change it when the pipeline's output changes, then re-tag. */
    @WithDefault("2026.11.1")
    String pipelineVersion();

    /** Largest text the annotate endpoint and the stream accept, in characters (413 above). */
    @WithDefault("200000")
    int maxTextChars();

    /** Articles annotated at once; more wait in Kafka (backpressure). */
    @WithDefault("2")
    int concurrency();

    /** Whether to compute article embeddings (MiniLM). */
    @WithDefault("true")
    boolean embeddings();
}
