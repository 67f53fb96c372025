// One article: its text with entity mentions highlighted by type and quotes marked with their speakers, and the
// annotations beside it (entities, quotes, temporal expressions, events, keyphrases, sentiment).
import { api } from '../api.js';
import { h, route, time, typeClass, typeLabel, typePlural, externalLink, externalUrl, asArray, pick, plural, ENTITY_TYPES } from '../dom.js';
import { articleSegments } from '../text.js';
import { errorBox, loading, rememberEntity, section, legend, entityChip } from './common.js';

function wikipediaLink(title) {
  if (typeof title !== 'string' || !title.trim()) {
    return null;
  }
  const url = `https://en.wikipedia.org/wiki/${encodeURIComponent(title.trim().replace(/ /g, '_'))}`;
  return externalLink(url, 'Wikipedia');
}

function renderMark(segment, entitiesById) {
  const span = segment.span;
  if (segment.markKind === 'temporal') {
    return h('span', { class: 'temporal', title: span.value ? `${span.value}` : 'time expression' }, segment.text,
      span.value ? h('span', { class: 'sr-only' }, ` (${span.value})`) : null);
  }
  const entity = span.entityId ? entitiesById.get(String(span.entityId)) : null;
  const type = entity?.type ?? span.type;
  const label = h('span', { class: 'sr-only' }, ` (${typeLabel(type)})`);
  if (span.entityId) {
    return h('a', { class: ['mention', typeClass(type)], href: route('entity', span.entityId), dataset: { entity: String(span.entityId) },
      title: `${entity?.name ?? segment.text} – ${typeLabel(type)}` }, segment.text, label);
  }
  return h('span', { class: ['mention', typeClass(type)], title: typeLabel(type) }, segment.text, label);
}

function renderSegments(segments, entitiesById) {
  return segments.map((s) => {
    if (s.kind === 'text') {
      return document.createTextNode(s.text);
    }
    if (s.kind === 'mark') {
      return renderMark(s, entitiesById);
    }
    const q = s.quote;
    const speaker = q.speakerName || (q.speakerEntityId && entitiesById.get(String(q.speakerEntityId))?.name);
    const quote = h('span', { class: 'quote', dataset: { speaker: speaker ? 'known' : 'unknown' } }, renderSegments(s.children, entitiesById));
    const tag = speaker
      ? (q.speakerEntityId
        ? h('a', { class: 'speaker', href: route('entity', q.speakerEntityId) }, h('span', { class: 'sr-only' }, 'quote by '), speaker)
        : h('span', { class: 'speaker' }, h('span', { class: 'sr-only' }, 'quote by '), speaker))
      : h('span', { class: 'speaker unknown' }, 'speaker unknown');
    // the tag is not part of the article's text: it sits in its own span after the quote
    return [quote, h('span', { class: 'speaker-tag' }, ' ', tag)];
  });
}

function entitiesPanel(entities) {
  const byType = new Map();
  for (const e of entities) {
    const type = ENTITY_TYPES.includes(e.type) ? e.type : 'MISC';
    byType.set(type, [...(byType.get(type) ?? []), e]);
  }
  const groups = ENTITY_TYPES.filter((t) => byType.has(t)).map((t) => h('div', { class: 'entity-group' },
    h('h3', {}, h('span', { class: ['dot', typeClass(t)], 'aria-hidden': 'true' }), `${typePlural(t)} (${byType.get(t).length})`),
    h('ul', { class: 'entity-list' }, byType.get(t)
      .sort((a, b) => (b.mentionCount ?? 0) - (a.mentionCount ?? 0))
      .map((e) => h('li', {},
        h('a', { href: route('entity', e.id), class: ['entity-name', typeClass(e.type)] }, String(e.name ?? e.id)),
        e.mentionCount ? h('span', { class: 'count', title: 'mentions in this article' }, ` ×${e.mentionCount}`) : null,
        asArray(e.aliases).filter((a) => a !== e.name).length
          ? h('span', { class: 'aliases' }, ` also: ${asArray(e.aliases).filter((a) => a !== e.name).slice(0, 4).join(', ')}`) : null,
        e.wikipedia ? [' ', wikipediaLink(e.wikipedia)] : null)))));
  return section('Entities', 'entities-heading', groups.length ? groups : h('p', { class: 'muted' }, 'No entities found.'));
}

function quotesPanel(quotes, entitiesById) {
  if (!quotes.length) {
    return null;
  }
  return section('Quotes', 'quotes-heading', h('ul', { class: 'quote-list' }, quotes.map((q) => {
    const speaker = q.speakerName || (q.speakerEntityId && entitiesById.get(String(q.speakerEntityId))?.name);
    return h('li', {}, h('figure', { class: 'quote-item' },
      h('blockquote', {}, String(q.text ?? '')),
      h('figcaption', {}, speaker
        ? ['— ', q.speakerEntityId ? h('a', { href: route('entity', q.speakerEntityId) }, speaker) : speaker]
        : 'speaker unknown',
      typeof q.confidence === 'number' ? h('span', { class: 'muted' }, ` (confidence ${Math.round(q.confidence * 100)} %)`) : null)));
  })));
}

function temporalsPanel(temporals) {
  if (!temporals.length) {
    return null;
  }
  return section('Dates and times', 'temporals-heading', h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'In the text'), h('th', { scope: 'col' }, 'Resolved'))),
    h('tbody', {}, temporals.map((t) => h('tr', {}, h('td', {}, String(t.text ?? '')), h('td', {}, String(t.value ?? '—')))))));
}

export function eventsList(events, entitiesById) {
  const name = (id) => entitiesById.get(String(id))?.name ?? String(id);
  return h('ul', { class: 'event-list' }, events.map((e) => h('li', { class: 'event' },
    h('p', { class: 'event-head' }, h('span', { class: 'event-type' }, String(e.type ?? 'event').replace(/_/g, ' ').toLowerCase()),
      e.time ? [' · ', h('span', { class: 'event-time' }, String(e.time))] : null,
      e.place ? [' · in ', entitiesById.has(String(e.place)) ? h('a', { href: route('entity', e.place) }, name(e.place)) : String(e.place)] : null),
    asArray(e.participants).length
      ? h('p', { class: 'participants' }, 'Who: ', asArray(e.participants).map((p, i) => [i ? ', ' : '',
        entitiesById.has(String(p)) ? h('a', { href: route('entity', p) }, name(p)) : String(p)]))
      : null,
    e.evidence ? h('blockquote', { class: 'evidence' }, String(e.evidence)) : null)));
}

export async function articlePage(ctx) {
  const id = ctx.args[0];
  ctx.root.append(loading());
  let a;
  try {
    a = await api(`/api/v1/articles/${encodeURIComponent(id ?? '')}`, { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    ctx.setTitle('Article');
    ctx.root.replaceChildren(h('h1', { class: 'page-title', tabindex: '-1' }, 'Article'), errorBox(e));
    return;
  }
  const ann = a.annotations ?? {};
  const entities = asArray(ann.entities).filter((e) => e && e.id);
  entities.forEach(rememberEntity);
  const entitiesById = new Map(entities.map((e) => [String(e.id), e]));
  const quotes = asArray(ann.quotes);
  const segments = articleSegments(a.text, { mentions: ann.mentions, temporals: ann.temporals, quotes });
  const title = a.title || 'Untitled article';
  ctx.setTitle(title);

  const header = h('header', { class: 'article-head' },
    h('p', { class: 'kicker' }, h('a', { href: '#/search' }, 'Search'), ' › article'),
    h('h1', { class: 'page-title', tabindex: '-1', id: 'article-title' }, title),
    h('p', { class: 'meta' },
      a.source ? h('a', { href: route('search', new URLSearchParams([['source', a.source]])), class: 'source' }, a.source) : null,
      a.publishedAt ? [' · ', time(a.publishedAt, true)] : null,
      a.byline ? [' · ', h('span', { class: 'byline' }, a.byline)] : null,
      a.language ? [' · ', h('span', {}, String(a.language).toUpperCase())] : null),
    h('p', { class: 'article-links' },
      // only http(s) addresses become links: a javascript: or data: URL in an article is shown as nothing
      externalUrl(a.url) ? [externalLink(a.url, 'Original article'), a.storyId ? ' · ' : ''] : null,
      a.storyId ? h('a', { href: route('story', a.storyId), id: 'story-link' }, 'The story across outlets') : null));
  const body = h('div', { class: 'article-text', id: 'article-text' }, renderSegments(segments, entitiesById));
  const sentiment = pick(ann.sentiment, 'label');
  const side = h('div', { class: 'article-side' },
    entitiesPanel(entities),
    quotesPanel(quotes, entitiesById),
    temporalsPanel(asArray(ann.temporals)),
    asArray(ann.events).length ? section('Events', 'events-heading', eventsList(asArray(ann.events), entitiesById)) : null,
    asArray(ann.keyphrases).length ? section('Key phrases', 'keyphrases-heading', h('ul', { class: 'chips' },
      asArray(ann.keyphrases).slice(0, 15).map((k) => h('li', {}, h('a', { class: 'chip', href: route('search', new URLSearchParams([['q', `"${String(k.text ?? k)}"`]])) },
        String(k.text ?? k)))))) : null,
    sentiment ? section('Tone', 'tone-heading', h('p', {}, `${sentiment}`, typeof ann.sentiment.score === 'number'
      ? ` (${ann.sentiment.score.toFixed(2)} on a scale from −1 to 1)` : '')) : null);
  const mentionsCount = asArray(ann.mentions).length;
  ctx.root.replaceChildren(h('article', { class: 'article-view' },
    header,
    h('div', { class: 'article-layout' },
      h('section', { class: 'article-main', 'aria-labelledby': 'article-title' },
        legend(),
        h('p', { class: 'sr-only' }, `${plural(mentionsCount, 'entity mention')} and ${plural(quotes.length, 'quote')} are marked in the text.`),
        body,
        entities.length ? h('p', { class: 'entity-chips-label muted' }, 'Main entities: ') : null,
        entities.length ? h('ul', { class: 'chips' }, [...entities].sort((x, y) => (y.mentionCount ?? 0) - (x.mentionCount ?? 0))
          .slice(0, 10).map((e) => h('li', {}, entityChip(e)))) : null),
      side)));
}
