package io.newslens.nlp.service;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newslens.nlp.config.NlpConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Article embeddings with all-MiniLM-L6-v2 (quantised ONNX, bundled in its Maven jar: no model hub at run
 * time). 384 dimensions, unit length. The model reads at most 256 word pieces, so the title and the lead
 * paragraphs, where news puts the event, are what it sees.
 */
@ApplicationScoped
public class Embedder {

    public static final int DIMENSIONS = 384;

    @Inject
    NlpConfig config;

    private EmbeddingModel model;

    @PostConstruct
    void init() {
        if (config.embeddings()) {
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            model.embed("warm-up");
        }
    }

    public float[] embed(String title, String text) {
        if (model == null) {
            return null;
        }
        String input = (title == null ? "" : title + ". ") + lead(text, 1500);
        float[] vector = model.embed(input).content().vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / norm);
            }
        }
        return vector;
    }

    private static String lead(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', chars);
        return text.substring(0, cut > 0 ? cut : chars);
    }
}
