package io.newslens.gateway.routing;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Problem details (RFC 9457) written directly on a Vert.x response. */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext rc, int status, String title, String detail) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "https://newslens.io/problems/" + status)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", rc.normalizedPath());
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"newslens\"");
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }
}
