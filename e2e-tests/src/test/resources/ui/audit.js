// Checks run inside the page by the browser tests (Browser.audit). Each function returns plain data.

/** Elements that only hostile article content could have put there: markup from data, handlers, script URLs. */
function injectedElements() {
  const selector = [
    'main script', 'main iframe', 'main object', 'main embed', 'main style', 'main link', 'main img', 'main video', 'main audio',
    'main form:not(#search-form):not(#new-alert)', 'main b', 'main marquee', 'main meta',
    '[onerror]', '[onload]', '[onclick]', '[onmouseover]', '[onfocus]', '[onanimationstart]', '[style]', '[srcdoc]',
    'a[href^="javascript:" i]', 'a[href^="data:" i]', 'a[href^="vbscript:" i]', '[formaction]',
  ].join(',');
  const found = [...document.querySelectorAll(selector)];
  return { count: found.length, samples: found.slice(0, 5).map((e) => e.outerHTML.slice(0, 200)) };
}

function parseColor(value) {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(value);
  return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
}

function luminance(c) {
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

function backgroundOf(el) {
  for (let e = el; e; e = e.parentElement) {
    const c = parseColor(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0.5) {
      return c;
    }
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}

/** WCAG contrast of every visible element that holds text directly (HTML text; SVG labels are checked by fill). */
function contrast() {
  const failures = [];
  let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim() || el.closest('svg, .sr-only, [hidden], noscript, option, script, style')) {
      continue;
    }
    seen.add(el);
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0 || el.closest(':disabled')) {
      continue;
    }
    const fg = parseColor(style.color);
    const bg = backgroundOf(el);
    if (!fg) {
      continue;
    }
    const l1 = luminance(fg);
    const l2 = luminance(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    checked++;
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`${el.tagName.toLowerCase()}.${el.className} "${node.textContent.trim().slice(0, 40)}" ${ratio.toFixed(2)}`);
    }
  }
  return { checked, failures };
}

/** Form controls without a label, links and buttons without an accessible name, and the page's landmarks. */
function semantics() {
  const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    .map((e) => e.outerHTML.slice(0, 120));
  const unnamed = [...document.querySelectorAll('a[href], button')]
    .filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || e.querySelector('title')))
    .map((e) => e.outerHTML.slice(0, 120));
  return {
    unlabelled, unnamed,
    banner: document.querySelectorAll('header.site-header').length,
    nav: document.querySelectorAll('nav').length,
    main: document.querySelectorAll('main').length,
    h1: document.querySelectorAll('main h1').length,
    lang: document.documentElement.lang,
  };
}

/** Whether the page is wider than the window (a long word or injected style breaking the layout). */
function overflow() {
  const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
}

/** The visible text of an element, without the screen-reader-only labels and the speaker tags the UI adds. */
function visibleText(selector) {
  const el = document.querySelector(selector);
  if (!el) {
    return { text: null };
  }
  const copy = el.cloneNode(true);
  copy.querySelectorAll('.sr-only, .speaker-tag').forEach((e) => e.remove());
  return { text: copy.textContent };
}

/** Starts recording Content-Security-Policy violations (they would mean something tried to run or style). */
function cspWatch() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  return { ok: true };
}

function cspViolations() {
  return { violations: window.__cspViolations || null, pwned: window.__pwned === undefined ? null : String(window.__pwned) };
}

/** The focus outline of the focused element: keyboard users must see where they are. */
function focusState() {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent || el.value || '').trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, focusVisible: el.matches(':focus-visible') };
}
