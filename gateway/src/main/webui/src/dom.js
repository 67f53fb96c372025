// DOM building without HTML parsing. Every piece of data (article text, titles, sources, entity names, quotes)
// reaches the page as a text node or an attribute value set through the DOM: nothing here ever assigns
// innerHTML/outerHTML or calls insertAdjacentHTML, so hostile text cannot become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Attributes that must never be set from data: event handlers and style (the CSP forbids inline style too). */
function assertSafeAttribute(name) {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
    throw new Error(`refusing to set attribute ${name}`);
  }
}

function append(parent, child) {
  if (child === null || child === undefined || child === false) {
    return;
  }
  if (Array.isArray(child)) {
    child.forEach((c) => append(parent, c));
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        el.addEventListener(event, handler);
      }
    } else if (key === 'href' || key === 'src' || key === 'action') {
      el.setAttribute(key, value instanceof SafeUrl ? value.url : internalHref(value));
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      assertSafeAttribute(key);
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** h('a', {href: '#/x', class: 'y'}, 'text', child...) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) {
    el.removeChild(el.firstChild);
  }
  return el;
}

/** A URL checked to be http(s), for links that leave the app (an article's original page). */
export class SafeUrl {
  constructor(url) {
    this.url = url;
  }
}

/** Returns a SafeUrl for an absolute http(s) URL from data, or null for anything else (javascript:, data:, ...). */
export function externalUrl(value) {
  if (typeof value !== 'string' || value.length > 4096) {
    return null;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? new SafeUrl(url.href) : null;
  } catch {
    return null;
  }
}

/** Links inside the app are hash routes or paths of the gateway; anything else from code is a bug. */
function internalHref(value) {
  const s = String(value);
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) {
    return s;
  }
  throw new Error(`not an internal link: ${s}`);
}

/** A link to another site, opened safely. */
export function externalLink(url, ...children) {
  const safe = externalUrl(url);
  if (!safe) {
    return h('span', { class: 'unsafe-url' }, ...children);
  }
  return h('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'external' }, ...children,
    h('span', { class: 'sr-only' }, ' (opens in a new tab)'));
}

/** Builds a hash route: route('article', id) → '#/article/<encoded id>', with optional query parameters. */
export function route(...parts) {
  let params = null;
  if (parts.length && parts[parts.length - 1] instanceof URLSearchParams) {
    params = parts.pop();
  }
  const path = '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  const query = params ? params.toString() : '';
  return query ? `${path}?${query}` : path;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});

/** A <time> element for an ISO instant or date, or null. */
export function time(iso, withTime = false) {
  if (!iso) {
    return null;
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return h('span', {}, String(iso));
  }
  return h('time', { datetime: d.toISOString() }, (withTime ? dateTimeFormat : dateFormat).format(d));
}

export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'DATE', 'EQUIPMENT', 'MISC'];
const TYPE_LABELS = {
  PERSON: 'person', ORGANIZATION: 'organisation', LOCATION: 'place', DATE: 'date', EQUIPMENT: 'equipment', MISC: 'other',
};

const TYPE_PLURALS = {
  PERSON: 'People', ORGANIZATION: 'Organisations', LOCATION: 'Places', DATE: 'Dates', EQUIPMENT: 'Equipment', MISC: 'Other',
};

export function typePlural(type) {
  return TYPE_PLURALS[type] ?? 'Other';
}

export function typeLabel(type) {
  return TYPE_LABELS[type] ?? 'other';
}

/** A CSS class for an entity type; unknown types (hostile or new) fall back to 'misc'. */
export function typeClass(type) {
  return `type-${TYPE_LABELS[type] ? String(type).toLowerCase() : 'misc'}`;
}

/** A message for screen readers through the polite live region. */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (el) {
    el.textContent = '';
    setTimeout(() => { el.textContent = message; }, 50);
  }
}

export function plural(n, one, many = `${one}s`) {
  return `${Number(n).toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function asArray(value) {
  return Array.isArray(value) ? value : [];
}

/** The first defined of several field names: the API's shapes are fixed for some fields, open for others. */
export function pick(obj, ...names) {
  for (const n of names) {
    if (obj && obj[n] !== undefined && obj[n] !== null) {
      return obj[n];
    }
  }
  return undefined;
}
