// Alerts: saved searches, and one alert watched live. New matching articles arrive as Server-Sent Events
// (EventSource sends the session cookie; the gateway streams the backend's answer without buffering).
import { api } from '../api.js';
import { h, route, announce, asArray, pick, plural } from '../dom.js';
import { errorBox, loading, hitCard, knownEntity } from './common.js';

/** The saved search of an alert, whatever nesting the API uses. */
function criteria(alert) {
  const q = alert.query && typeof alert.query === 'object' ? alert.query : alert;
  const list = (v) => (Array.isArray(v) ? v : v ? [v] : []).map(String);
  return {
    q: typeof q.q === 'string' ? q.q : typeof alert.query === 'string' ? alert.query : undefined,
    entity: list(pick(q, 'entity', 'entities', 'entityIds')),
    source: list(pick(q, 'source', 'sources')),
    type: pick(q, 'type'),
    language: pick(q, 'language'),
  };
}

function describe(c) {
  const parts = [];
  if (c.q) {
    parts.push(`“${c.q}”`);
  }
  if (c.entity.length) {
    parts.push(`mentions ${c.entity.map((id) => knownEntity(id)?.name ?? id).join(' and ')}`);
  }
  if (c.source.length) {
    parts.push(`from ${c.source.join(' or ')}`);
  }
  if (c.type) {
    parts.push(`mentions a ${String(c.type).toLowerCase()}`);
  }
  if (c.language) {
    parts.push(`in ${c.language}`);
  }
  return parts.join(', ') || 'every new article';
}

function searchLink(c) {
  const p = new URLSearchParams();
  if (c.q) {
    p.set('q', c.q);
  }
  c.entity.forEach((e) => p.append('entity', e));
  c.source.forEach((s) => p.append('source', s));
  if (c.type) {
    p.set('type', c.type);
  }
  if (c.language) {
    p.set('language', c.language);
  }
  return route('search', p);
}

function newAlertForm(onCreated) {
  const status = h('p', { class: 'save-status', role: 'status' });
  const form = h('form', { class: 'inline-form', id: 'new-alert' },
    h('div', { class: 'field' }, h('label', { for: 'alert-name' }, 'Name'), h('input', { id: 'alert-name', name: 'name', required: true, maxlength: '200' })),
    h('div', { class: 'field' }, h('label', { for: 'alert-q' }, 'Words to watch for'),
      h('input', { id: 'alert-q', name: 'q', type: 'search', required: true, maxlength: '500' })),
    h('button', { type: 'submit', class: 'button' }, 'Create alert'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    status.textContent = 'Saving…';
    try {
      const created = await api('/api/v1/alerts', { method: 'POST', body: { name: String(data.get('name')).trim(), q: String(data.get('q')).trim(),
        entity: [], source: [], type: null, language: null } });
      status.textContent = 'Alert created.';
      onCreated(created);
    } catch (e) {
      status.textContent = `Not saved: ${e.message}`;
    }
  });
  return form;
}

export async function alertsPage(ctx) {
  ctx.setTitle('Alerts');
  const list = h('div', { id: 'alert-list' }, loading());
  ctx.root.append(h('h1', { class: 'page-title', tabindex: '-1' }, 'Alerts'),
    h('p', { class: 'lead' }, 'Saved searches that tell you about new matching articles as they arrive. Save one from any search, or create one here.'),
    list,
    h('section', { class: 'panel', 'aria-labelledby': 'new-alert-heading' }, h('h2', { id: 'new-alert-heading' }, 'New alert'),
      newAlertForm((created) => {
        if (created?.id) {
          location.hash = route('alert', created.id);
        }
      })));
  let data;
  try {
    data = await api('/api/v1/alerts', { signal: ctx.signal });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    list.replaceChildren(errorBox(e));
    return;
  }
  const items = asArray(data?.items ?? data);
  if (!items.length) {
    list.replaceChildren(h('p', { class: 'empty' }, 'No alerts yet.'));
    return;
  }
  list.replaceChildren(h('ul', { class: 'alert-list' }, items.map((alert) => {
    const c = criteria(alert);
    const item = h('li', { class: 'alert-item' },
      h('h2', {}, h('a', { href: route('alert', alert.id) }, String(alert.name ?? 'Alert'))),
      h('p', { class: 'muted' }, describe(c)),
      h('p', { class: 'actions' },
        h('a', { href: route('alert', alert.id), class: 'button' }, 'Watch live'), ' ',
        h('a', { href: searchLink(c), class: 'button secondary' }, 'Matches so far'), ' '));
    const remove = h('button', { type: 'button', class: 'button danger', 'aria-label': `Delete alert ${alert.name ?? ''}` }, 'Delete');
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      try {
        await api(`/api/v1/alerts/${encodeURIComponent(alert.id)}`, { method: 'DELETE' });
        item.remove();
        announce('Alert deleted');
      } catch (e) {
        remove.disabled = false;
        announce(`Not deleted: ${e.message}`);
      }
    });
    item.querySelector('.actions').append(remove);
    return item;
  })));
}

export async function alertLivePage(ctx) {
  const id = ctx.args[0] ?? '';
  ctx.setTitle('Live alert');
  const heading = h('h1', { class: 'page-title', tabindex: '-1' }, 'Alert');
  const description = h('p', { class: 'muted' });
  const status = h('p', { class: 'live-status', id: 'live-status', role: 'status' }, 'Connecting…');
  const arrivals = h('ol', { class: 'hits live', id: 'live-hits', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const empty = h('p', { class: 'empty', id: 'live-empty' }, 'New matching articles will appear here as soon as they are searchable.');
  ctx.root.append(h('p', { class: 'kicker' }, h('a', { href: '#/alerts' }, 'Alerts'), ' › live'), heading, description, status, empty, arrivals);

  let source = null;
  ctx.onLeave(() => source?.close());
  const seen = new Set();
  const onArticle = (event) => {
    let hit;
    try {
      hit = JSON.parse(event.data);
    } catch {
      return;
    }
    hit = hit?.article ?? hit?.hit ?? hit;
    if (!hit || typeof hit.id !== 'string' || seen.has(hit.id)) {
      return;
    }
    seen.add(hit.id);
    empty.hidden = true;
    arrivals.prepend(h('li', { class: 'arrival' }, hitCard(hit)));
    status.textContent = `Live · ${plural(seen.size, 'new article')} since you opened this page`;
  };
  source = new EventSource(`/api/v1/alerts/${encodeURIComponent(id)}/stream`);
  source.addEventListener('open', () => {
    status.textContent = seen.size ? `Live · ${plural(seen.size, 'new article')} since you opened this page` : 'Live · waiting for new articles';
    status.dataset.state = 'open';
  });
  source.addEventListener('error', () => {
    status.textContent = source.readyState === EventSource.CLOSED ? 'Disconnected. Reload the page to reconnect.' : 'Reconnecting…';
    status.dataset.state = 'error';
  });
  source.addEventListener('message', onArticle);
  source.addEventListener('article', onArticle);

  try {
    const alert = await api(`/api/v1/alerts/${encodeURIComponent(id)}`, { signal: ctx.signal });
    heading.textContent = String(alert?.name ?? 'Alert');
    description.textContent = `New articles: ${describe(criteria(alert ?? {}))}.`;
    ctx.setTitle(`${alert?.name ?? 'Alert'} (live)`);
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    source.close();
    status.replaceWith(errorBox(e));
  }
}
