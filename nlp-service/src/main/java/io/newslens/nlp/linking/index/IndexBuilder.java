package io.newslens.nlp.linking.index;

import io.newslens.nlp.linking.NameKeys;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the linking index from CoreNLP's {@code wikidict.tab} (lines {@code alias<TAB>title<TAB>probability},
 * grouped by title, one title per alias: the most probable one). Memory stays bounded (a few hundred MB at most):
 * rows are spilled to one temporary file per first key byte, and each such bucket is sorted on its own.
 *
 * <p>What is kept: for look-ups, aliases that look like names in running text (Latin script, capitalised words,
 * no URLs or wiki markup, at most six words); for every title, its base name ("Georgia" for Georgia_(country)) as
 * an extra candidate key; for context, a profile of the informative words in all of a title's Latin aliases
 * ("Tbilisi", "Caucasus", "Soviet" for Georgia_(country)).
 */
public final class IndexBuilder {

    public record Stats(long rows, long lookupRows, int titles, int keys, long entries, long bytes, long millis) {
    }

    private static final Set<String> STOPWORDS = Set.copyOf(List.of("the", "and", "for", "from", "with", "that", "this", "its", "his",
            "her", "their", "was", "are", "were", "has", "have", "had", "not", "but", "all", "about", "more", "other",
            "also", "into", "than", "who", "which", "what", "when", "where", "how", "our", "your", "you", "see", "read",
            "info", "information", "page", "article", "entry", "here", "click", "more", "list", "links", "link", "site",
            "website", "official", "home", "free", "encyclopedia", "online", "images", "image", "photo", "photos",
            "picture", "map", "maps", "new", "one", "two", "three", "first", "last", "der", "die", "das", "les", "des",
            "del", "los", "las", "von", "van", "una", "uno"));
    private static final Set<String> CONNECTORS = Set.copyOf(List.of("of", "the", "and", "de", "du", "des", "la", "le", "les", "von",
            "van", "der", "den", "al", "el", "bin", "ibn", "y", "for", "on", "in", "at", "to", "a", "da", "di", "del",
            "dos", "das", "e", "et", "und", "upon", "ul", "ad", "an", "&"));
    private static final String[] SKIPPED_TITLE_PREFIXES = {"List_of_", "Lists_of_", "Index_of_", "Outline_of_",
        "Category:", "Template:", "File:", "Image:", "Wikipedia:", "Portal:", "Help:", "Talk:", "User:", "Special:",
        "Glossary_of_", "Timeline_of_", "Bibliography_of_", "Book:", "Draft:", "Module:", "MediaWiki:"};
    private static final int DF_BITS = 22;

    private final TitleTyper typer;
    private final Consumer<String> progress;

    public IndexBuilder(TitleTyper typer, Consumer<String> progress) {
        this.typer = typer;
        this.progress = progress;
    }

    /**
     * Reads the dictionary and writes the index to {@code out} (atomically: a temporary file renamed at the end).
     *
     * @param fingerprint identifies the source dictionary; stored in the header
     */
    public Stats build(BufferedReader dictionary, Path out, long fingerprint) throws IOException {
        long started = System.nanoTime();
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, ".build-");
        try {
            Pass1 pass1 = new Pass1(work);
            pass1.run(dictionary);
            progress.accept(String.format("read %,d dictionary rows: %,d titles, %,d look-up rows", pass1.rows,
                    pass1.titleCount, pass1.lookupRows));
            Path keyData = work.resolve("keys.dat");
            IntList keyBlocks = new IntList();
            long[] keyCounts = writeKeys(work, pass1, keyData, keyBlocks);
            progress.accept(String.format("sorted %,d keys with %,d entries", keyCounts[0], keyCounts[1]));
            Path titleData = work.resolve("titles.dat");
            IntList titleBlocks = new IntList();
            writeTitles(work, pass1, titleData, titleBlocks);
            Path tmp = work.resolve("index.tmp");
            long bytes = assemble(tmp, fingerprint, pass1.titleCount, (int) keyCounts[0], keyCounts[1], keyData, keyBlocks,
                    titleData, titleBlocks);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Stats(pass1.rows, pass1.lookupRows, pass1.titleCount, (int) keyCounts[0], keyCounts[1], bytes,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            deleteTree(work);
        }
    }

    // ------------------------------------------------------------------ pass 1: stream the dictionary

    private final class Pass1 {
        final Path work;
        final DataOutputStream[] buckets = new DataOutputStream[256];
        final DataOutputStream titles;
        final DataOutputStream profiles;
        final int[] df = new int[1 << DF_BITS];
        IntList popularity = new IntList();
        int titleCount;
        int profiledTitles;
        long rows;
        long lookupRows;

        Pass1(Path work) throws IOException {
            this.work = work;
            this.titles = stream(work.resolve("titles.tmp"));
            this.profiles = stream(work.resolve("profiles.tmp"));
        }

        void run(BufferedReader in) throws IOException {
            String currentTitle = null;
            List<String> aliases = new ArrayList<>();
            List<Float> probs = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                rows++;
                int t1 = line.indexOf('\t');
                int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
                if (t2 < 0) {
                    continue;
                }
                String title = line.substring(t1 + 1, t2);
                if (!title.equals(currentTitle)) {
                    if (currentTitle != null) {
                        flushTitle(currentTitle, aliases, probs);
                    }
                    currentTitle = title;
                    aliases.clear();
                    probs.clear();
                }
                float p;
                try {
                    p = Float.parseFloat(line.substring(t2 + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                aliases.add(line.substring(0, t1));
                probs.add(p);
                if ((rows & 0x3FFFFF) == 0) {
                    progress.accept(String.format("... %,d rows read", rows));
                }
            }
            if (currentTitle != null) {
                flushTitle(currentTitle, aliases, probs);
            }
            for (DataOutputStream b : buckets) {
                if (b != null) {
                    b.close();
                }
            }
            titles.close();
            profiles.close();
        }

        void flushTitle(String title, List<String> aliases, List<Float> probs) throws IOException {
            if (title.isEmpty() || title.length() > 250 || skippedTitle(title)) {
                return;
            }
            TitleType type = typer.type(title);
            if (type == TitleType.UNKNOWN && isPersonByAliases(title, aliases)
                    && typer.placeType(NameKeys.key(title.substring(0, title.indexOf('_')))) == null) {
                // ... unless the first word is a place: "Chicago_Bulls" is linked as "Bulls" too
                type = TitleType.PERSON;
            }
            int id = titleCount++;
            Map<String, int[]> tf = new HashMap<>();
            int latin = 0;
            for (int i = 0; i < aliases.size(); i++) {
                String alias = aliases.get(i);
                if (!isCleanLatin(alias)) {
                    continue;
                }
                latin++;
                String key = NameKeys.key(alias);
                if (key.isEmpty()) {
                    continue;
                }
                if (isNameLike(alias) && NameKeys.hasLetter(key)) {
                    int flags = switch (NameKeys.Shape.of(alias)) {
                        case ALL_CAPS -> IndexFormat.FLAG_ALL_CAPS;
                        case CAPITALISED -> IndexFormat.FLAG_CAPITALISED;
                        default -> IndexFormat.FLAG_OTHER_CASE;
                    };
                    if (isPlain(alias) && !(alias.startsWith("The ") && !title.startsWith("The_"))) {
                        flags |= IndexFormat.FLAG_PLAIN;
                    }
                    if (spill(key, id, Math.round(probs.get(i) * 255), flags, IndexFormat.formHash(alias))) {
                        lookupRows++;
                    }
                }
                for (String token : NameKeys.tokens(key)) {
                    if (isProfileToken(token)) {
                        tf.computeIfAbsent(token, k -> new int[1])[0]++;
                    }
                }
            }
            String qualifier = NameKeys.qualifier(title);
            if (qualifier != null) {
                for (String token : NameKeys.tokens(NameKeys.key(qualifier))) {
                    if (isProfileToken(token) || token.equals("us") || token.equals("uk") || token.equals("dc")) {
                        tf.computeIfAbsent(token, k -> new int[1])[0] += 2;
                    }
                }
            }
            if (type.isLinkable()) {
                String baseKey = NameKeys.key(NameKeys.baseName(title));
                if (!baseKey.isEmpty() && NameKeys.hasLetter(baseKey)) {
                    spill(baseKey, id, 0, qualifier == null ? IndexFormat.FLAG_TITLE_BASE | IndexFormat.FLAG_TITLE_EXACT
                            : IndexFormat.FLAG_TITLE_BASE, 0);
                }
            }
            popularity.add(latin);
            byte[] titleBytes = title.getBytes(StandardCharsets.UTF_8);
            titles.writeShort(titleBytes.length);
            titles.write(titleBytes);
            titles.writeByte(type.ordinal());
            titles.writeInt(latin);
            if (latin >= 2 && !tf.isEmpty()) {
                List<Map.Entry<String, int[]>> tokens = new ArrayList<>(tf.entrySet());
                tokens.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey));
                int n = Math.min(tokens.size(), 64);
                profiles.writeByte(n);
                for (int i = 0; i < n; i++) {
                    int h = IndexFormat.tokenHash(tokens.get(i).getKey());
                    df[h & ((1 << DF_BITS) - 1)]++;
                    profiles.writeInt(h);
                    profiles.writeShort(Math.min(tokens.get(i).getValue()[0], Short.MAX_VALUE));
                }
                profiledTitles++;
            } else {
                profiles.writeByte(0);
            }
        }

        boolean spill(String key, int titleId, int prior, int flags, int form) throws IOException {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            if (k.length > 120) {
                return false;
            }
            int b = k[0] & 0xFF;
            if (buckets[b] == null) {
                buckets[b] = stream(work.resolve(String.format("bucket-%02x", b)));
            }
            DataOutputStream out = buckets[b];
            out.writeByte(k.length);
            out.write(k);
            out.writeInt(titleId);
            out.writeByte(prior);
            out.writeByte(flags);
            out.writeShort(form);
            return true;
        }
    }

    /**
     * A person's article is usually linked by the surname alone ("Putin" → Vladimir_Putin, "Erdogan" →
     * Recep_Tayyip_Erdoğan), and the dictionary keeps that alias only where the person is its most likely title.
     * So a two-to-four-word unqualified title of letters only, one of whose aliases is its last word written as a
     * name, is typed as a person.
     */
    static boolean isPersonByAliases(String title, List<String> aliases) {
        if (title.contains("_(") || title.contains(",_")) {
            return false;
        }
        String[] words = title.split("_");
        if (words.length < 2 || words.length > 4 || words[0].equals("The")) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) && !(w.length() <= 3 && w.equals(w.toLowerCase()))) {
                return false; // "bin", "al", "van" may be lower case
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!Character.isLetter(c) && c != '.' && c != '-' && c != '\'') {
                    return false;
                }
            }
        }
        String surname = NameKeys.key(words[words.length - 1]);
        if (surname.length() < 3) {
            return false;
        }
        for (String alias : aliases) {
            if (alias.length() <= surname.length() + 2 && !alias.isEmpty() && Character.isUpperCase(alias.charAt(0))
                    && NameKeys.key(alias).equals(surname)) {
                return true;
            }
        }
        return false;
    }

    static boolean skippedTitle(String title) {
        for (String prefix : SKIPPED_TITLE_PREFIXES) {
            if (title.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Latin script (with diacritics), no URLs, wiki markup or file names: an alias worth reading at all. */
    static boolean isCleanLatin(String alias) {
        int n = alias.length();
        if (n == 0 || n > 80) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = alias.charAt(i);
            boolean ok = (c >= 0x20 && c < 0x7F && "[]{}<>|=*#_\\@~^$%".indexOf(c) < 0) || (c >= 0xC0 && c <= 0x24F && c != 0xD7
                    && c != 0xF7) || c == '‘' || c == '’' || c == '“' || c == '”' || c == '–' || c == '—';
            if (!ok) {
                return false;
            }
        }
        String lower = alias.toLowerCase();
        return !(lower.contains("http") || lower.contains("www.") || lower.contains("wiki") || lower.contains("yago:")
                || lower.startsWith("en:") || lower.startsWith("w:") || lower.contains(".jpg") || lower.contains(".png")
                || lower.contains(".svg") || lower.contains("..."));
    }

    /**
     * Looks like a name as it would appear in running text: every word capitalised or a digit, apart from
     * connecting words ("Sea of Japan", "Abu Bakr al-Baghdadi"); at most six words.
     */
    static boolean isNameLike(String alias) {
        String s = alias.strip();
        if (s.startsWith("the ")) {
            s = s.substring(4).strip(); // "the Kremlin", "the Pentagon"
        }
        if (s.isEmpty() || !Character.isUpperCase(s.codePointAt(0)) && !Character.isDigit(s.charAt(0))) {
            return false;
        }
        int words = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            words++;
            if (words > 6) {
                return false;
            }
            String w = s.substring(start, i);
            char c = w.charAt(0);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                continue;
            }
            if ((c == '(' || c == '"' || c == '\'' || c == '“') && w.length() > 1
                    && (Character.isUpperCase(w.charAt(1)) || Character.isDigit(w.charAt(1)))) {
                continue;
            }
            String lw = w.toLowerCase();
            int dash = lw.indexOf('-');
            if (CONNECTORS.contains(lw) || dash > 0 && CONNECTORS.contains(lw.substring(0, dash))) {
                continue; // "al-Assad", "bin Salman"
            }
            if (c == 'i' && w.length() > 1 && Character.isUpperCase(w.charAt(1))) {
                continue; // "iPhone"
            }
            return false;
        }
        return words > 0;
    }

    /**
     * Written as a name is written in running text: letters, digits and spaces, with only the punctuation names
     * carry inside ("U.S.", "Su-35", "People's", "AT&T", "Jr."), no trailing colon, comma, quote or bracket, no
     * possessive, and not an odd mix of cases ("GErmany"). The caller also refuses "The X" unless the title itself
     * starts with "The" ("The Paris" is a hotel's name; "the Kremlin" in running text is plain).
     */
    static boolean isPlain(String alias) {
        if (alias.isEmpty() || alias.length() != alias.strip().length() || alias.contains("  ")) {
            return false;
        }
        if (alias.endsWith("'s") || alias.endsWith("’s")) {
            return false;
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’' || c == '&')) {
                return false;
            }
        }
        char last = alias.charAt(alias.length() - 1);
        if (last == '-' || last == '\'' || last == '’' || last == '&') {
            return false;
        }

        if (last == '.') {
            // only abbreviations end in a full stop: "U.S.", "Jr.", "Inc."
            int space = alias.lastIndexOf(' ');
            String word = alias.substring(space + 1, alias.length() - 1);
            if (!(word.contains(".") || word.length() <= 3)) {
                return false;
            }
        }
        for (String word : alias.split(" ")) {
            // "GErmany", "RUSSIa": capitals after a lower-case start or scattered lower case in capitals
            int upper = 0;
            int lower = 0;
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isUpperCase(c)) {
                    upper++;
                } else if (Character.isLowerCase(c)) {
                    lower++;
                }
            }
            if (upper > 0 && lower > 0 && upper + lower > 3 && Character.isUpperCase(word.charAt(0))
                    && Character.isUpperCase(word.charAt(1)) && !word.contains("-") && !word.startsWith("Mc")
                    && !word.startsWith("Mac")) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> SHORT_PROFILE_TOKENS = Set.copyOf(List.of("us", "uk", "un", "eu", "dc"));

    static boolean isProfileToken(String token) {
        if (SHORT_PROFILE_TOKENS.contains(token)) {
            return true;
        }
        if (token.length() < 3 || STOPWORDS.contains(token)) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ pass 2: sorted, front-coded keys

    private record Row(byte[] key, int title, int prior, int flags, int form) {
    }

    private static final Comparator<Row> ROW_ORDER = (a, b) -> {
        int c = Arrays.compareUnsigned(a.key, b.key);
        return c != 0 ? c : Integer.compare(a.title, b.title);
    };

    private long[] writeKeys(Path work, Pass1 pass1, Path keyData, IntList blocks) throws IOException {
        long keys = 0;
        long entries = 0;
        int[] popularity = pass1.popularity.toArray();
        pass1.popularity = null;
        try (CountingOutput out = new CountingOutput(Files.newOutputStream(keyData))) {
            BlockWriter writer = new BlockWriter(out, blocks);
            for (int b = 0; b < 256; b++) {
                Path bucket = work.resolve(String.format("bucket-%02x", b));
                if (!Files.exists(bucket)) {
                    continue;
                }
                List<Row> rows = readBucket(bucket);
                Files.delete(bucket);
                rows.sort(ROW_ORDER);
                int i = 0;
                while (i < rows.size()) {
                    int j = i;
                    List<Row> merged = new ArrayList<>();
                    while (j < rows.size() && Arrays.equals(rows.get(j).key, rows.get(i).key)) {
                        // per title: one entry for each plain spelling ("White House", "White house"; the look-up
                        // prefers the one written as the mention is), and one for all decorated spellings
                        // ("White-House", "Russia:") with the prior quartered
                        int title = rows.get(j).title;
                        Map<Integer, int[]> plainForms = new HashMap<>(); // form → {prior, shape flags}
                        int otherPrior = -1;
                        int otherFlags = 0;
                        int otherForm = 0;
                        int titleFlags = 0;
                        while (j < rows.size() && rows.get(j).title == title
                                && Arrays.equals(rows.get(j).key, rows.get(i).key)) {
                            Row r = rows.get(j);
                            int shapeFlags = r.flags & (IndexFormat.FLAG_ALL_CAPS | IndexFormat.FLAG_CAPITALISED
                                    | IndexFormat.FLAG_OTHER_CASE);
                            titleFlags |= r.flags & (IndexFormat.FLAG_TITLE_BASE | IndexFormat.FLAG_TITLE_EXACT);
                            if (shapeFlags != 0) {
                                if ((r.flags & IndexFormat.FLAG_PLAIN) != 0) {
                                    int[] f = plainForms.computeIfAbsent(r.form, k -> new int[2]);
                                    f[0] = Math.max(f[0], r.prior);
                                    f[1] |= shapeFlags;
                                } else {
                                    if (r.prior > otherPrior) {
                                        otherPrior = r.prior;
                                        otherForm = r.form;
                                    }
                                    otherFlags |= shapeFlags;
                                }
                            }
                            j++;
                        }
                        List<Map.Entry<Integer, int[]>> forms = new ArrayList<>(plainForms.entrySet());
                        forms.sort((x, y) -> y.getValue()[0] - x.getValue()[0]);
                        for (int f = 0; f < Math.min(forms.size(), 8); f++) {
                            int[] v = forms.get(f).getValue();
                            merged.add(new Row(rows.get(i).key, title, Math.max(1, v[0]),
                                    titleFlags | v[1] | IndexFormat.FLAG_PLAIN, forms.get(f).getKey()));
                            titleFlags = 0; // carried once
                        }
                        if (otherPrior >= 0 && plainForms.isEmpty()) {
                            merged.add(new Row(rows.get(i).key, title, Math.max(1, otherPrior / 4), titleFlags | otherFlags,
                                    otherForm));
                            titleFlags = 0;
                        }
                        if (titleFlags != 0) {
                            merged.add(new Row(rows.get(i).key, title, 0, titleFlags, 0));
                        }
                    }
                    merged.sort(Comparator.comparingInt((Row r) -> -r.prior)
                            .thenComparingInt(r -> -popularity[r.title]).thenComparingInt(r -> r.title));
                    if (merged.size() > IndexFormat.MAX_ENTRIES_PER_KEY) {
                        merged = merged.subList(0, IndexFormat.MAX_ENTRIES_PER_KEY);
                    }
                    ByteArrayOutputStream payload = new ByteArrayOutputStream();
                    writeVarint(payload, merged.size());
                    for (Row r : merged) {
                        writeVarint(payload, r.title);
                        payload.write(r.prior);
                        payload.write(r.flags);
                        payload.write(r.form >>> 8);
                        payload.write(r.form);
                    }
                    writer.add(rows.get(i).key, payload.toByteArray());
                    keys++;
                    entries += merged.size();
                    i = j;
                }
            }
        }
        return new long[] {keys, entries};
    }

    private static List<Row> readBucket(Path bucket) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(bucket), 1 << 16))) {
            while (true) {
                int len;
                try {
                    len = in.readUnsignedByte();
                } catch (EOFException end) {
                    break;
                }
                byte[] key = new byte[len];
                in.readFully(key);
                int title = in.readInt();
                int prior = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int form = in.readUnsignedShort();
                rows.add(new Row(key, title, prior, flags, form));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ titles with their profiles

    private void writeTitles(Path work, Pass1 pass1, Path titleData, IntList blocks) throws IOException {
        double profiled = Math.max(1, pass1.profiledTitles);
        try (DataInputStream titles = input(work.resolve("titles.tmp"));
                DataInputStream profiles = input(work.resolve("profiles.tmp"));
                CountingOutput out = new CountingOutput(Files.newOutputStream(titleData))) {
            BlockWriter writer = new BlockWriter(out, blocks);
            for (int id = 0; id < pass1.titleCount; id++) {
                byte[] title = new byte[titles.readUnsignedShort()];
                titles.readFully(title);
                int type = titles.readUnsignedByte();
                int popularity = titles.readInt();
                int n = profiles.readUnsignedByte();
                int[] hashes = new int[n];
                double[] scores = new double[n];
                int[] idfs = new int[n];
                for (int i = 0; i < n; i++) {
                    hashes[i] = profiles.readInt();
                    int tf = profiles.readUnsignedShort();
                    double idf = Math.log(profiled / Math.max(1, pass1.df[hashes[i] & ((1 << DF_BITS) - 1)]));
                    idfs[i] = (int) Math.max(0, Math.min(255, Math.round(idf * 16)));
                    scores[i] = (1 + Math.log(tf)) * idf;
                }
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
                int keep = Math.min(n, IndexFormat.MAX_PROFILE);
                ByteArrayOutputStream payload = new ByteArrayOutputStream(8 + keep * 4);
                payload.write(type);
                writeVarint(payload, popularity);
                payload.write(keep);
                for (int i = 0; i < keep; i++) {
                    int v = hashes[order[i]] << 8 | idfs[order[i]];
                    payload.write(v >>> 24);
                    payload.write(v >>> 16);
                    payload.write(v >>> 8);
                    payload.write(v);
                }
                writer.add(title, payload.toByteArray());
            }
        }
    }

    // ------------------------------------------------------------------ the final file

    private static long assemble(Path tmp, long fingerprint, int titles, int keys, long entries, Path keyData,
            IntList keyBlocks, Path titleData, IntList titleBlocks) throws IOException {
        long keyDataSize = Files.size(keyData);
        long titleDataSize = Files.size(titleData);
        long keyDataOff = IndexFormat.HEADER_BYTES;
        long keyIndexOff = keyDataOff + keyDataSize;
        long titleDataOff = keyIndexOff + 4L * keyBlocks.size();
        long titleIndexOff = titleDataOff + titleDataSize;
        long total = titleIndexOff + 4L * titleBlocks.size();
        if (total >= Integer.MAX_VALUE) {
            throw new IOException("index would exceed 2 GB (" + total + " bytes)");
        }
        ByteBuffer header = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
        header.putLong(IndexFormat.H_MAGIC, IndexFormat.MAGIC);
        header.putInt(IndexFormat.H_VERSION, IndexFormat.VERSION);
        header.putLong(IndexFormat.H_FINGERPRINT, fingerprint);
        header.putInt(IndexFormat.H_TITLES, titles);
        header.putInt(IndexFormat.H_KEYS, keys);
        header.putInt(IndexFormat.H_KEY_BLOCKS, keyBlocks.size());
        header.putInt(IndexFormat.H_TITLE_BLOCKS, titleBlocks.size());
        header.putLong(IndexFormat.H_KEY_DATA, keyDataOff);
        header.putLong(IndexFormat.H_KEY_INDEX, keyIndexOff);
        header.putLong(IndexFormat.H_TITLE_DATA, titleDataOff);
        header.putLong(IndexFormat.H_TITLE_INDEX, titleIndexOff);
        header.putInt(IndexFormat.H_ENTRIES, (int) Math.min(Integer.MAX_VALUE, entries));
        header.putLong(IndexFormat.H_CREATED, System.currentTimeMillis());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(header);
            copy(keyData, ch);
            ch.write(intsBuffer(keyBlocks));
            copy(titleData, ch);
            ch.write(intsBuffer(titleBlocks));
            ch.force(true);
        }
        return total;
    }

    private static void copy(Path from, FileChannel to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, to);
            }
        }
    }

    private static ByteBuffer intsBuffer(IntList list) {
        ByteBuffer b = ByteBuffer.allocate(4 * list.size());
        for (int i = 0; i < list.size(); i++) {
            b.putInt(list.get(i));
        }
        b.flip();
        return b;
    }

    // ------------------------------------------------------------------ helpers

    /** Writes front-coded blocks of (key, payload) and records each block's offset. */
    private static final class BlockWriter {
        private final CountingOutput out;
        private final IntList blocks;
        private byte[] previous = new byte[0];
        private int inBlock;

        BlockWriter(CountingOutput out, IntList blocks) {
            this.out = out;
            this.blocks = blocks;
        }

        void add(byte[] key, byte[] payload) throws IOException {
            int shared = 0;
            if (inBlock == IndexFormat.BLOCK) {
                inBlock = 0;
            }
            if (inBlock == 0) {
                if (out.count > Integer.MAX_VALUE) {
                    throw new IOException("section exceeds 2 GB");
                }
                blocks.add((int) out.count);
            } else {
                int max = Math.min(previous.length, key.length);
                while (shared < max && previous[shared] == key[shared]) {
                    shared++;
                }
            }
            writeVarint(out, shared);
            writeVarint(out, key.length - shared);
            out.write(key, shared, key.length - shared);
            out.write(payload);
            previous = key;
            inBlock++;
        }
    }

    private static final class CountingOutput extends OutputStream {
        private final OutputStream out;
        long count;

        CountingOutput(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static void writeVarint(OutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static DataOutputStream stream(Path p) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
    }

    private static DataInputStream input(Path p) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless; the next build makes its own
        }
    }

    /** A growable int array (no boxing for millions of offsets). */
    static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
