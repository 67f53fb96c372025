package io.newslens.ingest.extraction;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, one line (or one HTML block) at a time, whether a piece of text is article text, a photo credit or web
 * boilerplate. The rules look at the shape of a line and at words that only interface chrome uses (share buttons,
 * advertising labels, data-provider notices, counters, "read more" teasers), never at particular sites' strings.
 */
final class LineRules {

    enum Verdict { KEEP, CREDIT, BOILERPLATE }

    private LineRules() {
    }

    // ------------------------------------------------------------------ photo credits

    private static final String AGENCIES = "(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|Getty|dpa|DPA|picture alliance"
            + "|picture-alliance|Shutterstock|Sputnik|TASS|ТАСС|РИА Новости|Xinhua|Kyodo|Bloomberg|ANSA|EFE|Keystone|AAP"
            + "|Imago|IMAGO|SIPA|Sipa|NurPhoto|Anadolu|Yonhap|PA|PA Images|Alamy|iStock|Unsplash)";
    private static final Pattern CREDIT_START = Pattern.compile("(?iu)^(?:photo|photos|image|images|picture|pictures|foto"
            + "|fotos|bild|bilder|photograph|illustration|graphic|credit|crédit|crédito|credito|фото|фотография"
            + "|иллюстрация)(?:\\s+(?:credit|crédit|courtesy|by|von|de|di|por))?\\s*(?::|by|von|par|de|por|di|©|credit)"
            + "\\s*\\S.{0,120}$");
    private static final Pattern CREDIT_END = Pattern.compile("(?iu)(?:^|[.!?”\")]\\s+|\\s[-–—|]\\s)"
            + "(?:photo|photograph|foto|image|picture|bild|credit|фото)s?\\s*(?::|by|von)\\s*[^.:;]{2,80}\\.?$");
    private static final Pattern CREDIT_PAREN = Pattern.compile("(?iu)\\((?:[\\p{L}. ]{0,30}\\s)?(?:photo|foto|image|picture"
            + "|photograph|фото)s?\\s*(?:/|:|by|von|de|par)\\s*[^)]{2,100}\\)\\s*\\.?$");
    private static final Pattern CREDIT_AGENCY_SLASH = Pattern.compile("(?u)(?:^|\\s|\\()" + AGENCIES
            + "\\s*/\\s*\\p{Lu}[\\p{L}.' -]{1,60}\\)?\\s*\\.?$");
    private static final Pattern CREDIT_COPYRIGHT = Pattern.compile("(?iu)^(?:©|\\(c\\)|copyright)\\s*.{0,40}" + AGENCIES
            + ".{0,40}$");

    static boolean isPhotoCredit(String line) {
        if (line.length() > 600) {
            return false;
        }
        return CREDIT_START.matcher(line).matches() || CREDIT_END.matcher(line).find() || CREDIT_PAREN.matcher(line).find()
                || CREDIT_AGENCY_SLASH.matcher(line).find() || CREDIT_COPYRIGHT.matcher(line).matches();
    }

    // ------------------------------------------------------------------ advertising labels

    private static final Pattern AD_LABEL = Pattern.compile("(?iu)^[\\p{Punct}\\s]*(?:advertisement|advertising|advert|ad|ads"
            + "|anzeige|werbung|publicité|publicite|publicidad|pubblicità|publicidade|advertentie|reclame|реклама|reklama"
            + "|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content"
            + "|sponsorisé|patrocinado|gesponsert)[\\p{Punct}\\s]*$");
    private static final Pattern AD_CONTINUE = Pattern.compile("(?iu)(?:advertisement|\\bads?\\b|anzeige|werbung|publicité"
            + "|publicidad|pubblicità|реклам|sponsor).{0,40}(?:continue|below|weiter|suite|sigue|continua|continua|ниже)"
            + "|(?:continue|continues|weiter|suite|sigue|continua).{0,40}(?:advertisement|\\bads?\\b|anzeige|werbung"
            + "|publicité|publicidad|pubblicità|реклам)|^(?:scroll|continue reading|story continues|article continues)"
            + "(?: (?:to continue|below|with content|the main story|after advertisement))+\\.?$");

    static boolean isAdLabel(String line) {
        return line.length() <= 70 && (AD_LABEL.matcher(line).matches() || AD_CONTINUE.matcher(line).find());
    }

    // ------------------------------------------------------------------ interface words

    /** Words that, alone, make up share bars, toolbars and navigation lines (many languages). */
    private static final Set<String> UI_WORDS = Set.of("share", "shares", "sharing", "shared", "tweet", "facebook", "twitter",
            "x", "whatsapp", "linkedin", "email", "e-mail", "mail", "print", "copy", "link", "copied", "url", "reddit",
            "telegram", "pinterest", "flipboard", "messenger", "threads", "bluesky", "mastodon", "vk", "ok", "comment",
            "comments", "save", "saved", "bookmark", "follow", "subscribe", "unsubscribe", "listen", "audio", "play",
            "pause", "watch", "video", "close", "menu", "search", "home", "next", "previous", "prev", "back", "top",
            "skip", "content", "main", "navigation", "sign", "log", "login", "logout", "register", "more", "less",
            "show", "hide", "open", "gift", "this", "article", "story", "page", "post", "on", "via", "us", "to", "in",
            "up", "out", "and", "or", "the", "fb", "wa", "like", "likes", "reply", "replies", "report", "translate",
            "font", "size", "text", "zoom", "min", "mins", "minute", "minutes", "read", "reading", "time", "learn",
            "icon", "button", "toggle", "expand", "collapse", "view", "all", "see", "full", "send", "embed", "feedback",
            "teilen", "drucken", "merken", "kommentare", "kommentar", "artikel", "vorlesen", "anhören", "partager",
            "imprimer", "commentaires", "commenter", "lire", "écouter", "compartir", "imprimir", "comentarios",
            "comentar", "guardar", "escuchar", "condividi", "stampa", "commenti", "salva", "ascolta", "compartilhar",
            "partilhar", "comentários", "salvar", "ouvir", "delen", "afdrukken", "reacties", "opslaan", "luister",
            "поделиться", "печать", "комментарии", "комментировать", "сохранить", "слушать", "читать", "мин",
            "minuten", "lesezeit", "tiempo", "lectura", "de", "temps", "lecture", "tempo", "lettura", "leestijd");
    /** Words strong enough that a line made of interface words is chrome, not a sentence using them. */
    private static final Set<String> UI_STRONG = Set.of("share", "sharing", "tweet", "facebook", "twitter", "whatsapp",
            "linkedin", "email", "e-mail", "print", "copy", "link", "reddit", "telegram", "pinterest", "flipboard",
            "comments", "comment", "save", "bookmark", "follow", "subscribe", "listen", "watch", "video", "close",
            "menu", "search", "home", "next", "previous", "skip", "sign", "login", "register", "more", "gift", "reply",
            "read", "fb", "icon", "button", "teilen", "drucken", "merken", "kommentare", "vorlesen", "partager",
            "imprimer", "commentaires", "compartir", "imprimir", "comentarios", "condividi", "stampa", "commenti",
            "compartilhar", "partilhar", "delen", "afdrukken", "reacties", "поделиться", "печать", "комментарии",
            "lesezeit", "lectura", "lecture", "lettura", "leestijd", "learn", "audio", "embed", "x", "vk", "wa");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s|•·/,;:()\\[\\]{}<>«»\"“”'’+]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}]+|[\\p{Punct}]+$");

    static boolean isInterfaceLine(String line) {
        if (line.length() > 100) {
            return false;
        }
        String[] tokens = TOKEN_SPLIT.split(line.toLowerCase(Locale.ROOT));
        boolean strong = false;
        int words = 0;
        for (String raw : tokens) {
            String t = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
            if (t.isEmpty()) {
                continue;
            }
            words++;
            if (t.startsWith("icon-") || t.startsWith("icon_") || t.startsWith("fa-") || t.startsWith("ico-")) {
                strong = true;
                continue;
            }
            if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == 'k' || c == 'm')) {
                continue; // share counts
            }
            if (!UI_WORDS.contains(t)) {
                return false;
            }
            strong |= UI_STRONG.contains(t);
        }
        return words > 0 && strong;
    }

    // ------------------------------------------------------------------ counters, timestamps, reading time

    private static final Pattern COUNTER = Pattern.compile("^[\\d\\s.,:+%/()kKmM-]{1,20}$");
    private static final Pattern COUNTED_THING = Pattern.compile("(?iu)^[\\d.,]+[kKmM]?\\s*(?:comments?|shares?|views?|likes?"
            + "|reactions?|replies|kommentare|commentaires|comentarios|commenti|reacties|комментари\\p{L}*|просмотр\\p{L}*"
            + "|min(?:ute)?s?\\.?(?: read)?|minuten lesezeit|min de lecture|min de lectura|minuti di lettura|мин\\.? чтения)$");
    private static final Pattern READING_TIME = Pattern.compile("(?iu)^(?:reading time|lesezeit|temps de lecture|tiempo de lectura"
            + "|tempo di lettura|leestijd|время чтения)\\s*:?\\s*\\d+\\s*\\p{L}*\\.?$");

    /** "8", "1.2K", "02:46" (a video's length), "12 comments", "5 min read"; a bare date is not a counter. */
    static boolean isCounter(String line) {
        if (COUNTER.matcher(line).matches()) {
            return DateTexts.findAll(line, true).isEmpty();
        }
        return COUNTED_THING.matcher(line).matches() || READING_TIME.matcher(line).matches();
    }

    private static final Pattern DURATION = Pattern.compile("^\\(?(?:\\d{1,2}:)?\\d{1,2}:\\d{2}\\)?$");

    static boolean isMediaDuration(String line) {
        return DURATION.matcher(line).matches();
    }

    // ------------------------------------------------------------------ teasers and notices

    /** Phrases that only ever introduce a link to another story. */
    private static final Pattern READ_MORE = Pattern.compile("(?iu)^[\\p{Punct}\\s]*(?:read more|read also|also read|read next"
            + "|see also|related articles?|related stories|related coverage|more on this(?: story)?|more from|don't miss"
            + "|most read|most popular|latest news|top stories|recommended for you"
            + "|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|weitere artikel|das könnte sie auch interessieren"
            + "|à lire aussi|lire aussi|a lire aussi|à voir aussi|à lire également|sur le même sujet|lea también|lee también"
            + "|leer más|te puede interesar|también te puede interesar|noticias relacionadas|leggi anche|potrebbe interessarti"
            + "|leia também|leia mais|veja também|lees ook|lees meer|meer over dit onderwerp|читайте также|смотрите также"
            + "|по теме|читайте еще)(?:\\s*[:>»|–—-]|\\s*$|\\s+\\p{Lu})");
    /** Single words that introduce a teaser only when a colon or bar follows ("Watch: ...", "Related | ..."). */
    private static final Pattern TEASER_LABEL = Pattern.compile("(?iu)^[\\p{Punct}\\s]*(?:related|watch|listen|more|recommended"
            + "|trending|video|audio|podcast|gallery|photos|live|siehe auch|voir aussi|ver también|vedi anche|zie ook|видео)"
            + "\\s*(?:[:>»|]\\s*|$)");

    static boolean isReadMore(String line) {
        return line.length() <= 220 && (READ_MORE.matcher(line).find() || TEASER_LABEL.matcher(line).find());
    }

    /** Notices that are boilerplate wherever they stand (data providers' and legal small print). */
    private static final Pattern NOTICE = Pattern.compile("(?iu)(?:\\b(?:data|news|quotes?|market data|prices?|rates|feed|content"
            + "|information)\\b.{0,30}\\b(?:supplied|provided|powered) by\\b|^(?:supplied|provided|powered) by\\b"
            + "|\\bquotes? (?:are )?delayed|\\bdelayed (?:by )?(?:at least )?\\d+ min|all rights reserved|alle rechte vorbehalten"
            + "|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|все права защищены"
            + "|by (?:accessing|using) this (?:page|site|website)|\\bwe use cookies\\b|\\baccept (?:all )?cookies"
            + "|^(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}|\\p{L})|this (?:site|website) uses cookies"
            + "|\\bnewsletter\\b.{0,60}\\b(?:sign up|subscribe|inbox|abonnieren|inscri|suscr|iscriviti|registe|подпиш)"
            + "|\\b(?:sign up|subscribe) (?:for|to) (?:our|the)\\b.{0,40}\\bnewsletter"
            + "|\\bnot (?:available|supported) in your (?:region|browser)|enable javascript|javascript (?:is )?(?:required|disabled))");
    /** Notices that are boilerplate only as a short line of their own: in a sentence they can be news. */
    private static final Pattern SHORT_NOTICE = Pattern.compile("(?iu)(?:\\bprivacy policy\\b|\\bterms (?:of (?:use|service)"
            + "|and conditions|& conditions)|\\bcookie (?:policy|settings|preferences)|\\bmarket data\\b|datenschutz"
            + "|impressum|mentions légales|aviso legal|\\bimprint\\b|\\bcontact us\\b|\\babout us\\b)");

    static boolean isNotice(String line) {
        return line.length() <= 220 && NOTICE.matcher(line).find()
                || line.length() <= 70 && SHORT_NOTICE.matcher(line).find();
    }

    private static final Pattern CALL_TO_ACTION = Pattern.compile("(?iu)^(?:learn more|sign up|sign in|log in|subscribe(?: now)?"
            + "|register|join(?: now)?|download (?:the|our) app|get the app|try (?:it )?(?:now|for free|free)|start (?:your )?free trial"
            + "|mehr erfahren|jetzt abonnieren|jetzt anmelden|en savoir plus|s'abonner|je m'abonne|más información|suscríbete"
            + "|scopri di più|abbonati|saiba mais|assine|meer informatie|abonneer|подробнее|подписаться)[.!]?$");

    static boolean isCallToAction(String line) {
        return CALL_TO_ACTION.matcher(line).matches();
    }

    // ------------------------------------------------------------------ shapes

    /** Ends like a sentence or a quotation, so it is prose rather than a label, headline or link. */
    static boolean endsLikeSentence(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return ".!?…\"”»“'’)".indexOf(last) >= 0 || s.endsWith(".)") || s.endsWith(":");
    }

    static int wordCount(String line) {
        int n = 0;
        for (String t : line.strip().split("\\s+")) {
            if (!t.isEmpty() && t.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    /** An all-capitals line of several words: on news sites an inserted link to another story. */
    static boolean isShoutedTeaser(String line) {
        if (wordCount(line) < 5 || line.strip().endsWith(".")) {
            return false;
        }
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 15 && upper >= letters * 0.9;
    }

    /** The verdict for one line, without context. */
    static Verdict classify(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return Verdict.KEEP;
        }
        if (isPhotoCredit(s)) {
            return Verdict.CREDIT;
        }
        if (isAdLabel(s) || isInterfaceLine(s) || isCounter(s) || isReadMore(s) || isNotice(s) || isShoutedTeaser(s)) {
            return Verdict.BOILERPLATE;
        }
        return Verdict.KEEP;
    }
}
