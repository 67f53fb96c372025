// A story: the same event across outlets, side by side, and the points where the outlets disagree, with the
// sentences and outlets on each side.
import { api } from '../api.js';
import { h, route, time, asArray, pick, plural } from '../dom.js';
import { errorBox, loading, rememberEntity, section, entityChip, snippet } from './common.js';
import { eventsList } from './article.js';

function articleSummary(a) {
  return h('li', { class: 'story-article' },
    h('h4', {}, h('a', { href: route('article', a.id) }, String(a.title || 'Untitled article'))),
    h('p', { class: 'meta' }, a.publishedAt ? time(a.publishedAt, true) : null, a.byline ? [' · ', String(a.byline)] : null),
    a.snippet ? snippet(a.snippet) : pick(a, 'lede', 'summary', 'lead') ? h('p', { class: 'snippet' }, String(pick(a, 'lede', 'summary', 'lead'))) : null);
}

function sentenceOf(s, articlesById) {
  if (typeof s === 'string') {
    return { text: s };
  }
  const articleId = pick(s, 'articleId', 'article');
  return { text: String(pick(s, 'text', 'sentence') ?? ''), article: articlesById.get(String(articleId)), source: pick(s, 'source') };
}

function disagreement(d, i, articlesById) {
  const sides = asArray(d.sides);
  const headingId = `disagreement-${i}`;
  return h('article', { class: 'disagreement', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, String(d.topic ?? 'A point of disagreement')),
    d.kind || d.type ? h('p', { class: 'muted' }, String(d.kind ?? d.type).toLowerCase()) : null,
    h('div', { class: 'sides' }, sides.map((side) => {
      const outlets = [...new Set(asArray(side.articleIds).map((id) => articlesById.get(String(id))?.source).filter(Boolean)
        .concat(asArray(side.sources).map(String)))];
      return h('section', { class: 'side', 'aria-label': `${String(side.value ?? '')} according to ${outlets.join(', ') || 'some outlets'}` },
        h('p', { class: 'side-value' }, String(side.value ?? '')),
        h('p', { class: 'side-outlets' }, outlets.length ? `${outlets.length === 1 ? 'Outlet' : 'Outlets'}: ${outlets.join(', ')}` : ''),
        h('ul', { class: 'side-sentences' }, asArray(side.sentences).map((s) => {
          const sentence = sentenceOf(s, articlesById);
          return h('li', {}, h('blockquote', {}, sentence.text),
            sentence.article ? h('p', { class: 'muted' }, '— ', h('a', { href: route('article', sentence.article.id) }, sentence.article.source ?? sentence.article.title ?? 'article')) : null);
        })));
    })));
}

export async function storyPage(ctx) {
  const id = ctx.args[0] ?? '';
  ctx.root.append(loading());
  let story;
  try {
    story = await api(`/api/v1/stories/${encodeURIComponent(id)}`, { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    ctx.setTitle('Story');
    ctx.root.replaceChildren(h('h1', { class: 'page-title', tabindex: '-1' }, 'Story'), errorBox(e));
    return;
  }
  const articles = asArray(story.articles).filter((a) => a && a.id)
    .sort((a, b) => String(a.publishedAt ?? '').localeCompare(String(b.publishedAt ?? '')));
  const articlesById = new Map(articles.map((a) => [String(a.id), a]));
  const entities = asArray(story.entities);
  entities.forEach(rememberEntity);
  const title = String(pick(story, 'title', 'headline', 'label') ?? articles[0]?.title ?? 'Story');
  ctx.setTitle(title);

  // outlets side by side: one column per outlet, in the order they first reported
  const byOutlet = new Map();
  for (const a of articles) {
    const outlet = String(a.source ?? 'Unknown outlet');
    byOutlet.set(outlet, [...(byOutlet.get(outlet) ?? []), a]);
  }
  const from = pick(story, 'firstPublishedAt', 'from', 'start', 'startedAt') ?? articles[0]?.publishedAt;
  const to = pick(story, 'lastPublishedAt', 'to', 'end', 'updatedAt') ?? articles[articles.length - 1]?.publishedAt;
  const disagreements = asArray(story.disagreements);
  const events = asArray(story.events);
  const entitiesById = new Map(entities.filter((e) => e && e.id).map((e) => [String(e.id), e]));

  ctx.root.replaceChildren(h('div', { class: 'story-view' },
    h('header', {},
      h('p', { class: 'kicker' }, 'Story'),
      h('h1', { class: 'page-title', tabindex: '-1' }, title),
      h('p', { class: 'meta' }, plural(articles.length, 'article'), ' from ', plural(byOutlet.size, 'outlet'),
        from ? [' · ', time(from), to && to !== from ? [' – ', time(to)] : null] : null)),
    entities.length ? h('ul', { class: 'chips', 'aria-label': 'Key entities' }, entities.slice(0, 14).map((e) => h('li', {}, entityChip(e)))) : null,
    section('Where the outlets disagree', 'disagreements-heading',
      disagreements.length
        ? h('div', { class: 'disagreements', id: 'disagreements' }, disagreements.map((d, i) => disagreement(d, i, articlesById)))
        : h('p', { class: 'muted' }, articles.length > 1 ? 'The outlets agree on the facts found so far.' : 'Only one article so far.')),
    section('The outlets side by side', 'outlets-heading',
      h('div', { class: 'outlets', id: 'outlets' }, [...byOutlet.entries()].map(([outlet, list]) =>
        h('section', { class: 'outlet', 'aria-label': outlet }, h('h3', {}, outlet), h('ul', { class: 'outlet-articles' }, list.map(articleSummary)))))),
    events.length ? section('Events', 'story-events-heading', eventsList(
      [...events].sort((a, b) => String(a.time ?? '').localeCompare(String(b.time ?? ''))), entitiesById)) : null));
}
