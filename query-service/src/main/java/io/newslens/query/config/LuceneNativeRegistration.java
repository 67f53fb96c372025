package io.newslens.query.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Lucene finds its codecs and formats through META-INF/services and creates them reflectively; a native image only
 * keeps what is registered. These are the service entries of lucene-core 9.12 that ArticleTextIndex's index uses
 * (the resource files themselves are included by quarkus.native.resources.includes in application.properties).
 * Not built natively here (no GraalVM on the development machines): check again when moving Lucene versions.
 */
@RegisterForReflection(targets = {
    org.apache.lucene.codecs.lucene912.Lucene912Codec.class,
    org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat.class,
    org.apache.lucene.codecs.lucene90.Lucene90DocValuesFormat.class,
    org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat.class,
    org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat.class,
    org.apache.lucene.codecs.lucene99.Lucene99ScalarQuantizedVectorsFormat.class,
    org.apache.lucene.search.SortField.Provider.class,
    org.apache.lucene.search.SortedNumericSortField.Provider.class,
    org.apache.lucene.search.SortedSetSortField.Provider.class,
    org.apache.lucene.analysis.standard.StandardTokenizerFactory.class
})
public final class LuceneNativeRegistration {
    private LuceneNativeRegistration() {
    }
}
