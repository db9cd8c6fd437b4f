// Basin dashboard: polls /api/v1/dashboard/* every few seconds and redraws each panel in place (no reload).
// Each panel sets data-ready="true" and data-count once it shows data, "empty" when there is none, "error" on failure.
(function () {
  'use strict';
  const REFRESH_MS = 3000;
  const EMOTIONS = ['joy', 'sadness', 'anger', 'fear', 'surprise', 'disgust', 'confusion', 'anticipation', 'trust'];
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];
  const SVG = 'http://www.w3.org/2000/svg';
  const charts = {};

  function el(tag, attrs, text) {
    const e = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mark(panel, count) {
    const p = document.getElementById('panel-' + panel);
    p.dataset.count = String(count);
    p.dataset.ready = count > 0 ? 'true' : 'empty';
  }

  async function getJson(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(path + ' answered ' + r.status);
    return r.json();
  }

  function renderCoverage(c) {
    const body = document.getElementById('coverage-rows');
    body.replaceChildren();
    for (const t of c.tables) {
      const tr = el('tr', { 'data-table': t.table });
      tr.append(el('td', {}, t.table), el('td', { class: 'num' }, String(t.rows)));
      const flags = el('td');
      for (const f of t.flags) flags.append(el('span', { class: 'flag ' + f.split(':')[0] }, f));
      tr.append(flags);
      body.append(tr);
    }
    document.getElementById('coverage-summary').textContent = c.populated + ' of ' + c.total + ' tables populated';
    mark('coverage', c.tables.filter(t => t.rows > 0).length);
  }

  function lineChart(key, target, title, data, labels) {
    const width = Math.max(320, document.getElementById(target).clientWidth - 8);
    const existing = charts[key];
    if (existing && existing.series.length === labels.length + 1) {
      existing.setData(data);
      return;
    }
    if (existing) existing.destroy();
    const series = [{ label: 'time', value: (u, v) => v == null ? '' : new Date(v * 1000).toISOString().slice(11, 19) }];
    labels.forEach((l, i) => series.push({ label: l, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: true, points: { show: false } }));
    charts[key] = new uPlot({ title: title, width: width, height: 240, series: series, scales: { x: { time: true } } },
      data, document.getElementById(target));
  }

  function renderKernels(k) {
    const labels = k.kernels.map(x => x.name + ' (' + x.kernelId.slice(0, 10) + ')');
    const count = k.t.length;
    if (count > 0) {
      lineChart('phi', 'chart-phi', 'Φ', [k.t].concat(k.kernels.map(x => x.phi)), labels);
      lineChart('kappa', 'chart-kappa', 'κ_eff', [k.t].concat(k.kernels.map(x => x.kappaEff)), labels);
    }
    mark('phi', count);
    mark('kappa', count);
  }

  function renderEmotions(e) {
    const svg = document.getElementById('emotion-bars');
    svg.replaceChildren();
    const barW = 44, gap = 6, top = 20, h = 170;
    EMOTIONS.forEach((name, i) => {
      const v = e.mean[name] || 0;
      const x = 10 + i * (barW + gap);
      const bh = Math.max(0, Math.min(1, v)) * h;
      svg.append(el('svg:rect', { x: x, y: top + h - bh, width: barW, height: bh, fill: COLORS[i], 'data-emotion': name }));
      svg.append(el('svg:text', { x: x + barW / 2, y: top + h + 14, 'text-anchor': 'middle', 'font-size': 10 }, name));
      svg.append(el('svg:text', { x: x + barW / 2, y: top + h - bh - 3, 'text-anchor': 'middle', 'font-size': 10 }, v.toFixed(2)));
      svg.append(el('svg:text', { x: x + barW / 2, y: top + h + 27, 'text-anchor': 'middle', 'font-size': 9, fill: '#667' },
        '★' + (e.dominant[name] || 0)));
    });
    document.getElementById('emotion-summary').textContent = e.records + ' records (★ = times dominant)';
    mark('emotions', e.records);
  }

  function renderTrajectories(t) {
    const svg = document.getElementById('trajectory-map');
    svg.replaceChildren();
    svg.append(el('svg:circle', { cx: 0, cy: 0, r: 1, fill: 'none', stroke: '#ccd', 'stroke-width': 0.004 }));
    for (const b of t.barriers) {
      const c = el('svg:circle', { cx: b.center[0], cy: -b.center[1], r: b.radius2d, fill: 'rgba(214,39,40,0.12)',
        stroke: '#d62728', 'stroke-width': 0.004, 'data-table': b.table });
      c.append(el('svg:title', {}, b.table + ' ' + b.id + ' (' + b.kind + ', r=' + b.radiusFr.toFixed(3) + ')'));
      svg.append(c);
    }
    const agents = [...new Set(t.trajectories.map(x => x.agentId))];
    for (const tr of t.trajectories) {
      const color = COLORS[agents.indexOf(tr.agentId) % COLORS.length];
      const pts = tr.points.map(p => p[0] + ',' + (-p[1])).join(' ');
      const line = el('svg:polyline', { points: pts, fill: 'none', stroke: color, 'stroke-width': 0.006,
        'stroke-dasharray': tr.status === 'blocked' ? '0.02 0.01' : '', 'data-trajectory': tr.trajectoryId });
      line.append(el('svg:title', {}, tr.trajectoryId + ' (' + tr.status + ')'));
      svg.append(line);
      const last = tr.points[tr.points.length - 1];
      svg.append(el('svg:circle', { cx: last[0], cy: -last[1], r: 0.012, fill: color }));
      svg.append(el('svg:circle', { cx: tr.target[0], cy: -tr.target[1], r: 0.01, fill: 'none', stroke: color, 'stroke-width': 0.004 }));
    }
    fit(svg, t);
    mark('trajectories', t.trajectories.length);
  }

  // Zooms the map to the drawn data (with a margin), so clustered trajectories stay readable.
  function fit(svg, t) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const take = (x, y, r) => { x0 = Math.min(x0, x - r); x1 = Math.max(x1, x + r); y0 = Math.min(y0, -y - r); y1 = Math.max(y1, -y + r); };
    t.trajectories.forEach(tr => { tr.points.forEach(p => take(p[0], p[1], 0)); take(tr.target[0], tr.target[1], 0); });
    t.barriers.forEach(b => take(b.center[0], b.center[1], b.radius2d));
    if (!isFinite(x0)) { svg.setAttribute('viewBox', '-1.05 -1.05 2.1 2.1'); return; }
    const size = Math.max(x1 - x0, y1 - y0, 0.05) * 1.15;
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    svg.setAttribute('viewBox', (cx - size / 2) + ' ' + (cy - size / 2) + ' ' + size + ' ' + size);
    const stroke = size / 400;
    svg.querySelectorAll('[stroke-width]').forEach(e => e.setAttribute('stroke-width', String(stroke * (e.tagName === 'polyline' ? 1.5 : 1))));
    svg.querySelectorAll('circle[r]').forEach(e => { if (Number(e.getAttribute('r')) < 0.02) e.setAttribute('r', String(size / 120)); });
  }

  function renderRecent(r) {
    const thoughts = document.getElementById('thought-list');
    thoughts.replaceChildren();
    for (const th of r.thoughts) {
      const li = el('li');
      li.append(el('span', { class: 'meta' }, String(th.createdAt).slice(0, 19) + ' · ' + th.type + ' · ' + th.event + ' · Φ=' + Number(th.phi).toFixed(3)));
      li.append(el('div', {}, th.content));
      thoughts.append(li);
    }
    mark('thoughts', r.thoughts.length);
    const insights = document.getElementById('insight-list');
    insights.replaceChildren();
    for (const ins of r.insights) {
      const li = el('li');
      li.append(el('span', { class: 'meta' }, String(ins.createdAt).slice(0, 19) + ' · ' + ins.domains.join(' ↔ ') + ' · confidence ' + Number(ins.confidence).toFixed(2)
        + (ins.outcome ? ' · ' + ins.outcome.outcomeType : '')));
      li.append(el('div', {}, ins.content));
      insights.append(li);
    }
    mark('insights', r.insights.length);
  }

  function renderTopics(t) {
    const kernels = document.getElementById('kernel-list');
    kernels.replaceChildren();
    for (const k of t.kernels) {
      const li = el('li', { 'data-kernel': k.kernelId });
      li.append(el('span', { class: 'meta' }, k.name + ' (' + k.kernelId.slice(0, 10) + ') · Φ=' + Number(k.phi).toFixed(3)));
      li.append(el('div', {}, 'at ' + k.topics));
      if (k.attractorId) li.append(el('div', {}, 'strongest attractor: ' + k.attractorTopics));
      kernels.append(li);
    }
    mark('kernels', t.kernels.length);
    const patterns = document.getElementById('pattern-list');
    patterns.replaceChildren();
    for (const p of t.crossPatterns) {
      const li = el('li', { 'data-pattern': p.patternId });
      li.append(el('span', { class: 'meta' }, p.patternType + ' · ' + p.domains.join(' ↔ ') + ' · confidence ' + Number(p.confidence).toFixed(2)));
      li.append(el('div', {}, p.topics));
      patterns.append(li);
    }
    mark('patterns', t.crossPatterns.length);
  }

  const PANELS = [
    ['/api/v1/dashboard/coverage', renderCoverage, ['coverage']],
    ['/api/v1/dashboard/kernels', renderKernels, ['phi', 'kappa']],
    ['/api/v1/dashboard/emotions', renderEmotions, ['emotions']],
    ['/api/v1/dashboard/trajectories', renderTrajectories, ['trajectories']],
    ['/api/v1/dashboard/recent', renderRecent, ['thoughts', 'insights']],
    ['/api/v1/dashboard/topics', renderTopics, ['kernels', 'patterns']],
  ];

  async function refresh() {
    const status = document.getElementById('status');
    let failures = 0;
    await Promise.all(PANELS.map(async ([path, render, panels]) => {
      try {
        render(await getJson(path));
      } catch (err) {
        failures++;
        panels.forEach(p => { document.getElementById('panel-' + p).dataset.ready = 'error'; });
        console.error(err);
      }
    }));
    status.dataset.state = failures ? 'error' : 'ok';
    status.textContent = (failures ? failures + ' panel(s) failed · ' : '') + 'updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
  }

  refresh();
  setInterval(refresh, REFRESH_MS);
})();
