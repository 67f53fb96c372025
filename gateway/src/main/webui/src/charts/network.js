// The co-mention network of an entity: a force layout (d3-force, bundled from npm by the build) computed once,
// then drawn as static SVG. Each node is a link to its entity page, reachable with the keyboard.
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from 'd3-force';
import { svg, h, route, typeClass, typeLabel, pick, asArray } from '../dom.js';

const W = 640;
const H = 420;

/** Normalises the API's graph: nodes with ids, edges between known nodes with a positive weight. */
export function normaliseGraph(graph, centreId) {
  const nodes = asArray(pick(graph, 'nodes')).filter((n) => n && n.id !== undefined && n.id !== null)
    .slice(0, 80)
    .map((n) => ({ id: String(n.id), name: String(pick(n, 'name', 'label', 'canonicalName') ?? n.id), type: n.type,
      weight: Number(pick(n, 'articleCount', 'count', 'mentions', 'weight', 'articles')) || 1 }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = asArray(pick(graph, 'edges', 'links'))
    .map((e) => ({ source: String(pick(e, 'source', 'from', 'a') ?? ''), target: String(pick(e, 'target', 'to', 'b') ?? ''),
      weight: Number(pick(e, 'weight', 'count', 'articles')) || 1 }))
    .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
    .slice(0, 400);
  if (centreId && !ids.has(String(centreId))) {
    nodes.unshift({ id: String(centreId), name: String(centreId), weight: 1 });
  }
  return { nodes, edges };
}

export function networkGraph(graph, centreId, centreName) {
  const { nodes, edges } = normaliseGraph(graph, centreId);
  const figure = h('figure', { class: 'chart network', id: 'network' });
  figure.appendChild(h('figcaption', {}, `Co-mention network of ${centreName}`));
  if (nodes.length <= 1) {
    figure.appendChild(h('p', { class: 'muted' }, 'No co-mentioned entities yet.'));
    return figure;
  }
  const maxEdge = Math.max(1, ...edges.map((e) => e.weight));
  const maxNode = Math.max(1, ...nodes.map((n) => n.weight));
  const radius = (n) => (n.id === String(centreId) ? 14 : 6 + 8 * Math.sqrt(n.weight / maxNode));
  // a fixed start (a circle) makes the layout the same every time the page is opened
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    n.x = W / 2 + (n.id === String(centreId) ? 0 : 150 * Math.cos(angle));
    n.y = H / 2 + (n.id === String(centreId) ? 0 : 150 * Math.sin(angle));
  });
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(edges).id((n) => n.id).distance((e) => 70 + 60 * (1 - e.weight / maxEdge)).strength(0.4))
    .force('charge', forceManyBody().strength(-260))
    .force('collide', forceCollide((n) => radius(n) + 18))
    .force('x', forceX(W / 2).strength(0.06))
    .force('y', forceY(H / 2).strength(0.1))
    .force('center', forceCenter(W / 2, H / 2))
    .stop();
  for (let i = 0; i < 300; i++) {
    simulation.tick();
  }
  // fit the picture to the layout, with room for the labels under the nodes
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = Math.min(...xs) - 90;
  const maxX = Math.max(...xs) + 90;
  const minY = Math.min(...ys) - 30;
  const maxY = Math.max(...ys) + 40;
  const viewW = Math.max(360, maxX - minX);
  const viewH = Math.max(240, maxY - minY);
  const viewBox = [minX - (viewW - (maxX - minX)) / 2, minY - (viewH - (maxY - minY)) / 2, viewW, viewH].map((v) => v.toFixed(1)).join(' ');
  const clampX = (x) => x;
  const clampY = (y) => y;

  const chart = svg('svg', { viewBox, class: 'graph', role: 'group',
    'aria-label': `Network of ${nodes.length - 1} entities mentioned with ${centreName}; each is a link to its page` });
  const edgeLayer = svg('g', { class: 'edges' });
  for (const e of edges) {
    edgeLayer.appendChild(svg('line', {
      x1: clampX(e.source.x).toFixed(1), y1: clampY(e.source.y).toFixed(1), x2: clampX(e.target.x).toFixed(1), y2: clampY(e.target.y).toFixed(1),
      'stroke-width': (1 + 5 * (e.weight / maxEdge)).toFixed(1), class: 'edge',
    }, svg('title', {}, `${e.source.name} – ${e.target.name}: ${e.weight}`)));
  }
  chart.appendChild(edgeLayer);
  const nodeLayer = svg('g', { class: 'nodes' });
  // the centre last, so it is drawn on top
  const ordered = [...nodes].sort((a, b) => (a.id === String(centreId)) - (b.id === String(centreId)));
  for (const n of ordered) {
    const x = clampX(n.x);
    const y = clampY(n.y);
    const centre = n.id === String(centreId);
    const shortName = n.name.length > 28 ? `${n.name.slice(0, 27)}…` : n.name;
    const group = svg('g', { class: ['node', typeClass(n.type), centre && 'centre'] },
      svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(n).toFixed(1) }),
      svg('text', { x: x.toFixed(1), y: (y + radius(n) + 13).toFixed(1), 'text-anchor': 'middle' }, shortName));
    if (centre) {
      nodeLayer.appendChild(group);
    } else {
      nodeLayer.appendChild(svg('a', { href: route('entity', n.id), 'aria-label': `${n.name} (${typeLabel(n.type)})` },
        svg('title', {}, `${n.name} (${typeLabel(n.type)})`), group));
    }
  }
  chart.appendChild(nodeLayer);
  figure.appendChild(chart);
  return figure;
}
