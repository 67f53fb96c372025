// Pieces shared by the pages.
import { h, route, time, typeClass, typeLabel, pick, asArray } from '../dom.js';
import { snippetParts } from '../text.js';
import { ApiError } from '../api.js';

/** Entity names seen in any answer, so a filter chip can name an entity the current page only knows by id. */
const entityNames = new Map();

export function rememberEntity(e) {
  if (e && e.id && typeof e.name === 'string') {
    entityNames.set(String(e.id), { name: e.name, type: e.type });
  }
}

export function knownEntity(id) {
  return entityNames.get(String(id));
}

export function errorBox(error) {
  const notFound = error instanceof ApiError && error.status === 404;
  return h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, notFound ? 'Not found' : error instanceof ApiError ? error.title : 'Something went wrong'),
    error instanceof ApiError && error.detail ? h('p', {}, error.detail) : null,
    !(error instanceof ApiError) ? h('p', {}, 'The page could not be shown. Reload to try again.') : null);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'status', role: 'status' }, text);
}

/** The search snippet: only <mark> is rebuilt from the server's HTML-escaped text; the rest is text nodes. */
export function snippet(value) {
  const p = h('p', { class: 'snippet' });
  for (const part of snippetParts(value)) {
    p.append(part.mark ? h('mark', {}, part.text) : document.createTextNode(part.text));
  }
  return p;
}

export function entityChip(e, { link = true } = {}) {
  const name = String(pick(e, 'name', 'canonicalName') ?? e.id);
  const content = [h('span', { class: 'sr-only' }, `${typeLabel(e.type)}: `), name];
  return link && e.id
    ? h('a', { class: ['chip', typeClass(e.type)], href: route('entity', e.id), title: typeLabel(e.type) }, ...content)
    : h('span', { class: ['chip', typeClass(e.type)] }, ...content);
}

/** One search hit or article summary: title link, outlet and date, snippet, entities, story. */
export function hitCard(hit, { headingLevel = 'h3', showStory = true } = {}) {
  asArray(hit.entities).forEach(rememberEntity);
  const title = hit.title || 'Untitled article';
  return h('article', { class: 'hit' },
    h(headingLevel, { class: 'hit-title' }, h('a', { href: route('article', hit.id) }, title)),
    h('p', { class: 'meta' },
      hit.source ? h('span', { class: 'source' }, hit.source) : null,
      hit.publishedAt ? [' · ', time(hit.publishedAt)] : null,
      hit.language ? [' · ', h('span', { class: 'lang' }, String(hit.language).toUpperCase())] : null),
    hit.snippet ? snippet(hit.snippet) : null,
    asArray(hit.entities).length
      ? h('ul', { class: 'chips', 'aria-label': 'Entities in this article' },
        asArray(hit.entities).slice(0, 8).map((e) => h('li', {}, entityChip(e))))
      : null,
    showStory && hit.storyId
      ? h('p', { class: 'story-link' }, h('a', { href: route('story', hit.storyId) }, 'Coverage of this story across outlets'))
      : null);
}

export function section(title, id, ...children) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Highlight colours' },
    ['PERSON', 'ORGANIZATION', 'LOCATION', 'DATE', 'EQUIPMENT', 'MISC'].map((t) =>
      h('li', {}, h('span', { class: ['mention', 'swatch', typeClass(t)] }, typeLabel(t)))),
    h('li', {}, h('span', { class: 'quote swatch' }, 'quote')),
    h('li', {}, h('span', { class: 'temporal swatch' }, 'time expression')));
}
