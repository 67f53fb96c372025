package io.newslens.nlp.pipeline.ner;

import java.util.Properties;

/** The CoreNLP configurations the language layer uses, and the stock one it is measured against. */
public final class CoreNlpSettings {

    static final String THREE_CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    static final String CONLL_FOUR_CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private CoreNlpSettings() {
    }

    /**
     * The language layer's pipeline. What was dropped from the default and why (measured in benchmarks/):
     * <ul>
     * <li>{@code ner.applyFineGrained=false}: the fine-grained TokensRegex pass (CITY, TITLE, CAUSE_OF_DEATH...) is the
     * largest single cost and the source of "war" as CAUSE_OF_DEATH; subtypes come from the gazetteers instead.</li>
     * <li>{@code ner.model}: the 3-class and CoNLL 4-class CRFs, without the MUC 7-class one. In the default NORMAL
     * combination the 3-class model owns PERSON/ORGANIZATION/LOCATION and the CoNLL model adds MISC; the MUC model
     * only contributes DATE/TIME/MONEY/PERCENT, which SUTime and the numeric classifiers give anyway, and it is the
     * slowest of the three (seven classes).</li>
     * <li>{@code ner.useSUTime=false}: SUTime runs afterwards only on sentences that can hold a time expression (see
     * {@link LanguageAnalyzer}); the numeric classifiers (NUMBER, ORDINAL, MONEY, PERCENT) still run here.</li>
     * <li>{@code ner.buildEntityMentions=false}: mentions are built from the corrected token tags, which also keeps
     * the pronoun mentions ("he" as PERSON) CoreNLP's mention builder adds out.</li>
     * <li>{@code ssplit.newlineIsSentenceBreak=always}: headlines and boilerplate lines stay out of sentences.</li>
     * </ul>
     */
    public static Properties fast() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("tokenize.options", "invertible=true,untokenizable=noneKeep");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.model", THREE_CLASS + "," + CONLL_FOUR_CLASS);
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "true");
        p.setProperty("ner.buildEntityMentions", "false");
        return p;
    }

    /** Only the tokenizer of {@link #fast()}: gazetteer phrases are split exactly as article text is. */
    public static Properties tokenizerOnly() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize");
        p.setProperty("tokenize.options", fast().getProperty("tokenize.options"));
        return p;
    }

    /** Stock CoreNLP's default NER pipeline, the baseline of the benchmark and the evaluation. */
    public static Properties stock() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        return p;
    }
}
