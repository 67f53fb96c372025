// The analyst UI: session check, hash routing and page lifecycle.
import { api, ApiError, onSessionLost } from './api.js';
import { h, clear, announce } from './dom.js';
import { searchPage } from './pages/search.js';
import { articlePage } from './pages/article.js';
import { entityPage } from './pages/entity.js';
import { storyPage } from './pages/story.js';
import { alertsPage, alertLivePage } from './pages/alerts.js';
import { errorBox } from './pages/common.js';

const ROUTES = {
  search: searchPage,
  article: articlePage,
  entity: entityPage,
  story: storyPage,
  alerts: alertsPage,
  alert: alertLivePage,
};
const NAV_OF = { search: 'search', article: 'search', entity: 'search', story: 'search', alerts: 'alerts', alert: 'alerts' };

const main = document.getElementById('main');
let me = null;
let current = null;
let rendered = 0;

function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  let segments;
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    segments = ['not-found'];
  }
  if (!segments.length) {
    segments = ['search'];
  }
  return { name: segments[0], args: segments.slice(1), params };
}

function renderSession() {
  const box = clear(document.getElementById('session'));
  if (me) {
    box.append(
      h('span', { class: 'user' }, h('span', { class: 'sr-only' }, 'Logged in as '), h('span', { id: 'user-name' }, me.name || me.username)),
      h('a', { href: '/logout', class: 'button secondary', id: 'logout' }, 'Log out'));
  } else {
    box.append(h('a', { href: '/login', class: 'button', id: 'login' }, 'Log in'));
  }
  document.querySelector('.site-nav').hidden = !me;
}

function loginPage(root, expired) {
  document.title = 'Log in – newslens';
  root.append(
    h('h1', { class: 'page-title', tabindex: '-1' }, expired ? 'Your session has ended' : 'newslens'),
    h('p', { class: 'lead' }, expired
      ? 'Log in again to go on where you were.'
      : 'Search the news, read articles with their people, places and quotes marked, follow entities and stories across outlets, and see where outlets disagree.'),
    h('p', {}, h('a', { href: '/login', class: 'button large', id: 'login-main' }, 'Log in')),
    h('p', { class: 'muted' }, 'You log in with your newslens account (Keycloak). Analysts need the analyst role.'));
}

function setNav(name) {
  for (const a of document.querySelectorAll('.site-nav a')) {
    if (a.dataset.nav === NAV_OF[name]) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
}

async function render() {
  const { name, args, params } = parseHash();
  const previous = current;
  const focusKey = document.activeElement?.dataset?.key;
  if (previous) {
    previous.controller.abort();
    previous.cleanup?.();
  }
  const controller = new AbortController();
  current = { name, controller, cleanup: null };
  const first = rendered++ === 0;
  const root = h('div', { class: `page page-${ROUTES[name] ? name : 'missing'}` });
  clear(main).append(root);
  setNav(name);
  if (!me) {
    loginPage(root, false);
    return;
  }
  if (!me.roles?.some((r) => r === 'analyst' || r === 'admin')) {
    root.append(h('h1', { class: 'page-title', tabindex: '-1' }, 'No access'),
      h('p', {}, 'Your account does not hold the analyst role, which reading and searching needs. Ask an administrator for it.'));
    return;
  }
  const page = ROUTES[name];
  const ctx = {
    root, args, params, signal: controller.signal,
    setTitle: (title) => { document.title = `${title} – newslens`; },
    onLeave: (fn) => { current.cleanup = fn; },
  };
  // focus: the changed page's heading after navigation; the same control when a page re-renders itself
  let settled = false;
  const settleFocus = (samePageFallback) => {
    if (first || settled || controller.signal.aborted) {
      return;
    }
    settled = true;
    const samePage = previous?.name === name;
    const same = samePage && focusKey && root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
    const target = same || (samePage && samePageFallback) || root.querySelector('h1') || main;
    target.focus({ preventScroll: Boolean(same) });
    if (!samePage) {
      window.scrollTo(0, 0);
    }
  };
  if (!page) {
    document.title = 'Not found – newslens';
    root.append(h('h1', { class: 'page-title', tabindex: '-1' }, 'Page not found'),
      h('p', {}, h('a', { href: '#/search' }, 'Go to search')));
    settleFocus();
    return;
  }
  try {
    await page(ctx, settleFocus);
    if (!controller.signal.aborted) {
      settleFocus();
      root.dataset.loaded = 'true';
    }
  } catch (e) {
    if (e.name !== 'AbortError') {
      console.error(e);
      root.append(errorBox(e));
    }
  }
}

function sessionLost() {
  me = null;
  renderSession();
  const root = h('div', { class: 'page page-login' });
  clear(main).append(root);
  loginPage(root, true);
  root.querySelector('h1').focus();
  announce('Your session has ended. Log in again.');
}

async function boot() {
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  onSessionLost(sessionLost);
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    if (!(e instanceof ApiError && e.needsLogin)) {
      clear(main).append(errorBox(e));
      return;
    }
    me = null;
  }
  renderSession();
  window.addEventListener('hashchange', render);
  await render();
  document.body.dataset.ready = 'true';
}

boot();
