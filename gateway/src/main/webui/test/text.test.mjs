// Unit tests of the UI's pure text functions (node's built-in test runner; run by Maven in the test phase).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetParts, decodeEntities, articleSegments, validSpans, bucketRange } from '../src/text.js';
import { readSearch, writeSearch, withChange } from '../src/params.js';

test('snippet: only <mark> becomes markup, escaped tags stay text', () => {
  const parts = snippetParts('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>port</mark> &amp; more');
  assert.deepEqual(parts, [
    { text: 'a <script>alert(1)</script> ', mark: false },
    { text: 'port', mark: true },
    { text: ' & more', mark: false },
  ]);
});

test('snippet: raw tags a broken server might send are still text, never elements', () => {
  const parts = snippetParts('<img src=x onerror=alert(1)><mark>x</mark><b>y</b>');
  assert.equal(parts.length, 3);
  assert.deepEqual(parts[0], { text: '<img src=x onerror=alert(1)>', mark: false });
  assert.deepEqual(parts[1], { text: 'x', mark: true });
  assert.deepEqual(parts[2], { text: '<b>y</b>', mark: false });
});

test('snippet: a mark attribute or unclosed mark does not produce markup', () => {
  assert.deepEqual(snippetParts('<mark onclick="x">a</mark>'), [{ text: '<mark onclick="x">a', mark: false }]);
  assert.deepEqual(snippetParts('<mark>a'), [{ text: 'a', mark: true }]);
  assert.deepEqual(snippetParts(null), []);
});

test('entities decode in one pass', () => {
  assert.equal(decodeEntities('&amp;lt;b&amp;gt;'), '&lt;b&gt;');
  assert.equal(decodeEntities('&#39;&quot;&#x41;&#66;'), '\'"AB');
  assert.equal(decodeEntities('&unknown; &#0; &#xD800;'), '&unknown; \uFFFD \uFFFD');
});

test('spans: invalid, out-of-range and overlapping spans are dropped', () => {
  const kept = validSpans([
    { start: 0, end: 4 }, { start: 2, end: 6 }, { start: -1, end: 2 }, { start: 5, end: 99 }, { start: 7, end: 7 },
    { start: 6, end: 9 }, { start: '1', end: 3 }, null,
  ], 10);
  assert.deepEqual(kept, [{ start: 0, end: 4 }, { start: 6, end: 9 }]);
});

test('segments: mentions and quotes with speakers, text kept whole', () => {
  const text = 'Maria Soto said: "We have a deal with Acme." Talks ended Tuesday.';
  const q0 = text.indexOf('"');
  const q1 = text.indexOf('."') + 2;
  const acme = text.indexOf('Acme');
  const tue = text.indexOf('Tuesday');
  const segments = articleSegments(text, {
    mentions: [{ start: 0, end: 10, type: 'PERSON', entityId: 'p1' }, { start: acme, end: acme + 4, type: 'ORGANIZATION', entityId: 'o1' }],
    temporals: [{ start: tue, end: tue + 7, value: '2025-02-04' }],
    quotes: [{ start: q0, end: q1, speakerEntityId: 'p1', speakerName: 'Maria Soto' }],
  });
  const flat = (list) => list.map((s) => (s.kind === 'quote' ? flat(s.children) : s.text)).join('');
  assert.equal(flat(segments), text);
  assert.deepEqual(segments.map((s) => s.kind), ['mark', 'text', 'quote', 'text', 'mark', 'text']);
  const quote = segments[2];
  assert.equal(quote.quote.speakerName, 'Maria Soto');
  assert.deepEqual(quote.children.map((s) => s.kind), ['text', 'mark', 'text']);
  assert.equal(quote.children[1].text, 'Acme');
  assert.equal(segments[4].markKind, 'temporal');
});

test('segments: a mention crossing a quote edge is dropped, a mention beats a temporal on the same span', () => {
  const text = 'abc "def" ghi';
  const segments = articleSegments(text, {
    mentions: [{ start: 2, end: 6, type: 'PERSON' }, { start: 10, end: 13, type: 'LOCATION' }],
    temporals: [{ start: 10, end: 13, value: 'x' }],
    quotes: [{ start: 4, end: 9 }],
  });
  assert.deepEqual(segments.map((s) => s.kind), ['text', 'quote', 'text', 'mark']);
  assert.equal(segments[3].markKind, 'mention');
});

test('segments: hostile offsets and missing text do not throw', () => {
  assert.deepEqual(articleSegments(undefined, { mentions: [{ start: 0, end: 5 }] }), []);
  const segments = articleSegments('short', { mentions: [{ start: 3, end: 1e9 }, { start: NaN, end: 2 }], quotes: 'nope' });
  assert.deepEqual(segments, [{ kind: 'text', text: 'short' }]);
});

test('date buckets: day, week and month ranges', () => {
  assert.deepEqual(bucketRange('2025-02-04', 'day'), ['2025-02-04', '2025-02-04']);
  assert.deepEqual(bucketRange('2025-02-03', 'week'), ['2025-02-03', '2025-02-09']);
  assert.deepEqual(bucketRange('2024-02-01', 'month'), ['2024-02-01', '2024-02-29']);
  assert.equal(bucketRange('not a date', 'day'), null);
});

test('search state: round trip through the URL, invalid values dropped', () => {
  const params = new URLSearchParams('q=port+strike&entity=e1&entity=e2&entity=e1&source=A&from=2025-01-01&to=bad&sort=weird&page=3');
  const state = readSearch(params);
  assert.deepEqual(state.entity, ['e1', 'e2']);
  assert.equal(state.to, undefined);
  assert.equal(state.sort, undefined);
  assert.equal(state.page, 3);
  assert.equal(writeSearch(state).toString(), 'q=port+strike&from=2025-01-01&entity=e1&entity=e2&source=A&page=3');
  assert.equal(withChange(state, { source: [] }).page, 1);
  assert.equal(readSearch(new URLSearchParams('page=-4')).page, 1);
});
