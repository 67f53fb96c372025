// Pure text functions (no DOM), unit-tested with node's test runner: the search snippet reader and the
// segmentation of an article's text by its annotation offsets.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Decodes the few character references an HTML escaper produces, in one pass (so "&amp;lt;" stays "&lt;"). */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z0-9#]{2,6});/g, (whole, name) => {
    if (name[0] === '#' && name !== '#39') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
  });
}

/**
 * Reads a search snippet (HTML-escaped text whose matches are wrapped in <mark>...</mark>) into plain text parts.
 * Only the exact tokens <mark> and </mark> are understood; every other character, including anything that looks
 * like a tag, stays text. The caller turns parts into text nodes and <mark> elements, never into parsed HTML.
 *
 * @returns {{text: string, mark: boolean}[]}
 */
export function snippetParts(snippet) {
  const parts = [];
  let marked = false;
  for (const token of String(snippet ?? '').split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') {
      marked = true;
    } else if (token === '</mark>') {
      marked = false;
    } else if (token) {
      const text = decodeEntities(token);
      const last = parts[parts.length - 1];
      if (last && last.mark === marked) {
        last.text += text;
      } else {
        parts.push({ text, mark: marked });
      }
    }
  }
  return parts;
}

function isOffset(n) {
  return Number.isInteger(n) && n >= 0;
}

/**
 * Spans that fit the text and do not overlap: sorted by start, the longer first on a tie, and a span that overlaps
 * an earlier kept one is dropped (annotations are machine-made and may be wrong; the text must still render).
 */
export function validSpans(spans, length) {
  const candidates = (Array.isArray(spans) ? spans : [])
    .filter((s) => s && isOffset(s.start) && isOffset(s.end) && s.start < s.end && s.end <= length)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || b.s.end - a.s.end || a.i - b.i);
  const kept = [];
  let reached = 0;
  for (const { s } of candidates) {
    if (s.start >= reached) {
      kept.push(s);
      reached = s.end;
    }
  }
  return kept;
}

/**
 * Splits an article's text into segments to render: plain text, highlighted marks (entity mentions, and temporal
 * expressions where no mention is) and quotes (which contain text and marks, and know their speaker).
 * A mark that crosses a quote's edge is dropped rather than breaking the quote.
 *
 * @returns {Array<{kind: 'text', text: string} | {kind: 'mark', text: string, span: object, markKind: string}
 *   | {kind: 'quote', quote: object, children: Array}>}
 */
export function articleSegments(text, { mentions = [], temporals = [], quotes = [] } = {}) {
  const source = typeof text === 'string' ? text : '';
  const length = source.length;
  const keptQuotes = validSpans(quotes, length);
  const taggedMarks = [
    ...(Array.isArray(mentions) ? mentions : []).filter(Boolean).map((m) => ({ ...m, markKind: 'mention' })),
    ...(Array.isArray(temporals) ? temporals : []).filter(Boolean).map((t) => ({ ...t, markKind: 'temporal' })),
  ];
  const marks = validSpans(taggedMarks, length).filter((m) => !keptQuotes.some(
    (q) => (m.start < q.start && m.end > q.start) || (m.start < q.end && m.end > q.end)));

  let markIndex = 0;
  const inline = (from, to) => {
    const out = [];
    let at = from;
    while (markIndex < marks.length && marks[markIndex].start < to) {
      const m = marks[markIndex++];
      if (m.start < at) {
        continue;
      }
      if (m.start > at) {
        out.push({ kind: 'text', text: source.slice(at, m.start) });
      }
      out.push({ kind: 'mark', text: source.slice(m.start, m.end), span: m, markKind: m.markKind });
      at = m.end;
    }
    if (at < to) {
      out.push({ kind: 'text', text: source.slice(at, to) });
    }
    return out;
  };

  const segments = [];
  let at = 0;
  for (const q of keptQuotes) {
    segments.push(...inline(at, q.start));
    segments.push({ kind: 'quote', quote: q, children: inline(q.start, q.end) });
    at = q.end;
  }
  segments.push(...inline(at, length));
  return segments;
}

/** The [from, to] dates (inclusive, YYYY-MM-DD) a histogram bucket covers, for its interval (day, week, month). */
export function bucketRange(date, interval) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(date ?? ''));
  if (!m) {
    return null;
  }
  const start = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const end = new Date(start);
  if (interval === 'month') {
    end.setUTCMonth(end.getUTCMonth() + 1);
    end.setUTCDate(0);
  } else if (interval === 'week') {
    end.setUTCDate(end.getUTCDate() + 6);
  } else if (interval === 'year') {
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    end.setUTCDate(0);
  }
  const iso = (d) => d.toISOString().slice(0, 10);
  return [iso(start), iso(end)];
}
