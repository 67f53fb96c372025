package io.newslens.commons.security;

/** The realm roles every service checks on its endpoints. */
public final class Roles {
    /** May write articles, batches and uploads. */
    public static final String INGESTOR = "ingestor";
    /** May read, search, annotate and keep saved searches. */
    public static final String ANALYST = "analyst";
    /** May manage feeds, re-tagging, takedowns and dead letters. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
