package io.newslens.gateway.routing;

import io.newslens.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.regex.Pattern;

/** Which service answers which API path: the routing table of the one door. */
@ApplicationScoped
public class Backends {

    public enum Backend { INGEST, NLP, QUERY }

    private static final Pattern ARTICLE_STATUS = Pattern.compile("^/api/v1/articles/[^/]+/status/?$");
    private static final Pattern ONE_ARTICLE = Pattern.compile("^/api/v1/articles/[^/]+/?$");

    @Inject
    GatewayConfig config;

    public Backend route(String method, String path) {
        if (path.startsWith("/api/v1/nlp/")) {
            return Backend.NLP;
        }
        if (path.startsWith("/api/v1/feeds") || path.startsWith("/api/v1/admin/") || path.equals("/api/v1/admin")) {
            return Backend.INGEST;
        }
        if (path.startsWith("/api/v1/articles")) {
            if ("POST".equals(method)) {
                return Backend.INGEST;
            }
            if (ARTICLE_STATUS.matcher(path).matches()) {
                return Backend.INGEST;
            }
            if ("DELETE".equals(method) && ONE_ARTICLE.matcher(path).matches()) {
                return Backend.INGEST;
            }
        }
        return Backend.QUERY;
    }

    /** Bulk paths stream large bodies and get the larger size limit. */
    public boolean isBulk(String path) {
        return path.startsWith("/api/v1/articles/batch") || path.startsWith("/api/v1/articles/upload");
    }

    public URI baseUri(Backend backend) {
        return URI.create(switch (backend) {
            case INGEST -> config.ingestUrl();
            case NLP -> config.nlpUrl();
            case QUERY -> config.queryUrl();
        });
    }
}
