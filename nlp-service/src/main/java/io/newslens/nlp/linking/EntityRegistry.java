package io.newslens.nlp.linking;

import io.newslens.nlp.pipeline.AnalyzedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Gives each document entity its cross-document identity.
 *
 * <p>An entity linked to Wikipedia is the entity that claimed that title (so "Sergei Shoigu", "Sergey Shoigu";
 * "US", "U.S.", "United States"; "PLA", "People's Liberation Army" meet there). An entity without a link is found
 * through the registry's name keys ({@link NameKeys#looseKey}: case, diacritics, punctuation and transliteration
 * variants folded), then, for people, through the given/family-name rule of {@link PersonNames}; otherwise it is
 * new. Ids are deterministic: derived from the Wikipedia title, or from type and name key, so replicas that see a
 * new name at once agree, and {@link #resolveWithoutStoring} gives the id a name would get without writing it.
 * A local entity later linked to Wikipedia keeps its id (it claims the title); if another entity had claimed the
 * title first, the local one is marked merged into it and its id redirects there.
 */
@ApplicationScoped
public class EntityRegistry {

    private static final Logger LOG = Logger.getLogger(EntityRegistry.class);
    private static final int WRITE_ATTEMPTS = 3;

    @Inject
    LinkingIndexService linking;
    @Inject
    RegistryStore store;
    @Inject
    LinkingConfig config;

    private ResolutionCache cache;

    /** Resolves and records the entities of an article (the stream). */
    public Map<String, ResolvedEntity> resolve(List<AnalyzedText.LocalEntity> entities, AnalyzedText context) {
        return resolve(entities, context, true);
    }

    /**
     * Resolves like {@link #resolve} but writes nothing (ad-hoc text): known names get their registry ids, new
     * ones the id they would get if stored. Falls back to those computed ids if the database is unreachable.
     */
    public Map<String, ResolvedEntity> resolveWithoutStoring(List<AnalyzedText.LocalEntity> entities, AnalyzedText context) {
        return resolve(entities, context, false);
    }

    private record Plan(AnalyzedText.LocalEntity entity, String type, EntityLinker.Link link, String nameKey,
            List<String> keys, List<String> personTokens) {
        String title() {
            return link == null ? null : link.title();
        }
    }

    /** The decision for one entity: its id, and what to write if it is new. */
    private static final class Decision {
        String id;
        String name;
        String type;
        String subtype;
        String wikipedia;
        RegistryStore.NewEntity create;
        RegistryStore.Claim claim;
        RegistryStore.Merge merge;
    }

    Map<String, ResolvedEntity> resolve(List<AnalyzedText.LocalEntity> entities, AnalyzedText context, boolean persist) {
        Map<String, ResolvedEntity> out = new LinkedHashMap<>();
        if (entities == null || entities.isEmpty()) {
            return out;
        }
        Optional<EntityLinker> linker = linking.linker();
        Map<String, EntityLinker.Link> links = linker.map(l -> l.linkAll(entities, context == null ? "" : context.text()))
                .orElse(Map.of());
        List<Plan> plans = new ArrayList<>(entities.size());
        for (AnalyzedText.LocalEntity e : entities) {
            plans.add(plan(e, links.get(e.key())));
        }

        // cached decisions skip the database; the rest is read in one go
        ResolutionCache resolutionCache = cache();
        Map<Plan, ResolutionCache.Hit> cached = new HashMap<>();
        List<Plan> open = new ArrayList<>();
        for (Plan p : plans) {
            ResolutionCache.Hit hit = resolutionCache.get(p.type(), p.nameKey(), p.title(), p.keys());
            if (hit != null) {
                cached.put(p, hit);
            } else {
                open.add(p);
            }
        }
        Map<Plan, Decision> decisions = new HashMap<>();
        if (!open.isEmpty()) {
            RegistryStore.Snapshot snapshot;
            try {
                snapshot = read(open);
            } catch (RuntimeException e) {
                if (persist) {
                    throw e;
                }
                LOG.warnf("entity registry unreachable (%s); ad-hoc text gets computed ids", e.toString());
                snapshot = new RegistryStore.Snapshot(Map.of(), Map.of(), Map.of(), List.of());
            }
            Map<String, Decision> claimantByTitle = new HashMap<>();
            for (Plan p : open) {
                Decision d = decide(p, snapshot);
                if (d.claim != null) {
                    // two names of one article linked to one new title ("U.S.", "United States") share one claimant
                    Decision first = claimantByTitle.putIfAbsent(d.claim.title(), d);
                    if (first != null) {
                        d.id = first.id;
                        d.name = first.name;
                        d.create = null;
                        d.claim = null;
                    }
                }
                decisions.put(p, d);
            }
            if (persist) {
                write(open, decisions, snapshot);
                for (Plan p : open) {
                    Decision d = decisions.get(p);
                    resolutionCache.put(p.type(), p.nameKey(), p.title(), p.keys(),
                            new ResolutionCache.Hit(d.id, d.name, d.type, d.subtype, d.wikipedia));
                }
            }
        }
        for (Plan p : plans) {
            AnalyzedText.LocalEntity e = p.entity();
            String id;
            String name;
            String type;
            String subtype;
            String wikipedia;
            ResolutionCache.Hit hit = cached.get(p);
            if (hit != null) {
                id = hit.id();
                name = hit.name();
                type = hit.type();
                subtype = hit.subtype();
                wikipedia = hit.wikipedia();
            } else {
                Decision d = decisions.get(p);
                id = d.id;
                name = d.name;
                type = d.type;
                subtype = d.subtype;
                wikipedia = d.wikipedia;
            }
            LinkedHashSet<String> forms = new LinkedHashSet<>();
            forms.add(e.name());
            if (e.aliases() != null) {
                forms.addAll(e.aliases());
            }
            forms.remove(name);
            out.put(e.key(), new ResolvedEntity(id, name, type, subtype != null ? subtype : e.subtype(),
                    List.copyOf(forms), wikipedia));
        }
        return out;
    }

    private Plan plan(AnalyzedText.LocalEntity e, EntityLinker.Link link) {
        String type = e.type() == null ? "MISC" : e.type();
        String nameKey = NameKeys.looseKey(e.name(), type);
        if (nameKey.isEmpty()) {
            nameKey = NameKeys.lower(e.name().strip());
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        keys.add(nameKey);
        if (e.aliases() != null) {
            for (String alias : e.aliases()) {
                String k = NameKeys.looseKey(alias, type);
                // a person's lone surname or given name is shared by many people: never a registry key
                if (k.length() < 2 || !NameKeys.hasLetter(k) || "PERSON".equals(type) && !k.contains(" ")) {
                    continue;
                }
                keys.add(k);
            }
        }
        List<String> personTokens = "PERSON".equals(type) ? NameKeys.tokens(nameKey) : List.of();
        return new Plan(e, type, link != null && link.linked() ? link : null, nameKey, List.copyOf(keys), personTokens);
    }

    private RegistryStore.Snapshot read(List<Plan> plans) {
        Set<String> titles = new HashSet<>();
        Map<String, Set<String>> keysByType = new HashMap<>();
        Set<String> firsts = new HashSet<>();
        Set<String> lasts = new HashSet<>();
        for (Plan p : plans) {
            if (p.title() != null) {
                titles.add(p.title());
            }
            keysByType.computeIfAbsent(p.type(), t -> new HashSet<>()).addAll(p.keys());
            if (p.title() == null && p.personTokens().size() >= 2) {
                firsts.add(p.personTokens().get(0));
                lasts.add(p.personTokens().get(p.personTokens().size() - 1));
            }
        }
        return store.read(titles, keysByType, firsts, lasts);
    }

    private static Decision decide(Plan p, RegistryStore.Snapshot s) {
        Decision d = new Decision();
        AnalyzedText.LocalEntity e = p.entity();
        String title = p.title();
        String found = null;
        if (title != null) {
            String owner = s.links().get(title);
            if (owner != null) {
                found = s.follow(owner);
                // an unlinked entity under the same name is this one, seen before its link: redirect it here
                RegistryStore.AliasRow a = s.alias(p.type(), p.nameKey());
                if (a != null && !a.ambiguous()) {
                    String other = s.follow(a.entityId());
                    RegistryStore.EntityRow row = s.entities().get(other);
                    if (!other.equals(found) && row != null && row.wikipediaTitle() == null) {
                        d.merge = new RegistryStore.Merge(other, found);
                    }
                }
            } else {
                RegistryStore.AliasRow a = s.alias(p.type(), p.nameKey());
                RegistryStore.EntityRow local = a == null || a.ambiguous() ? null : s.entities().get(s.follow(a.entityId()));
                if (local != null && local.wikipediaTitle() == null) {
                    // a local entity now linked: it claims the title and keeps its id
                    d.claim = new RegistryStore.Claim(title, local.id(), p.link().confidence());
                    found = local.id();
                } else {
                    d.id = wikipediaId(title);
                    d.name = NameKeys.displayName(title);
                    d.claim = new RegistryStore.Claim(title, d.id, p.link().confidence());
                    d.create = newEntity(d.id, d.name, p, title);
                }
            }
        } else {
            found = findUnlinked(p, s);
            if (found == null) {
                d.id = localId(p.type(), p.nameKey());
                d.name = e.name().strip();
                d.create = newEntity(d.id, d.name, p, null);
            }
        }
        if (found != null) {
            RegistryStore.EntityRow known = s.entities().get(found);
            d.id = found;
            d.name = known != null ? known.canonicalName() : title != null ? NameKeys.displayName(title) : e.name().strip();
            d.type = known != null ? known.type() : p.type();
            d.subtype = known != null ? known.subtype() : e.subtype();
            d.wikipedia = known != null && known.wikipediaTitle() != null ? known.wikipediaTitle() : title;
        } else {
            d.type = p.type();
            d.subtype = e.subtype();
            d.wikipedia = title;
        }
        return d;
    }

    private static String findUnlinked(Plan p, RegistryStore.Snapshot s) {
        RegistryStore.AliasRow byName = s.alias(p.type(), p.nameKey());
        if (byName != null && !byName.ambiguous()) {
            return s.follow(byName.entityId());
        }
        Set<String> viaAliases = new HashSet<>();
        for (String k : p.keys()) {
            RegistryStore.AliasRow a = s.alias(p.type(), k);
            if (a != null && !a.ambiguous()) {
                viaAliases.add(s.follow(a.entityId()));
            }
        }
        if (viaAliases.size() == 1) {
            return viaAliases.iterator().next();
        }
        if (viaAliases.isEmpty() && p.personTokens().size() >= 2) {
            Set<String> compatible = new HashSet<>();
            for (RegistryStore.EntityRow candidate : s.persons()) {
                if (PersonNames.compatible(p.personTokens(), NameKeys.tokens(candidate.nameKey()))) {
                    compatible.add(s.follow(candidate.id()));
                }
            }
            if (compatible.size() == 1) {
                return compatible.iterator().next();
            }
        }
        return null;
    }

    private static RegistryStore.NewEntity newEntity(String id, String name, Plan p, String title) {
        List<String> tokens = "PERSON".equals(p.type()) ? NameKeys.personTokens(name) : List.of();
        String nameKey = title != null ? NameKeys.looseKey(name, p.type()) : p.nameKey();
        return new RegistryStore.NewEntity(id, name, p.type(), p.entity().subtype(), nameKey.isEmpty() ? p.nameKey() : nameKey,
                tokens.isEmpty() ? null : tokens.get(0), tokens.size() < 2 ? null : tokens.get(tokens.size() - 1), title);
    }

    private void write(List<Plan> plans, Map<Plan, Decision> decisions, RegistryStore.Snapshot snapshot) {
        Map<String, RegistryStore.NewEntity> creates = new LinkedHashMap<>();
        Map<String, RegistryStore.Claim> claims = new LinkedHashMap<>();
        Map<String, RegistryStore.AliasWrite> aliases = new LinkedHashMap<>();
        Map<String, RegistryStore.Merge> merges = new LinkedHashMap<>();
        for (Plan p : plans) {
            Decision d = decisions.get(p);
            if (d.merge != null) {
                merges.putIfAbsent(d.merge.from(), d.merge);
            }
            if (d.create != null) {
                creates.putIfAbsent(d.create.id(), d.create);
            }
            if (d.claim != null) {
                claims.putIfAbsent(d.claim.title(), d.claim);
            }
            for (String k : p.keys()) {
                RegistryStore.AliasRow known = snapshot.alias(p.type(), k);
                if (known != null && (known.ambiguous() || snapshot.follow(known.entityId()).equals(d.id)
                        || d.merge != null && known.entityId().equals(d.merge.from()))) {
                    continue; // nothing new to say
                }
                aliases.putIfAbsent(p.type() + "\u0000" + k, new RegistryStore.AliasWrite(p.type(), k, d.id,
                        k.equals(p.nameKey()) ? p.entity().name() : k));
            }
        }
        if (creates.isEmpty() && claims.isEmpty() && aliases.isEmpty() && merges.isEmpty()) {
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                Map<String, String> lostTo = store.write(new ArrayList<>(creates.values()), new ArrayList<>(claims.values()),
                        new ArrayList<>(aliases.values()), new ArrayList<>(merges.values()));
                if (!lostTo.isEmpty()) {
                    for (Decision d : decisions.values()) {
                        String winner = lostTo.get(d.id);
                        if (winner != null) {
                            d.id = winner;
                        }
                    }
                }
                return;
            } catch (RegistryStore.RegistryException e) {
                if (attempt >= WRITE_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                LOG.debugf("entity registry write conflict (attempt %d): %s", attempt, e.toString());
            }
        }
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())
                    || "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private ResolutionCache cache() {
        ResolutionCache c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = new ResolutionCache(config == null ? 20000 : config.cacheSize());
                }
                c = cache;
            }
        }
        return c;
    }

    /** The id of the entity a Wikipedia title names, unless an earlier local entity claimed the title. */
    public static String wikipediaId(String title) {
        return "e_" + sha256("wikipedia\u0000" + title).substring(0, 16);
    }

    /** The id of an entity without a Wikipedia link: from its type and name key. */
    public static String localId(String type, String nameKey) {
        return "e_" + sha256("local\u0000" + type + "\u0000" + nameKey).substring(0, 16);
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
