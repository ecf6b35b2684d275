// The Chikuden EMS dashboard: one WebSocket message per control cycle drives the tiles and the
// chart; the slower panels (grid code, alarms, timing, audit) are polled. No build step, no CDN.
'use strict';

const CHART_MS = 5 * 60 * 1000;
const TOKEN_KEY = 'chikuden.token';

// What the tests (and a curious operator in the console) can look at.
const dashboard = window.dashboard = { errors: [], messages: 0, last: null, socket: 'connecting' };
window.addEventListener('error', e => dashboard.errors.push(String(e.message || e)));
window.addEventListener('unhandledrejection', e => dashboard.errors.push('unhandled: ' + String(e.reason)));

const $ = id => document.getElementById(id);

// ---- formatting

const kwFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const kwFineFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function kw(v) {
  if (v === null || v === undefined) return '–';
  const a = Math.abs(v);
  if (a >= 10000) return kwFineFormat.format(v / 1000) + ' MW';
  return (a >= 100 ? kwFormat : kwFineFormat).format(v) + ' kW';
}

function num(v, digits) {
  return v === null || v === undefined ? '–' : v.toFixed(digits);
}

function timeOf(epochMs) {
  return new Date(epochMs).toLocaleTimeString();
}

function setText(id, text) {
  const el = $(id);
  if (el.textContent !== text) el.textContent = text;
}

// ---- the API

function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

/** Fetches JSON; a token in this tab goes along (reads from another machine need it). */
async function api(method, path, body) {
  const headers = {};
  if (token()) headers.Authorization = 'Bearer ' + token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store'
  });
  let json = null;
  try { json = await response.json(); } catch (e) { json = null; }
  return { status: response.status, ok: response.ok, json };
}

// ---- the live stream

let chart = null;
const series = [[], [], [], [], []]; // seconds, grid, load, battery, setpoint
let drawPending = false;
let lastAlarmCount = null;

function connect(delayMs) {
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/stream');
  socket.onopen = () => {
    if (token()) socket.send(JSON.stringify({ token: token() }));
    dashboard.socket = 'open';
    setLink(true);
    delayMs = 1000;
    // cycles missed while away come from the store
    const last = series[0].length ? series[0][series[0].length - 1] * 1000 : Date.now() - CHART_MS;
    backfill(last + 1).catch(e => dashboard.errors.push(String(e)));
  };
  socket.onmessage = e => onCycle(JSON.parse(e.data));
  socket.onclose = () => {
    dashboard.socket = 'closed';
    setLink(false);
    setTimeout(() => connect(Math.min(delayMs * 2, 10000)), delayMs);
  };
}

function setLink(up) {
  const el = $('link');
  el.className = 'link ' + (up ? 'up' : 'down');
  el.textContent = up ? 'live' : 'reconnecting';
}

function onCycle(s) {
  dashboard.messages++;
  dashboard.last = s;
  setState(s.state);
  setText('cycle', String(s.cycle));
  setText('time', timeOf(s.epochMs));
  setText('gridKw', kw(s.gridKw));
  setText('loadKw', kw(s.loadKw));
  setText('batteryKw', kw(s.batteryKw));
  setText('batteryHint', s.batteryKw === null ? 'no reading' : s.batteryKw > 0 ? 'discharging' : s.batteryKw < 0 ? 'charging' : 'idle');
  setText('setpointKw', kw(s.setpointKw));
  setText('soc', s.soc === null ? '–' : (s.soc * 100).toFixed(1) + ' %');
  $('socBar').style.width = s.soc === null ? '0' : Math.max(0, Math.min(100, s.soc * 100)) + '%';
  setText('binding', s.binding || '–');
  setText('stale', s.staleDevices > 0 ? s.staleDevices + ' device(s) stale' : '');
  if (lastAlarmCount !== s.activeAlarms) {
    lastAlarmCount = s.activeAlarms;
    refreshAlarms();
  }
  append(s);
}

function setState(state) {
  const el = $('state');
  el.className = 'badge state-' + (state || 'unknown');
  setText('state', state || '…');
}

function append(s) {
  series[0].push(s.epochMs / 1000);
  series[1].push(s.gridKw);
  series[2].push(s.loadKw);
  series[3].push(s.batteryKw);
  series[4].push(s.setpointKw);
  const oldest = (s.epochMs - CHART_MS) / 1000;
  while (series[0].length > 0 && series[0][0] < oldest) series.forEach(a => a.shift());
  if (!drawPending) {
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      if (chart) chart.setData(series);
    });
  }
}

function makeChart() {
  const el = $('chart');
  const opts = {
    width: Math.max(300, el.clientWidth),
    height: 320,
    scales: { x: { time: true } },
    axes: [{}, { label: 'kW', size: 70, values: (u, ticks) => ticks.map(t => kwFormat.format(t)) }],
    series: [
      {},
      { label: 'grid', stroke: '#1f5fa8', width: 1.5 },
      { label: 'load', stroke: '#7a7f86', width: 1.5, dash: [6, 4] },
      { label: 'battery', stroke: '#2a7d4f', width: 2 },
      { label: 'setpoint', stroke: '#c77700', width: 1.5 }
    ]
  };
  chart = dashboard.chart = new uPlot(opts, series, el);
  window.addEventListener('resize', () => chart.setSize({ width: Math.max(300, el.clientWidth), height: 320 }));
}

/**
 * Fills the chart from the telemetry store from fromMs on: at start, so a reload does not start
 * empty, and after a reconnect, for the cycles missed meanwhile. Merged by time with what the
 * stream already brought.
 */
async function backfill(fromMs) {
  const to = Date.now();
  if (to <= fromMs) return;
  const r = await api('GET', '/api/telemetry?from=' + Math.floor(fromMs) + '&to=' + to + '&maxPoints=1500');
  if (!r.ok || !r.json || r.json.points.length === 0) return;
  const rows = new Map();
  r.json.points.forEach(p => rows.set(p.epochMs / 1000, [p.gridKw, p.loadKw, p.batteryKw, p.setpointKw]));
  series[0].forEach((x, i) => rows.set(x, [series[1][i], series[2][i], series[3][i], series[4][i]]));
  const xs = [...rows.keys()].sort((a, b) => a - b);
  series.forEach(a => { a.length = 0; });
  xs.forEach(x => {
    series[0].push(x);
    rows.get(x).forEach((v, k) => series[k + 1].push(v));
  });
  if (chart) chart.setData(series);
}

// ---- polled panels

async function refreshStatus() {
  const r = await api('GET', '/api/status');
  if (!r.ok) return;
  const s = r.json;
  setState(s.state);
  const t = s.timing;
  const rows = [
    ['cycles', String(t.cycles)],
    ['period', num(t.periodMs, 0) + ' ms'],
    ['p50', num(t.p50Ms, 2) + ' ms'],
    ['p99', num(t.p99Ms, 2) + ' ms'],
    ['max', num(t.maxMs, 2) + ' ms'],
    ['late p99 (jitter)', num(t.lateP99Ms, 2) + ' ms'],
    ['overruns', String(t.overruns)]
  ];
  fillRows($('timing').tBodies[0], rows);
  showFastLoop(s.fastLoop);
  showManual(s.manual);
}

// the fast loop's panel shows only when the service runs one (left out of the status otherwise)
function showFastLoop(f) {
  $('fastPanel').hidden = !f;
  if (!f) return;
  fillRows($('fastLoop').tBodies[0], [
    ['period', num(f.periodMs, 0) + ' ms'],
    ['host', f.host === 'device' ? 'plant controller' : 'EMS'],
    ['latency p99', num(f.latencyP99Ms, 2) + ' ms'],
    ['latency p50', num(f.latencyP50Ms, 2) + ' ms'],
    ['binding layer', f.lastBinding || '–'],
    ['cycles', String(f.cycles)],
    ['meter misses (held)', String(f.meterMisses)],
    ['overruns', String(f.overruns)]
  ]);
}

function showManual(m) {
  setText('manual', m ? kw(m.kw) + ' until ' + timeOf(m.expiresAtEpochMs) : 'none');
}

function fillRows(tbody, rows) {
  tbody.replaceChildren(...rows.map(cells => {
    const tr = document.createElement('tr');
    cells.forEach(c => {
      const td = document.createElement('td');
      if (c instanceof Node) td.append(c); else td.textContent = c;
      tr.append(td);
    });
    return tr;
  }));
}

async function refreshGridCode() {
  const r = await api('GET', '/api/gridcode');
  if (!r.ok) return;
  const g = r.json;
  fillRows($('gridcode').tBodies[0], g.windows.map(w => [
    w.minutes + ' min (' + num(w.coveredS, 0) + ' s seen)', num(w.maxRampUpKwPerS, 0), num(w.maxRampDownKwPerS, 0),
    num(w.maxRampKwPerMin, 0), num(w.dynamicRangeKw, 0), w.loadDropEvents === undefined ? '–' : String(w.loadDropEvents)
  ]));
  const longest = g.windows[g.windows.length - 1];
  $('verdicts').replaceChildren(...(longest.verdicts || []).map(v => {
    const li = document.createElement('li');
    const judged = v.value !== null && !(v.note && v.note.startsWith('not judged'));
    li.className = !judged ? '' : v.pass ? 'pass' : 'fail';
    li.textContent = (judged ? (v.pass ? '✓ ' : '✗ ') : '· ') + v.rule + ': ' +
      (judged ? num(v.value, 3) + ' ' + v.unit + ' (limit ' + num(v.limit, 3) + ')' : v.note);
    return li;
  }));
  const d = g.demand;
  fillRows($('demand').tBodies[0], d.slotStart ? [
    ['slot', timeOf(Date.parse(d.slotStart)) + ' – ' + timeOf(Date.parse(d.slotEnd))],
    ['observed', num(d.observedS, 0) + ' s of ' + num(d.elapsedS, 0) + ' s'],
    ['average so far', kw(d.averageKw)],
    ['projected at slot end', kw(d.projectedKw)],
    ['contract', kw(d.contractKw)],
    ['margin', kw(d.projectedMarginKw)]
  ] : [['slot', d.note || '–']]);
  setText('gridcodeNote', 'rules: ' + g.rules + (d.note && d.slotStart ? ' — ' + d.note : ''));
}

async function refreshAlarms() {
  const r = await api('GET', '/api/alarms?all=true');
  if (!r.ok) return;
  const list = r.json.alarms;
  if (list.length === 0) {
    $('alarms').replaceChildren(Object.assign(document.createElement('li'), { className: 'none', textContent: 'none' }));
    return;
  }
  $('alarms').replaceChildren(...list.slice(0, 30).map(a => {
    const li = document.createElement('li');
    li.className = a.active ? 'active' : 'cleared';
    li.dataset.code = a.code;
    li.textContent = timeOf(a.raisedEpochMs) + ' ' + a.source + ' — ' + a.code + ': ' + a.message +
      (a.active ? '' : ' (cleared ' + timeOf(a.clearedEpochMs) + ')');
    return li;
  }));
}

async function refreshAudit() {
  const r = await api('GET', '/api/audit?limit=5');
  if (!r.ok) return;
  $('audit').replaceChildren(...r.json.entries.map(e => {
    const li = document.createElement('li');
    li.textContent = timeOf(Date.parse(e.time)) + ' ' + e.outcome + ' ' + e.what.method + ' ' + e.what.path +
      ' from ' + e.who.remote + (e.reason ? ' — ' + e.reason : '');
    return li;
  }));
}

// ---- the manual setpoint form

function answer(text, ok) {
  const el = $('spAnswer');
  el.className = 'answer ' + (ok ? 'ok' : 'refused');
  el.textContent = text;
}

async function write(method, body) {
  const typed = $('spToken').value.trim();
  if (typed) sessionStorage.setItem(TOKEN_KEY, typed); else sessionStorage.removeItem(TOKEN_KEY);
  try {
    const r = await api(method, '/api/setpoint', body);
    if (r.ok) {
      showManual(r.json.manual);
      answer(r.json.manual ? 'Set: ' + kw(r.json.manual.kw) + ' until ' + timeOf(r.json.manual.expiresAtEpochMs) : 'Cleared.', true);
    } else {
      answer(r.status + ' ' + (r.json && r.json.error ? r.json.error : 'refused'), false);
    }
  } catch (e) {
    answer('The service did not answer: ' + e.message, false);
  }
  refreshAudit();
}

function setUpForm() {
  $('spToken').value = token();
  $('setpointForm').addEventListener('submit', e => {
    e.preventDefault();
    write('POST', { kw: Number($('spKw').value), expiresInSeconds: Number($('spExpiry').value) });
  });
  $('spClear').addEventListener('click', () => write('DELETE'));
}

// ---- start

function every(ms, task) {
  const run = () => task().catch(e => dashboard.errors.push(String(e)));
  run();
  setInterval(run, ms);
}

makeChart();
setUpForm();
connect(1000);
every(2000, refreshStatus);
every(5000, refreshGridCode);
every(5000, refreshAlarms);
every(10000, refreshAudit);
