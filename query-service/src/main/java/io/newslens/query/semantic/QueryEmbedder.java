package io.newslens.query.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.service.Vectors;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Embeds search queries with the same model nlp-service embeds articles with (all-MiniLM-L6-v2, quantised,
 * bundled in its Maven jar), so query and article vectors are comparable.
 */
@ApplicationScoped
public class QueryEmbedder {

    @Inject
    QueryConfig config;

    private volatile EmbeddingModel model;

    void warm(@Observes StartupEvent ignored) {
        if (config.semantic().enabled()) {
            model().embed("warm-up");
        }
    }

    private EmbeddingModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
            }
        }
        return model;
    }

    public float[] embed(String text) {
        return Vectors.normalize(model().embed(text).content().vector());
    }
}
