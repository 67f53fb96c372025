// Search: query, filters (entity chips, type, source, language, date range), sort, paging, facets and the date
// histogram. The whole state is in the URL hash; every change is a navigation.
import { api } from '../api.js';
import { h, route, plural, typeClass, typeLabel, typePlural, announce, asArray, ENTITY_TYPES } from '../dom.js';
import { readSearch, writeSearch, apiQuery, withChange, toggle } from '../params.js';
import { bucketRange } from '../text.js';
import { barChart } from '../charts/bars.js';
import { errorBox, loading, hitCard, rememberEntity, knownEntity } from './common.js';

const PAGE_SIZE = 10;
const LANGUAGES = [['en', 'English'], ['de', 'German'], ['fr', 'French'], ['es', 'Spanish'], ['it', 'Italian'],
  ['pt', 'Portuguese'], ['nl', 'Dutch'], ['ru', 'Russian'], ['uk', 'Ukrainian'], ['zh', 'Chinese'], ['ar', 'Arabic']];

const link = (state) => route('search', writeSearch(state));

function select(id, label, value, options, key) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id, dataset: { key } },
      options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text))));
}

function searchForm(state) {
  const form = h('form', { class: 'search-form', role: 'search', 'aria-label': 'Search articles', id: 'search-form' },
    h('div', { class: 'field query' },
      h('label', { for: 'q' }, 'Words, "phrases", AND / OR / NOT'),
      h('div', { class: 'query-row' },
        h('input', { id: 'q', name: 'q', type: 'search', value: state.q ?? '', autocomplete: 'off', spellcheck: 'false',
          maxlength: '500', dataset: { key: 'q' } }),
        h('button', { type: 'submit', class: 'button', dataset: { key: 'submit' } }, 'Search'))),
    h('div', { class: 'filters-row' },
      select('type', 'Mentions an entity of type', state.type, [['', 'Any type'], ...ENTITY_TYPES.map((t) => [t, typeLabel(t)])], 'type'),
      select('language', 'Language', state.language,
        [['', 'Any language'], ...LANGUAGES, ...(state.language && !LANGUAGES.some(([c]) => c === state.language) ? [[state.language, state.language]] : [])],
        'language'),
      h('div', { class: 'field' }, h('label', { for: 'from' }, 'Published from'),
        h('input', { id: 'from', name: 'from', type: 'date', value: state.from ?? '', dataset: { key: 'from' } })),
      h('div', { class: 'field' }, h('label', { for: 'to' }, 'to'),
        h('input', { id: 'to', name: 'to', type: 'date', value: state.to ?? '', dataset: { key: 'to' } })),
      select('sort', 'Sort by', state.sort ?? '', [['', 'Best match'], ['relevance', 'Relevance'], ['date', 'Newest first']], 'sort')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = withChange(state, {
      q: String(data.get('q') ?? '').trim() || undefined,
      type: data.get('type') || undefined,
      language: data.get('language') || undefined,
      from: data.get('from') || undefined,
      to: data.get('to') || undefined,
      sort: data.get('sort') || undefined,
    });
    location.hash = link(next);
  });
  return form;
}

function activeFilters(state) {
  const chips = [];
  const remove = (label, next, cls = '') => h('li', {}, h('a', { class: ['chip', 'removable', cls], href: link(next), 'aria-label': `Remove filter ${label}` },
    label, h('span', { class: 'remove', 'aria-hidden': 'true' }, '×')));
  for (const id of state.entity) {
    const known = knownEntity(id);
    chips.push(remove(known ? known.name : id, withChange(state, { entity: state.entity.filter((e) => e !== id) }), known ? typeClass(known.type) : 'type-misc'));
  }
  for (const s of state.source) {
    chips.push(remove(`outlet: ${s}`, withChange(state, { source: state.source.filter((x) => x !== s) })));
  }
  if (state.type) {
    chips.push(remove(`type: ${typeLabel(state.type)}`, withChange(state, { type: undefined })));
  }
  if (state.language) {
    chips.push(remove(`language: ${state.language}`, withChange(state, { language: undefined })));
  }
  if (state.from || state.to) {
    chips.push(remove(`dates: ${state.from ?? '…'} – ${state.to ?? '…'}`, withChange(state, { from: undefined, to: undefined })));
  }
  if (!chips.length) {
    return null;
  }
  return h('div', { class: 'active-filters' },
    h('h2', { class: 'sr-only' }, 'Active filters'),
    h('ul', { class: 'chips', id: 'active-filters' }, chips),
    h('a', { href: link({ q: state.q, entity: [], source: [], page: 1 }), class: 'clear-filters' }, 'Clear filters'));
}

function facetList(items, render) {
  return h('ul', { class: 'facet-list' }, items.map((item) => h('li', {}, ...render(item))));
}

function facets(data, state) {
  const f = data.facets ?? {};
  const aside = h('aside', { class: 'facets', 'aria-label': 'Refine the search' });
  const dates = asArray(f.dates);
  aside.append(barChart({
    id: 'date-histogram',
    title: 'Published',
    width: 320,
    height: 160,
    points: dates.map((d) => ({ date: String(d.date ?? ''), count: d.count })),
    interval: f.dateInterval ?? 'day',
    link: (p) => {
      const range = bucketRange(p.date, f.dateInterval ?? 'day');
      return range ? link(withChange(state, { from: range[0], to: range[1] })) : null;
    },
  }));
  if (typeof f.sampledArticles === 'number') {
    // very large matches: outlet and entity counts are estimates from an even sample (the total and dates are exact)
    aside.append(h('p', { class: 'facet-note', id: 'facet-sample-note' },
      `Outlet and entity counts estimated from ${f.sampledArticles.toLocaleString('en')} of the matching articles.`));
  }
  const sources = asArray(f.sources);
  if (sources.length) {
    aside.append(h('section', { class: 'facet', 'aria-labelledby': 'facet-sources' },
      h('h2', { id: 'facet-sources' }, 'Outlets'),
      facetList(sources.slice(0, 12), (s) => {
        const name = String(s.name ?? '');
        const on = state.source.includes(name);
        return [h('a', { href: link(withChange(state, { source: toggle(state.source, name) })), class: on ? 'on' : null,
          dataset: { key: `facet-source-${name}` },
          'aria-label': `${on ? 'Remove outlet filter' : 'Only outlet'} ${name}, ${plural(s.count, 'article')}` },
        h('span', { class: 'facet-name' }, name), h('span', { class: 'count' }, String(s.count)))];
      })));
  }
  const byType = f.entities ?? {};
  for (const type of [...ENTITY_TYPES, ...Object.keys(byType).filter((t) => !ENTITY_TYPES.includes(t))]) {
    const items = asArray(byType[type]);
    if (!items.length) {
      continue;
    }
    items.forEach((e) => rememberEntity({ ...e, type }));
    const headingId = `facet-${typeClass(type)}`;
    aside.append(h('section', { class: 'facet', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, h('span', { class: ['dot', typeClass(type)], 'aria-hidden': 'true' }), typePlural(type)),
      facetList(items.slice(0, 8), (e) => {
        const id = String(e.id);
        const on = state.entity.includes(id);
        return [
          h('a', { href: link(withChange(state, { entity: toggle(state.entity, id) })), class: on ? 'on' : null,
            dataset: { key: `facet-entity-${id}` },
            'aria-label': `${on ? 'Remove filter' : 'Only articles mentioning'} ${e.name}, ${plural(e.count, 'article')}` },
          h('span', { class: 'facet-name' }, String(e.name ?? id)), h('span', { class: 'count' }, String(e.count))),
          h('a', { href: route('entity', id), class: 'profile-link', 'aria-label': `${e.name}: entity profile` }, 'profile'),
        ];
      })));
  }
  return aside;
}

function pager(data, state) {
  const size = data.size || PAGE_SIZE;
  const pages = Math.min(10000, Math.max(1, Math.ceil((data.total ?? 0) / size)));
  if (pages <= 1) {
    return null;
  }
  const page = Math.min(state.page, pages);
  return h('nav', { class: 'pager', 'aria-label': 'Result pages' },
    page > 1 ? h('a', { href: link({ ...state, page: page - 1 }), rel: 'prev', dataset: { key: 'prev' } }, '← Previous') : h('span', { class: 'disabled' }, '← Previous'),
    h('span', { class: 'page-of', 'aria-current': 'page' }, `Page ${page} of ${pages.toLocaleString('en-GB')}`),
    page < pages ? h('a', { href: link({ ...state, page: page + 1 }), rel: 'next', dataset: { key: 'next' } }, 'Next →') : h('span', { class: 'disabled' }, 'Next →'));
}

function saveAlert(state) {
  const status = h('span', { class: 'save-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'button secondary', id: 'save-alert', dataset: { key: 'save-alert' } }, 'Save as alert');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Saving…';
    try {
      const name = state.q || state.entity.map((id) => knownEntity(id)?.name ?? id).join(', ') || 'All articles';
      const alert = await api('/api/v1/alerts', { method: 'POST', body: {
        name: name.slice(0, 200), q: state.q ?? null, entity: state.entity, source: state.source, type: state.type ?? null,
        language: state.language ?? null,
      } });
      status.textContent = 'Saved. ';
      if (alert?.id) {
        status.append(h('a', { href: route('alert', alert.id) }, 'Watch it live'));
      }
    } catch (e) {
      status.textContent = `Not saved: ${e.message}`;
      button.disabled = false;
    }
  });
  return h('div', { class: 'save-alert' }, button, ' ', status);
}

export async function searchPage(ctx, settleFocus) {
  const state = readSearch(ctx.params);
  ctx.setTitle(state.q ? `“${state.q}” – search` : 'Search');
  const { root } = ctx;
  root.append(h('h1', { class: 'page-title', tabindex: '-1' }, 'Search articles'), searchForm(state));
  const filterSlot = h('div', {});
  const layout = h('div', { class: 'search-layout' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' }, loading('Searching…'));
  layout.append(results);
  root.append(filterSlot, layout);
  let data;
  try {
    data = await api('/api/v1/articles', { params: apiQuery(state, PAGE_SIZE), signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    results.replaceChildren(h('h2', { id: 'results-heading', class: 'sr-only' }, 'Results'), errorBox(e));
    return;
  }
  const hits = asArray(data.hits);
  const total = Number(data.total ?? hits.length);
  const aside = facets(data, state);
  const filters = activeFilters(state);
  if (filters) {
    filterSlot.replaceWith(filters);
  }
  results.replaceChildren(
    h('div', { class: 'results-head' },
      h('h2', { id: 'results-heading', tabindex: '-1' }, total === 0 ? 'No articles found' : plural(total, 'article')),
      saveAlert(state)),
    hits.length
      ? h('ol', { class: 'hits', id: 'hits', start: String((Math.max(1, state.page) - 1) * (data.size || PAGE_SIZE) + 1) },
        hits.map((hit) => h('li', {}, hitCard(hit))))
      : h('p', { class: 'empty' }, state.q || state.entity.length || state.source.length
        ? 'Nothing matches. Try fewer words, OR between alternatives, or remove a filter.'
        : 'No articles yet.'),
    pager(data, state) ?? '');
  layout.append(aside);
  announce(total === 0 ? 'No articles found' : `${plural(total, 'article')} found`);
  settleFocus(root.querySelector('#results-heading'));
}
