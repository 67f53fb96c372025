// An entity's profile: names, mentions over time (a bar chart), its co-mention network (a force layout), the
// outlets that mention it and its quotes.
import { api } from '../api.js';
import { h, route, time, typeClass, typeLabel, asArray, pick, plural, externalLink } from '../dom.js';
import { barChart } from '../charts/bars.js';
import { networkGraph, normaliseGraph } from '../charts/network.js';
import { errorBox, loading, rememberEntity, section } from './common.js';

function timelinePoints(entity) {
  const raw = pick(entity, 'mentionsPerDay', 'timeline', 'mentionsOverTime', 'mentionTimeline', 'days');
  const list = Array.isArray(raw) ? raw : Array.isArray(raw?.items) ? raw.items
    : raw && typeof raw === 'object' ? Object.entries(raw).map(([date, count]) => ({ date, count })) : [];
  return list.map((p) => ({ date: String(pick(p, 'date', 'day', 'bucket', 'period') ?? ''), count: Number(pick(p, 'count', 'mentions', 'articles')) || 0 }))
    .filter((p) => p.date);
}

function coMentioned(entity, graph) {
  const direct = asArray(pick(entity, 'coMentioned', 'topCoMentioned', 'coMentions', 'related'));
  if (direct.length) {
    return direct.map((e) => ({ id: pick(e, 'id', 'entityId'), name: pick(e, 'name', 'canonicalName'), type: e.type,
      count: pick(e, 'count', 'articles', 'weight') }));
  }
  if (!graph) {
    return [];
  }
  const { nodes, edges } = normaliseGraph(graph, entity.id);
  const weight = new Map();
  for (const e of edges) {
    const other = e.source === String(entity.id) ? e.target : e.target === String(entity.id) ? e.source : null;
    if (other) {
      weight.set(other, (weight.get(other) ?? 0) + e.weight);
    }
  }
  return nodes.filter((n) => weight.has(n.id)).map((n) => ({ ...n, count: weight.get(n.id) })).sort((a, b) => b.count - a.count);
}

export async function entityPage(ctx) {
  const id = ctx.args[0] ?? '';
  ctx.root.append(loading());
  const path = `/api/v1/entities/${encodeURIComponent(id)}`;
  const [profile, network] = await Promise.allSettled([
    api(path, { signal: ctx.signal }),
    api(`${path}/network`, { signal: ctx.signal, params: new URLSearchParams({ depth: '1', limit: '30' }) }),
  ]);
  if (ctx.signal.aborted) {
    throw new DOMException('navigated away', 'AbortError');
  }
  if (profile.status === 'rejected') {
    ctx.setTitle('Entity');
    ctx.root.replaceChildren(h('h1', { class: 'page-title', tabindex: '-1' }, 'Entity'), errorBox(profile.reason));
    return;
  }
  const e = profile.value ?? {};
  const entity = { ...e, id: e.id ?? id, name: String(pick(e, 'name', 'canonicalName') ?? id) };
  rememberEntity(entity);
  ctx.setTitle(entity.name);
  const graph = network.status === 'fulfilled' ? network.value : null;
  const aliases = asArray(entity.aliases).filter((a) => a !== entity.name);
  const firstSeen = pick(entity, 'firstSeen', 'firstSeenAt', 'firstMentionedAt');
  const lastSeen = pick(entity, 'lastSeen', 'lastSeenAt', 'lastMentionedAt');
  const total = pick(entity, 'mentionCount', 'mentions', 'totalMentions', 'articleCount');
  const related = coMentioned(entity, graph);
  related.forEach(rememberEntity);
  const sources = asArray(pick(entity, 'sources', 'outlets'));
  const quotes = asArray(pick(entity, 'quotes'));

  const header = h('header', { class: 'entity-head' },
    h('p', { class: 'kicker' }, h('span', { class: ['type-badge', typeClass(entity.type)] }, typeLabel(entity.type)),
      entity.subtype ? h('span', { class: 'muted' }, ` ${String(entity.subtype).toLowerCase()}`) : null),
    h('h1', { class: 'page-title', tabindex: '-1', id: 'entity-name' }, entity.name),
    aliases.length ? h('p', { class: 'aliases' }, 'Also called: ', aliases.slice(0, 12).join(' · ')) : null,
    h('p', { class: 'meta' },
      typeof total === 'number' ? [plural(total, 'mention')] : null,
      firstSeen ? [typeof total === 'number' ? ' · ' : '', 'first seen ', time(firstSeen)] : null,
      lastSeen ? [' · last seen ', time(lastSeen)] : null,
      entity.wikipedia ? [' · ', externalLink(`https://en.wikipedia.org/wiki/${encodeURIComponent(String(entity.wikipedia).replace(/ /g, '_'))}`, 'Wikipedia')] : null),
    h('p', {}, h('a', { class: 'button secondary', href: route('search', new URLSearchParams([['entity', String(entity.id)]])), id: 'entity-articles' },
      `Articles mentioning ${entity.name}`)));

  const points = timelinePoints(entity);
  const timeline = section('Mentions over time', 'timeline-heading',
    barChart({ id: 'mentions-timeline', title: `Mentions of ${entity.name} per ${pick(entity, 'interval', 'timelineInterval') ?? 'day'}`,
      points, interval: pick(entity, 'interval', 'timelineInterval') ?? 'day', unit: 'mention',
      link: (p) => route('search', new URLSearchParams([['entity', String(entity.id)], ['from', p.date.slice(0, 10)], ['to', p.date.slice(0, 10)]])) }));

  const networkSection = section('Co-mention network', 'network-heading',
    graph ? networkGraph(graph, entity.id, entity.name)
      : h('p', { class: 'muted' }, network.reason?.status === 404 ? 'No network for this entity yet.' : 'The network could not be loaded.'),
    related.length ? h('table', { class: 'compact', id: 'co-mentioned' },
      h('caption', {}, 'Mentioned most often with'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entity'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Shared articles'))),
      h('tbody', {}, related.slice(0, 15).map((r) => h('tr', {},
        h('td', {}, r.id ? h('a', { href: route('entity', r.id) }, String(r.name ?? r.id)) : String(r.name ?? '')),
        h('td', {}, h('span', { class: ['dot', typeClass(r.type)], 'aria-hidden': 'true' }), typeLabel(r.type)),
        h('td', {}, r.count === undefined ? '' : String(r.count)))))) : null);

  const sourcesSection = sources.length ? section('Outlets', 'outlets-heading', h('ul', { class: 'facet-list' }, sources.slice(0, 20).map((s) => {
    const name = String(typeof s === 'string' ? s : pick(s, 'name', 'source') ?? '');
    const count = typeof s === 'object' ? pick(s, 'count', 'articles', 'mentions') : undefined;
    return h('li', {}, h('a', { href: route('search', new URLSearchParams([['entity', String(entity.id)], ['source', name]])) },
      h('span', { class: 'facet-name' }, name), count !== undefined ? h('span', { class: 'count' }, String(count)) : null));
  }))) : null;

  const quotesSection = quotes.length ? section(`Quotes by ${entity.name}`, 'entity-quotes-heading', h('ul', { class: 'quote-list' }, quotes.slice(0, 20).map((q) => {
    const articleId = pick(q, 'articleId', 'article');
    const title = pick(q, 'articleTitle', 'title');
    return h('li', {}, h('figure', { class: 'quote-item' },
      h('blockquote', {}, String(pick(q, 'text', 'quote') ?? '')),
      h('figcaption', {},
        typeof articleId === 'string' ? h('a', { href: route('article', articleId) }, String(title ?? 'the article')) : null,
        pick(q, 'source') ? [' · ', String(pick(q, 'source'))] : null,
        pick(q, 'publishedAt') ? [' · ', time(pick(q, 'publishedAt'))] : null)));
  }))) : null;

  ctx.root.replaceChildren(h('div', { class: 'entity-view' }, header,
    h('div', { class: 'entity-layout' }, h('div', { class: 'entity-main' }, timeline, networkSection),
      h('div', { class: 'entity-side' }, sourcesSection, quotesSection))));
}
