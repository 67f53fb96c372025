package io.newslens.nlp.linking.index;

import io.newslens.nlp.linking.NameKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a {@link TitleType} for a Wikipedia title at index-build time from its qualifier ("(footballer)",
 * "(U.S. state)", ", Texas"), words in it ("... Party", "Ministry of ...", "USS ..."), and CoreNLP's KBP place
 * gazetteer (countries, states and provinces, cities) for unqualified place names.
 */
public final class TitleTyper {

    /** CoreNLP's KBP gazetteer, in the standard models jar. */
    public static final String GAZETTEER_RESOURCE = "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";

    private static final Map<String, TitleType> QUALIFIER_WORDS = new HashMap<>();
    private static final Map<String, TitleType> LAST_WORDS = new HashMap<>();
    private static final Map<String, TitleType> FIRST_WORDS = new HashMap<>();
    private static final Set<String> SHIP_PREFIXES = Set.copyOf(List.of("uss", "hms", "hmas", "hmcs", "hmnzs", "ins", "rfs", "ss", "ms",
            "mv", "rms", "ara", "js", "kri", "tcg", "fs", "sms", "hnlms", "bns", "pns"));
    private static final Set<String> MAKERS = Set.copyOf(List.of("sukhoi", "mikoyan", "tupolev", "ilyushin", "antonov", "kamov", "mil",
            "yakovlev", "beriev", "boeing", "lockheed", "northrop", "grumman", "mcdonnell", "douglas", "airbus", "dassault",
            "eurofighter", "saab", "chengdu", "shenyang", "xian", "harbin", "sikorsky", "bell", "kalashnikov", "raytheon",
            "embraer", "panavia", "hawker", "supermarine", "messerschmitt", "mitsubishi", "kawasaki", "leopard", "abrams",
            "bayraktar", "hal", "kai", "lavochkin"));

    static {
        for (String w : List.of("politician", "footballer", "soccer", "actor", "actress", "singer", "musician", "rapper",
                "writer", "author", "poet", "novelist", "painter", "artist", "journalist", "cricketer", "boxer", "wrestler",
                "athlete", "player", "coach", "manager", "admiral", "officer", "soldier", "bishop", "priest", "cardinal",
                "saint", "emperor", "pharaoh", "scientist", "physicist", "chemist", "economist", "philosopher",
                "historian", "businessman", "businesswoman", "entrepreneur", "engineer", "inventor", "lawyer", "judge",
                "diplomat", "composer", "director", "producer", "comedian", "model", "dancer", "cyclist", "swimmer",
                "golfer", "jockey", "born", "activist", "mathematician", "astronaut", "sculptor", "architect",
                "photographer", "physician", "surgeon", "psychologist", "sociologist", "linguist", "theologian",
                "governor", "senator", "spy", "criminal", "guitarist", "drummer", "pianist", "violinist", "conductor",
                "broadcaster", "presenter", "commentator", "umpire", "referee", "sprinter", "runner", "skier", "skater",
                "rower", "fencer", "gymnast", "martial", "racer", "driver", "pilot", "aviator", "explorer", "monarch",
                "sultan", "caliph", "rabbi", "imam", "cleric", "missionary", "nun", "monk", "educator", "academic",
                "professor", "biologist", "botanist", "zoologist", "geologist", "astronomer", "anthropologist",
                "archaeologist", "chef", "designer", "cartoonist", "illustrator", "screenwriter", "playwright",
                "filmmaker", "socialite", "fashion", "general", "militant", "terrorist", "rebel", "cosmonaut")) {
            QUALIFIER_WORDS.put(w, TitleType.PERSON);
        }
        for (String w : List.of("company", "corporation", "band", "group", "organization", "organisation", "party", "club",
                "team", "newspaper", "magazine", "airline", "bank", "university", "college", "school", "agency", "militia",
                "army", "navy", "label", "publisher", "channel", "station", "network", "ministry", "court", "union",
                "retailer", "manufacturer", "firm", "studio", "orchestra", "choir", "charity", "foundation", "duo", "trio",
                "quartet", "ensemble", "brand", "automaker", "broadcasting", "institution", "council", "committee",
                "movement", "faction", "government", "parliament", "legislature", "federation", "association",
                "franchise", "conglomerate", "restaurant", "store", "website", "newspapers", "tabloid", "insurgency",
                "organisation)")) {
            QUALIFIER_WORDS.put(w, TitleType.ORGANIZATION);
        }
        for (String w : List.of("country", "nation", "kingdom", "republic", "sovereign")) {
            QUALIFIER_WORDS.put(w, TitleType.COUNTRY);
        }
        for (String w : List.of("state", "province", "oblast", "prefecture", "governorate", "krai", "canton", "emirate",
                "territory", "voivodeship", "region")) {
            QUALIFIER_WORDS.put(w, TitleType.STATE_OR_PROVINCE);
        }
        for (String w : List.of("city", "town", "village", "borough", "suburb", "capital", "commune", "municipality",
                "hamlet", "neighbourhood", "neighborhood", "township", "settlement", "locality", "parish", "county",
                "district")) {
            QUALIFIER_WORDS.put(w, TitleType.CITY);
        }
        for (String w : List.of("river", "lake", "mountain", "mountains", "island", "islands", "sea", "bay", "desert",
                "valley", "peninsula", "volcano", "strait", "park", "area", "archipelago", "ocean", "gulf", "basin",
                "plateau", "glacier", "reservoir", "canal", "creek", "hill", "hills", "forest", "airport", "building",
                "palace", "fortress", "castle", "square", "street", "bridge")) {
            QUALIFIER_WORDS.put(w, TitleType.LOCATION);
        }
        for (String w : List.of("film", "album", "song", "single", "novel", "book", "play", "opera", "musical", "series",
                "program", "programme", "game", "poem", "painting", "ep", "soundtrack", "episode", "comics", "comic",
                "manga", "anime", "story", "sculpture", "miniseries", "sitcom", "show", "documentary", "journal",
                "software", "character", "symphony", "hymn", "anthem", "musical)", "video", "franchise)")) {
            QUALIFIER_WORDS.put(w, TitleType.WORK);
        }
        for (String w : List.of("missile", "aircraft", "airplane", "plane", "helicopter", "tank", "rifle", "gun", "pistol",
                "ship", "submarine", "destroyer", "frigate", "cruiser", "carrier", "warship", "vessel", "rocket",
                "satellite", "spacecraft", "locomotive", "car", "automobile", "vehicle", "weapon", "drone", "engine",
                "howitzer", "mortar", "torpedo", "bomber", "fighter", "jet", "radar", "launcher", "cannon", "grenade",
                "icbm", "ssbn", "battleship", "corvette", "boat", "train", "truck", "motorcycle")) {
            QUALIFIER_WORDS.put(w, TitleType.EQUIPMENT);
        }
        for (String w : List.of("war", "battle", "election", "attack", "bombing", "earthquake", "hurricane", "festival",
                "tournament", "championship", "olympics", "summit", "conference", "treaty", "crisis", "riot",
                "revolution", "protests", "protest", "massacre", "siege", "campaign", "operation", "referendum",
                "incident", "disaster", "scandal", "pandemic", "epidemic", "cup", "season", "race")) {
            QUALIFIER_WORDS.put(w, TitleType.EVENT);
        }
        for (String w : List.of("party", "army", "navy", "ministry", "corporation", "company", "inc", "ltd", "limited",
                "university", "agency", "council", "committee", "bank", "forces", "force", "organization", "organisation",
                "union", "association", "institute", "group", "federation", "commission", "department", "office", "bureau",
                "police", "service", "services", "league", "club", "airlines", "airways", "congress", "parliament", "senate",
                "assembly", "court", "government", "administration", "alliance", "front", "movement", "brigade", "corps",
                "regiment", "guard", "guards", "fund", "foundation", "society", "college", "school", "academy", "museum",
                "hospital", "network", "corp", "holdings", "industries", "systems", "technologies", "motors", "times",
                "post", "news", "press", "directorate", "co", "ag", "gmbh", "sa", "plc", "llc", "cabinet", "authority",
                "bloc", "secretariat", "caucus", "tribunal", "reserve", "trust", "exchange", "railway", "railways",
                "railroad", "fc", "church", "telegraph", "journal", "herald", "tribune", "gazette", "daily", "agency",
                "ministries", "interior", "defence", "defense", "navy", "command", "fleet", "division", "battalion",
                "squadron", "cartel", "mafia", "brotherhood", "taliban", "hezbollah", "hamas", "entertainment",
                "pictures", "records", "studios", "broadcasting", "television", "radio", "airport", "embassy", "kremlin")) {
            LAST_WORDS.put(w, TitleType.ORGANIZATION);
        }
        for (String w : List.of("river", "lake", "mountains", "mountain", "island", "islands", "sea", "ocean", "bay",
                "strait", "gulf", "peninsula", "desert", "valley", "province", "oblast", "region", "prefecture", "county",
                "district", "governorate", "krai", "canal", "coast", "plateau", "basin", "square", "street", "bridge",
                "avenue", "highway", "heights", "strip", "bank", "archipelago", "territory", "territories", "state")) {
            LAST_WORDS.putIfAbsent(w, TitleType.LOCATION);
        }
        for (String w : List.of("war", "battle", "election", "elections", "attack", "attacks", "bombing", "bombings",
                "earthquake", "olympics", "championship", "championships", "summit", "treaty", "crisis", "revolution",
                "protests", "massacre", "siege", "invasion", "offensive", "referendum", "accords", "agreement", "cup",
                "games", "pandemic", "uprising", "coup", "conflict", "insurgency", "disaster", "incident", "scandal")) {
            LAST_WORDS.put(w, TitleType.EVENT);
        }
        for (String w : List.of("ministry", "department", "university", "bank", "office", "council", "court",
                "government", "embassy", "commission", "committee", "federation", "union", "party", "league",
                "association", "institute", "academy", "college", "church", "house", "board", "bureau", "order",
                "congress", "parliament", "senate", "house")) {
            FIRST_WORDS.put(w, TitleType.ORGANIZATION);
        }
        for (String w : List.of("republic", "kingdom", "state", "city", "province", "county", "lake", "mount", "river",
                "isle", "gulf", "bay", "sea", "cape", "port", "fort", "saint", "san", "santa", "sao", "new", "north",
                "south", "east", "west")) {
            FIRST_WORDS.putIfAbsent(w, TitleType.LOCATION);
        }
        FIRST_WORDS.put("new", TitleType.UNKNOWN); // "New York Times": a weak hint only
        FIRST_WORDS.put("north", TitleType.UNKNOWN);
        FIRST_WORDS.put("south", TitleType.UNKNOWN);
        FIRST_WORDS.put("east", TitleType.UNKNOWN);
        FIRST_WORDS.put("west", TitleType.UNKNOWN);
        FIRST_WORDS.put("saint", TitleType.UNKNOWN);
        FIRST_WORDS.put("san", TitleType.UNKNOWN);
        FIRST_WORDS.put("santa", TitleType.UNKNOWN);
        FIRST_WORDS.put("list", TitleType.DISAMBIGUATION);
        FIRST_WORDS.put("lists", TitleType.DISAMBIGUATION);
    }

    private final Map<String, TitleType> places;

    private TitleTyper(Map<String, TitleType> places) {
        this.places = places;
    }

    /** A typer without a gazetteer: qualifiers and words only. */
    public static TitleTyper withoutGazetteer() {
        return new TitleTyper(Map.of());
    }

    /** Loads CoreNLP's place gazetteer from the class path, or types without it if it is missing. */
    public static TitleTyper fromClasspath() throws IOException {
        InputStream in = TitleTyper.class.getClassLoader().getResourceAsStream(GAZETTEER_RESOURCE);
        if (in == null) {
            return withoutGazetteer();
        }
        Map<String, TitleType> places = new HashMap<>(1 << 20);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                int t1 = line.indexOf('\t');
                int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
                if (t2 < 0) {
                    continue;
                }
                TitleType type = switch (line.substring(t1 + 1, t2)) {
                    case "COUNTRY" -> TitleType.COUNTRY;
                    case "STATE_OR_PROVINCE" -> TitleType.STATE_OR_PROVINCE;
                    case "CITY" -> TitleType.CITY;
                    default -> null;
                };
                if (type == null) {
                    continue;
                }
                String key = NameKeys.key(line.substring(0, t1));
                if (key.isEmpty()) {
                    continue;
                }
                // a name listed as country and state ("Georgia") counts as the higher level
                places.merge(key, type, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        return new TitleTyper(places);
    }

    /** The place type of a name by the gazetteer alone, or null. */
    public TitleType placeType(String key) {
        return places.get(key);
    }

    public TitleType type(String title) {
        String lowerTitle = title.toLowerCase(Locale.ROOT);
        if (lowerTitle.endsWith("_(disambiguation)")) {
            return TitleType.DISAMBIGUATION;
        }
        if (lowerTitle.endsWith("_(surname)") || lowerTitle.endsWith("_(name)") || lowerTitle.endsWith("_(given_name)")
                || lowerTitle.endsWith("_(first_name)") || lowerTitle.endsWith("_(family_name)")) {
            return TitleType.NAME_PAGE;
        }
        String qualifier = NameKeys.qualifier(title);
        boolean parenthesised = title.endsWith(")") && title.contains("_(");
        if (qualifier != null && parenthesised) {
            if (qualifier.toLowerCase(Locale.ROOT).matches("(born|b\\.) .*|\\d{3,4}[–-]\\d{0,4}|\\d{4} births?")) {
                return TitleType.PERSON;
            }
            TitleType q = fromQualifier(qualifier);
            if (q != null) {
                return q;
            }
        }
        if (lowerTitle.endsWith(".com") || lowerTitle.endsWith(".org") || lowerTitle.endsWith(".net")) {
            return TitleType.ORGANIZATION; // Amazon.com, Booking.com
        }
        String base = NameKeys.baseName(title);
        List<String> baseTokens = NameKeys.tokens(NameKeys.key(base));
        if (baseTokens.isEmpty()) {
            return TitleType.UNKNOWN;
        }
        if (SHIP_PREFIXES.contains(baseTokens.get(0)) && baseTokens.size() > 1 && Character.isUpperCase(title.charAt(0))
                && title.length() > 3 && Character.isUpperCase(title.charAt(1))) {
            return TitleType.EQUIPMENT;
        }
        if (MAKERS.contains(baseTokens.get(0)) && hasModelNumber(base)) {
            return TitleType.EQUIPMENT;
        }
        if (qualifier != null && !parenthesised) {
            // "Paris,_Texas", "Washington,_D.C.", "Georgia,_Vermont"
            String qualifierKey = NameKeys.key(qualifier.split(", ")[0]);
            TitleType place = places.get(qualifierKey);
            if (place != null || qualifierKey.equals("dc") || qualifierKey.equals("us")) {
                return TitleType.CITY;
            }
        }
        String fullKey = NameKeys.key(title.replace('_', ' '));
        TitleType place = places.get(fullKey);
        if (place != null && qualifier == null) {
            return place;
        }
        String last = baseTokens.get(baseTokens.size() - 1);
        TitleType byLast = LAST_WORDS.get(last);
        if (byLast != null && baseTokens.size() > 1) {
            return byLast;
        }
        TitleType byFirst = FIRST_WORDS.get(baseTokens.get(0));
        if (byFirst != null && byFirst != TitleType.UNKNOWN && baseTokens.size() > 1) {
            return byFirst;
        }
        if (hasModelNumber(base) && baseTokens.size() <= 3 && Character.isUpperCase(base.charAt(0))) {
            // "S-400 Triumf", "T-72", "F-16 Fighting Falcon"
            return TitleType.EQUIPMENT;
        }
        return TitleType.UNKNOWN;
    }

    private static TitleType fromQualifier(String qualifier) {
        String q = qualifier.toLowerCase(Locale.ROOT);
        if (q.contains("u.s. state") || q.contains("us state") || q.equals("state")) {
            return TitleType.STATE_OR_PROVINCE;
        }
        List<String> words = NameKeys.tokens(NameKeys.key(q));
        // the head noun of a qualifier is usually its last word: "American football player", "1995 film"
        for (int i = words.size() - 1; i >= 0; i--) {
            TitleType t = QUALIFIER_WORDS.get(words.get(i));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** "Su-35", "S-400", "F-16", "T-72B3", "MiG-29": letters, a hyphen, digits. */
    static boolean hasModelNumber(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '-' && Character.isLetter(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                int start = i - 1;
                while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
                    start--;
                }
                if (i - start <= 4) {
                    return true;
                }
            }
        }
        return false;
    }
}
