// A small SVG bar chart for date histograms and mention timelines. Geometry goes into SVG attributes (the CSP
// forbids inline style); every bar has a text equivalent (a <title>, and the data table under the chart).
import { h, svg, plural } from '../dom.js';

const PAD = { left: 40, right: 8, top: 12, bottom: 34 };

function step(date, interval) {
  const d = new Date(date);
  if (interval === 'month') {
    d.setUTCMonth(d.getUTCMonth() + 1);
  } else if (interval === 'week') {
    d.setUTCDate(d.getUTCDate() + 7);
  } else {
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d;
}

/** Buckets with no articles are missing from the API's answer; a timeline shows them as empty. */
export function fillGaps(points, interval) {
  const valid = points.filter((p) => /^\d{4}-\d{2}-\d{2}/.test(p.date)).sort((a, b) => a.date.localeCompare(b.date));
  if (valid.length < 2) {
    return valid;
  }
  const byDate = new Map(valid.map((p) => [p.date.slice(0, 10), p]));
  const out = [];
  let d = new Date(`${valid[0].date.slice(0, 10)}T00:00:00Z`);
  const last = new Date(`${valid[valid.length - 1].date.slice(0, 10)}T00:00:00Z`);
  while (d <= last && out.length <= 400) {
    const key = d.toISOString().slice(0, 10);
    out.push(byDate.get(key) ?? { date: key, count: 0 });
    d = step(d, interval);
  }
  return out.length > 400 ? valid : out;
}

function label(date, interval) {
  if (!date) {
    return '';
  }
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) {
    return date;
  }
  const opts = interval === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' }).format(d);
}

/**
 * @param {object} options
 * @param {{date: string, count: number}[]} options.points
 * @param {string} options.title caption
 * @param {string} [options.interval] day, week or month
 * @param {string} [options.unit] what is counted, singular
 * @param {(point) => string|null} [options.link] a route for a bar (then bars are links)
 */
export function barChart({ points, title, interval = 'day', unit = 'article', link = null, id, width = 640, height = 180 }) {
  const W = width;
  const H = height;
  const data = fillGaps(points.map((p) => ({ ...p, count: Math.max(0, Number(p.count) || 0) })), interval);
  const figure = h('figure', { class: 'chart', id });
  figure.appendChild(h('figcaption', {}, title));
  if (!data.length) {
    figure.appendChild(h('p', { class: 'muted' }, 'Nothing to chart.'));
    return figure;
  }
  const max = Math.max(1, ...data.map((p) => p.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / data.length;
  const barW = Math.max(1, slot * 0.8);
  const total = data.reduce((s, p) => s + p.count, 0);
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`, class: 'bars', role: 'group',
    'aria-label': `${title}: ${plural(total, unit)} from ${label(data[0].date, interval)} to ${label(data[data.length - 1].date, interval)}`,
  });
  chart.appendChild(svg('line', { x1: PAD.left, y1: PAD.top + plotH, x2: W - PAD.right, y2: PAD.top + plotH, class: 'axis' }));
  chart.appendChild(svg('text', { x: PAD.left - 6, y: PAD.top + 10, class: 'tick', 'text-anchor': 'end' }, String(max)));
  chart.appendChild(svg('text', { x: PAD.left - 6, y: PAD.top + plotH, class: 'tick', 'text-anchor': 'end' }, '0'));
  data.forEach((p, i) => {
    const barH = p.count === 0 ? 0 : Math.max(2, (p.count / max) * plotH);
    const x = PAD.left + i * slot + (slot - barW) / 2;
    const description = `${label(p.date, interval)}: ${plural(p.count, unit)}`;
    const rect = svg('rect', { x: x.toFixed(2), y: (PAD.top + plotH - barH).toFixed(2), width: barW.toFixed(2), height: barH.toFixed(2), class: 'bar' },
      svg('title', {}, description));
    const href = link && p.count > 0 ? link(p) : null;
    if (href) {
      // a taller transparent hit area keeps small bars easy to click and to see focused
      const hit = svg('rect', { x: (PAD.left + i * slot).toFixed(2), y: PAD.top, width: slot.toFixed(2), height: plotH, class: 'hit' });
      chart.appendChild(svg('a', { href, class: 'bar-link', 'aria-label': `${description}; show only this period` }, hit, rect));
    } else {
      chart.appendChild(rect);
    }
  });
  const ticks = data.length > 2 ? [0, Math.floor((data.length - 1) / 2), data.length - 1] : data.map((_, i) => i);
  for (const i of ticks) {
    const x = PAD.left + i * slot + slot / 2;
    const anchor = i === 0 && data.length > 1 ? 'start' : i === data.length - 1 && data.length > 1 ? 'end' : 'middle';
    chart.appendChild(svg('text', { x: anchor === 'start' ? PAD.left : anchor === 'end' ? W - PAD.right : x, y: H - 12, class: 'tick', 'text-anchor': anchor },
      label(data[i].date, interval)));
  }
  figure.appendChild(chart);
  const rows = data.filter((p) => p.count > 0);
  figure.appendChild(h('details', { class: 'chart-data' },
    h('summary', {}, 'Show as a table'),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, interval === 'month' ? 'Month' : interval === 'week' ? 'Week of' : 'Day'),
        h('th', { scope: 'col' }, 'Count'))),
      h('tbody', {}, rows.map((p) => h('tr', {}, h('td', {}, label(p.date, interval)), h('td', {}, String(p.count))))))));
  return figure;
}
