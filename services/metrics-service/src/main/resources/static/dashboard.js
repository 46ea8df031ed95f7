// The supervisors' dashboard. Tables, drill-down, trend, overdue list and exports come from stats-service's
// API; this service's event stream says when figures changed, and the page refreshes what it shows.
// Everything from the server is put on the page as text (never as HTML): area names come from data files.
// The viewer signs in against the realm's token endpoint (the page is a public OAuth2 client); every call
// carries the token, and the services show only the areas the token covers. The token lives in this tab's
// sessionStorage and goes when it expires or the viewer signs out.
'use strict';

const LEVELS = {
  district: {label: '区县', next: 'street'},
  street: {label: '街道（乡镇）', next: 'community'},
  community: {label: '社区（村）', next: null}
};
// Who reads statistics; everyone else is told where their own work is.
const READERS = ['SUPERVISOR', 'OPERATOR'];
const NOT_FOR_YOU = {
  GRID_WORKER: '网格员请在工作台（手机可用）上报事件、查看本人上报的办理情况和网格任务；统计看板供督查考核组和指挥中心查看。',
  HANDLER: '处置单位请在工作台签收、办理和反馈案件；统计看板供督查考核组和指挥中心查看。',
  ADMIN: '系统管理员请在工作台或管理接口维护网格库、处置单位、分流规则和节假日；统计看板供督查考核组和指挥中心查看。'
};
const ZONE = 'Asia/Shanghai';

const TOKEN_KEY = 'gridloop.token';

const auth = {token: null, claims: null, expiry: null};

const state = {
  statsUrl: null,
  tokenUrl: null,
  clientId: null,
  onlyArea: null,           // the one area at the top when the viewer may not see the city
  stream: null,             // the live feed's AbortController
  city: null,               // {code, name}: the root of the drill-down
  trail: [],                // [{code, name, level}] below the city
  period: {kind: 'year', value: null},
  refreshing: null,
  again: false,
  formulas: null,           // the rates' names and definitions, from the statistics API
  slowView: null,           // the view the split and the zero-complaint list were last drawn for, and when
  slowAt: 0
};
let bars;
let trend;
let split;

function $(id) {
  return document.getElementById(id);
}

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    e.setAttribute(k, v);
  }
  return e;
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%';
}

// --- signing in ------------------------------------------------------------------------------------------------

function claimsOf(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part + '='.repeat((4 - part.length % 4) % 4)), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

// Takes a token if it is still valid for a while; false otherwise.
function useToken(token) {
  let claims;
  try {
    claims = claimsOf(token);
  } catch (ignored) {
    return false;
  }
  if (!claims.exp || claims.exp * 1000 < Date.now() + 5000) {
    return false;
  }
  auth.token = token;
  auth.claims = claims;
  sessionStorage.setItem(TOKEN_KEY, token);
  clearTimeout(auth.expiry);
  auth.expiry = setTimeout(() => signOut('登录已过期，请重新登录'), claims.exp * 1000 - Date.now());
  $('user-name').textContent = claims.name || claims.preferred_username || '';
  $('sign-out').hidden = false;
  return true;
}

async function signIn(username, password) {
  const answer = await fetch(state.tokenUrl, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({grant_type: 'password', client_id: state.clientId, username: username,
      password: password})
  });
  if (answer.status === 400 || answer.status === 401) {
    throw new Error('用户名或密码错误');
  }
  if (!answer.ok) {
    throw new Error('登录服务暂不可用（' + answer.status + '）');
  }
  const token = (await answer.json()).access_token;
  if (!useToken(token)) {
    throw new Error('登录服务返回的令牌无效');
  }
}

function signOut(message) {
  auth.token = null;
  auth.claims = null;
  clearTimeout(auth.expiry);
  sessionStorage.removeItem(TOKEN_KEY);
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  $('user-name').textContent = '';
  $('sign-out').hidden = true;
  $('live').className = 'live';
  $('live').textContent = '未登录';
  $('board').hidden = true;
  $('not-for-you').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('login-error').hidden = !message;
}

function authorized(headers) {
  return Object.assign({Authorization: 'Bearer ' + auth.token}, headers || {});
}

class SignedOut extends Error {
}

async function getJson(url, signedIn = true) {
  const answer = await fetch(url, {headers: signedIn ? authorized({Accept: 'application/json'})
      : {Accept: 'application/json'}});
  if (answer.status === 401 && signedIn) {
    signOut('登录已过期，请重新登录');
    throw new SignedOut('未登录');
  }
  if (!answer.ok) {
    let detail = answer.status + ' ' + answer.statusText;
    try {
      const problem = await answer.json();
      detail = (problem.title || '') + '：' + (problem.detail || detail);
    } catch (ignored) {
      // not problem+json
    }
    throw new Error(detail);
  }
  return answer.json();
}

// --- periods -------------------------------------------------------------------------------------------------

function today() {
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
      .formatToParts(new Date());
  const get = type => parts.find(p => p.type === type).value;
  return {y: +get('year'), m: +get('month'), d: +get('day')};
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function currentPeriod(kind) {
  const t = today();
  switch (kind) {
    case 'year': return String(t.y);
    case 'quarter': return t.y + '-Q' + (Math.floor((t.m - 1) / 3) + 1);
    case 'month': return t.y + '-' + pad(t.m);
    default: return t.y + '-' + pad(t.m) + '-' + pad(t.d);
  }
}

function shift(kind, value, step) {
  if (kind === 'year') {
    return String(+value + step);
  }
  if (kind === 'quarter') {
    const [y, q] = value.split('-Q').map(Number);
    const index = y * 4 + (q - 1) + step;
    return Math.floor(index / 4) + '-Q' + (index % 4 + 1);
  }
  if (kind === 'month') {
    const [y, m] = value.split('-').map(Number);
    const index = y * 12 + (m - 1) + step;
    return Math.floor(index / 12) + '-' + pad(index % 12 + 1);
  }
  const d = new Date(value + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
}

function trendEnd() {
  // The trend ends at the period's last month, or this month for the current period.
  const v = state.period.value;
  if (state.period.kind === 'year') {
    return v === String(today().y) ? currentPeriod('month') : v + '-12';
  }
  if (state.period.kind === 'quarter') {
    const [y, q] = v.split('-Q').map(Number);
    const last = y + '-' + pad(q * 3);
    return last > currentPeriod('month') ? currentPeriod('month') : last;
  }
  return v.slice(0, 7);
}

// --- where we are ----------------------------------------------------------------------------------------------

function level() {
  const last = state.trail[state.trail.length - 1];
  return last ? LEVELS[last.level].next : 'district';
}

function parentCode() {
  const last = state.trail[state.trail.length - 1];
  return last ? last.code : null;
}

function areaCode() {
  return parentCode() || (state.city && state.city.code) || state.onlyArea;
}

function tableQuery() {
  const q = new URLSearchParams({level: level(), period: state.period.value});
  if (parentCode()) {
    q.set('parent', parentCode());
  }
  return q;
}

function renderTrail() {
  const nav = $('trail');
  nav.replaceChildren();
  const cityName = state.city ? state.city.name || '全市' : '全市';
  const crumbs = [{code: null, name: cityName}].concat(state.trail);
  crumbs.forEach((crumb, i) => {
    if (i > 0) {
      nav.append(el('span', '›', {class: 'sep'}));
    }
    if (i === crumbs.length - 1) {
      nav.append(el('span', crumb.name, {class: 'here', 'data-trail': crumb.code || 'city'}));
    } else {
      const a = el('a', crumb.name, {href: '#', 'data-trail': crumb.code || 'city'});
      a.addEventListener('click', event => {
        event.preventDefault();
        state.trail = state.trail.slice(0, i);
        refresh();
      });
      nav.append(a);
    }
  });
}

// --- drawing ---------------------------------------------------------------------------------------------------

function renderKpis(total) {
  const values = total ? {
    reported: total.counts.reported,
    closed: total.counts.closed,
    completionRate: percent(total.rates.completionRate),
    onTimeCompletionRate: percent(total.rates.onTimeCompletionRate),
    openNow: total.counts.open,
    overdueNow: total.counts.overdueNow
  } : {};
  for (const key of ['reported', 'closed', 'completionRate', 'onTimeCompletionRate', 'openNow', 'overdueNow']) {
    const value = values[key];
    document.querySelector('[data-kpi="' + key + '"]').textContent = value === undefined ? '—' : String(value);
  }
  // Red only when there is something overdue: a red 0 reads as an alarm.
  $('kpi-overdue').classList.toggle('hot', !!total && total.counts.overdueNow > 0);
}

// Every configured rate of the area, with how it is counted: the 12345 三率, 结案率, 返工率, 延期率…
function renderRates(total) {
  const body = document.querySelector('#rates tbody');
  body.replaceChildren();
  for (const f of state.formulas.formulas) {
    const row = el('tr', null, {'data-rate': f.code});
    row.append(el('td', f.name));
    row.append(el('td', percent(total.rates[f.code]), {class: 'n'}));
    row.append(el('td', f.description || ''));
    body.append(row);
  }
}

// How the area's reports split by category and by source: one read of the area's figures on the server.
async function renderSplit() {
  const code = areaCode();
  if (!code) {
    split.clear();
    return;
  }
  const s = await getJson(state.statsUrl + '/api/v1/stats/areas/' + encodeURIComponent(code) + '/split?'
      + new URLSearchParams({period: state.period.value}));
  const slices = list => list.filter(x => x.reported > 0).map(x => ({name: x.name, value: x.reported}));
  split.setOption({
    tooltip: {trigger: 'item', formatter: '{b}：{c} 件（{d}%）'},
    title: [{text: '类别', left: '25%', top: 0, textAlign: 'center', textStyle: {fontSize: 13}},
      {text: '来源', left: '75%', top: 0, textAlign: 'center', textStyle: {fontSize: 13}}],
    series: [
      {name: '类别', type: 'pie', radius: ['30%', '55%'], center: ['25%', '55%'], data: slices(s.categories),
        label: {formatter: '{b}\n{c}'}},
      {name: '来源', type: 'pie', radius: ['30%', '55%'], center: ['75%', '55%'], data: slices(s.sources),
        label: {formatter: '{b}\n{c}'}}
    ]
  }, true);
}

// 零投诉社区: the communities of the area without a single 12345 order this quarter.
async function renderZeroComplaint() {
  const code = areaCode();
  $('zero-card').hidden = !code;
  if (!code) {
    return;
  }
  const z = await getJson(state.statsUrl + '/api/v1/stats/zero-complaint?' + new URLSearchParams({parent: code}));
  $('zero-title').textContent = '零投诉社区（' + z.periodLabel + '无12345工单：' + z.zeroComplaintCommunities.length
      + ' / ' + z.communities + ' 个）';
  const list = $('zero-list');
  list.replaceChildren();
  for (const c of z.zeroComplaintCommunities.slice(0, 60)) {
    list.append(el('span', c.areaName || c.areaCode, {'data-zero': c.areaCode}));
  }
  if (z.zeroComplaintCommunities.length > 60) {
    list.append(el('span', '等 ' + z.zeroComplaintCommunities.length + ' 个', {class: 'small'}));
  }
  if (!z.zeroComplaintCommunities.length) {
    list.append(el('span', '本季度暂无', {class: 'small'}));
  }
}

// On an error nothing old stays on screen looking current.
function clearFigures() {
  state.slowView = null;
  renderKpis(null);
  document.querySelector('#areas tbody').replaceChildren();
  document.querySelector('#areas tfoot').replaceChildren();
  document.querySelector('#rates tbody').replaceChildren();
  document.querySelector('#overdue tbody').replaceChildren();
  $('overdue-count').textContent = '';
  for (const chart of [bars, trend, split]) {
    if (chart) {
      chart.clear();
    }
  }
}

function cells(row, figures) {
  row.append(el('td', figures.counts.reported, {'data-measure': 'reported'}));
  row.append(el('td', figures.counts.closed, {'data-measure': 'closed'}));
  row.append(el('td', percent(figures.rates.completionRate), {'data-measure': 'completionRate'}));
  row.append(el('td', percent(figures.rates.onTimeCompletionRate), {'data-measure': 'onTimeCompletionRate'}));
  const overdue = el('td', figures.counts.overdueNow, {'data-measure': 'overdueNow'});
  if (figures.counts.overdueNow > 0) {
    overdue.classList.add('overdue-hot');
  }
  row.append(overdue);
}

function renderTable(table) {
  const lvl = level();
  $('level-header').textContent = LEVELS[lvl].label;
  $('table-title').textContent = (state.trail.length ? state.trail[state.trail.length - 1].name + ' · ' : '')
      + '各' + LEVELS[lvl].label + '办结情况（' + table.periodLabel + '）';
  const body = document.querySelector('#areas tbody');
  body.replaceChildren();
  for (const r of table.rows) {
    const row = el('tr', null, {'data-area': r.areaCode});
    const name = el('td', null, {class: 'name'});
    if (LEVELS[lvl].next) {
      const a = el('a', r.areaName || r.areaCode, {href: '#', class: 'drill', 'data-drill': r.areaCode});
      a.addEventListener('click', event => {
        event.preventDefault();
        state.trail.push({code: r.areaCode, name: r.areaName || r.areaCode, level: lvl});
        refresh();
      });
      name.append(a);
    } else {
      name.textContent = r.areaName || r.areaCode;
    }
    row.append(name);
    cells(row, r);
    row.append(el('td', r.rank !== null && r.rank !== undefined ? r.rank : (r.belowMinimumSample ? '样本不足' : '—'),
        {'data-measure': 'rank', class: r.belowMinimumSample ? 'small' : ''}));
    body.append(row);
  }
  if (!table.rows.length) {
    const empty = el('tr');
    empty.append(el('td', '本期暂无数据', {colspan: '7', class: 'small'}));
    body.append(empty);
  }
  const foot = document.querySelector('#areas tfoot');
  foot.replaceChildren();
  const total = el('tr', null, {'data-area': 'total'});
  total.append(el('td', '合计'));
  cells(total, table.total);
  total.append(el('td', ''));
  foot.append(total);
  $('sample-hint').textContent = '本期上报少于 ' + table.minSampleSize + ' 件的区域只显示、不参与排名（样本不足）。';
}

function renderBars(table) {
  const rows = table.rows.filter(r => r.rates.completionRate !== null && r.rates.completionRate !== undefined);
  bars.setOption({
    // containLabel: long street names, turned, stay inside the card.
    grid: {left: 10, right: 20, top: 20, bottom: 10, containLabel: true},
    tooltip: {trigger: 'axis', valueFormatter: v => v + '%'},
    xAxis: {type: 'category', data: rows.map(r => r.areaName || r.areaCode), axisLabel: {rotate: 30}},
    yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
    series: [{
      name: '办结率', type: 'bar',
      data: rows.map(r => ({
        value: +(r.rates.completionRate * 100).toFixed(1),
        itemStyle: {color: r.belowMinimumSample ? '#b8c4ce' : '#2f7ed8'}
      })),
      label: {show: rows.length <= 12, position: 'top', formatter: '{c}%'}
    }]
  }, true);
}

async function renderTrend() {
  const code = areaCode();
  if (!code) {
    trend.clear();
    return;
  }
  const t = await getJson(state.statsUrl + '/api/v1/stats/trend?' + new URLSearchParams({area: code, to: trendEnd()}));
  $('trend-title').textContent = '近12个月趋势（' + (t.areaName || code) + '，按上报月份）';
  trend.setOption({
    grid: {left: 10, right: 10, top: 40, bottom: 10, containLabel: true},
    tooltip: {trigger: 'axis'},
    legend: {data: ['上报', '办结', '办结率'], top: 0},
    xAxis: {type: 'category', data: t.months},
    yAxis: [{type: 'value', name: '件'}, {type: 'value', name: '办结率', min: 0, max: 100,
      axisLabel: {formatter: '{value}%'}}],
    series: [
      {name: '上报', type: 'bar', data: t.figures.map(f => f.counts.reported)},
      {name: '办结', type: 'bar', data: t.figures.map(f => f.counts.closed)},
      {name: '办结率', type: 'line', yAxisIndex: 1, connectNulls: false, showSymbol: true, symbolSize: 7,
        data: t.figures.map(f => f.rates.completionRate === null ? null : +(f.rates.completionRate * 100).toFixed(1))}
    ]
  }, true);
}

function since(hours) {
  if (hours < 1) {
    return '不足1小时';
  }
  return hours >= 24 ? Math.floor(hours / 24) + '天' + (hours % 24) + '小时' : hours + '小时';
}

const DUE = new Intl.DateTimeFormat('zh-CN', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit'});

async function renderOverdue() {
  const q = new URLSearchParams({size: '10'});
  if (areaCode()) {
    q.set('area', areaCode());
  }
  const page = await getJson(state.statsUrl + '/api/v1/stats/overdue?' + q);
  $('overdue-count').textContent = '（' + page.total + ' 件）';
  const body = document.querySelector('#overdue tbody');
  body.replaceChildren();
  for (const c of page.items) {
    const row = el('tr', null, {'data-case': c.caseId});
    // The case number people quote, opening the case in the workbench; a case older than numbers shows the
    // first part of its id (the whole on hover).
    const cell = el('td', null, {class: 'case-id'});
    cell.append(el('a', c.caseNumber || c.caseId.slice(0, 8),
      {href: '/workbench/#/cases/' + encodeURIComponent(c.caseId), title: c.caseId}));
    row.append(cell);
    row.append(el('td', [c.districtName, c.streetName, c.communityName].filter(Boolean).join(' ')));
    row.append(el('td', [c.categoryName || c.category, c.subCategoryName].filter(Boolean).join(' · ')));
    row.append(el('td', c.handlingUnitName || ''));
    row.append(el('td', c.dueAt ? DUE.format(new Date(c.dueAt)) : ''));
    row.append(el('td', since(c.overdueHours), {class: 'n overdue-hot'}));
    body.append(row);
  }
  if (!page.items.length) {
    const empty = el('tr');
    empty.append(el('td', '暂无超期案件', {colspan: '6', class: 'small'}));
    body.append(empty);
  }
}

function renderExports() {
  for (const format of ['xlsx', 'csv']) {
    const q = tableQuery();
    q.set('format', format);
    $('export-' + format).href = state.statsUrl + '/api/v1/stats/completion/export?' + q;
  }
}

// A plain link cannot carry the token: fetch the file and hand it to the browser as a download.
async function download(link) {
  const answer = await fetch(link.href, {headers: authorized()});
  if (answer.status === 401) {
    signOut('登录已过期，请重新登录');
    return;
  }
  if (!answer.ok) {
    throw new Error('导出失败（' + answer.status + '）');
  }
  const named = /filename\*=UTF-8''([^;]+)/i.exec(answer.headers.get('Content-Disposition') || '');
  const url = URL.createObjectURL(await answer.blob());
  const a = el('a', null, {href: url, download: named ? decodeURIComponent(named[1]) : 'export'});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// --- refreshing ------------------------------------------------------------------------------------------------

async function draw() {
  if (!state.city) {
    const cities = await getJson(state.statsUrl + '/api/v1/stats/completion?'
        + new URLSearchParams({level: 'city', period: state.period.value}));
    // A viewer of one district or a few does not see the city: the top is then their own areas.
    state.city = cities.rows.length ? {code: cities.rows[0].areaCode, name: cities.rows[0].areaName}
        : {code: null, name: '本辖区'};
  }
  renderTrail();
  renderExports();
  if (!state.formulas) {
    state.formulas = await getJson(state.statsUrl + '/api/v1/stats/formulas');
  }
  const table = await getJson(state.statsUrl + '/api/v1/stats/completion?' + tableQuery());
  state.onlyArea = !parentCode() && !state.city.code && table.rows.length === 1 ? table.rows[0].areaCode : null;
  if (state.onlyArea && LEVELS[level()].next) {
    // A district's (or street's) own supervisor: a one-row table helps nobody; open their area's children.
    const own = table.rows[0];
    state.trail.push({code: own.areaCode, name: own.areaName || own.areaCode, level: level()});
    return draw();
  }
  renderKpis(table.total);
  renderTable(table);
  renderBars(table);
  renderRates(table.total);
  // The split and the quarter's zero-complaint list move slowly: on a live change they are redrawn at most twice
  // a minute, on a change of area or period at once.
  const view = level() + ':' + (parentCode() || '') + ':' + state.period.value;
  const slow = view !== state.slowView || Date.now() - state.slowAt > 30000
      ? [renderSplit(), renderZeroComplaint()] : [];
  if (slow.length) {
    state.slowView = view;
    state.slowAt = Date.now();
  }
  await Promise.all([renderTrend(), renderOverdue()].concat(slow));
  document.body.dataset.drawn = String(+(document.body.dataset.drawn || 0) + 1);
  document.body.dataset.view = level() + ':' + (parentCode() || '') + ':' + state.period.value;
}

// One drawing at a time; a change while drawing draws once more afterwards.
async function refresh() {
  if (state.refreshing) {
    state.again = true;
    return state.refreshing;
  }
  state.refreshing = (async () => {
    do {
      state.again = false;
      try {
        await draw();
        $('error').hidden = true;
      } catch (e) {
        if (e instanceof SignedOut) {
          return;
        }
        clearFigures();
        $('error').textContent = '统计数据暂时无法读取：' + e.message;
        $('error').hidden = false;
      }
    } while (state.again);
    state.refreshing = null;
  })();
  return state.refreshing;
}

let pending;

// Server-sent events, read with fetch because EventSource cannot send the token; reconnects after a drop.
function listen() {
  const live = $('live');
  const stream = new AbortController();
  state.stream = stream;
  (async () => {
    while (!stream.signal.aborted && auth.token) {
      try {
        const answer = await fetch('/api/v1/dashboard/stream', {signal: stream.signal,
          headers: authorized({Accept: 'text/event-stream'})});
        if (answer.status === 401) {
          signOut('登录已过期，请重新登录');
          return;
        }
        if (!answer.ok) {
          throw new Error(String(answer.status));
        }
        live.className = 'live on';
        live.textContent = '实时更新';
        const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event:\s*districts\s*$/m.test(message)) {
              changed();
            }
          }
        }
      } catch (e) {
        if (stream.signal.aborted) {
          return;
        }
      }
      live.className = 'live off';
      live.textContent = '实时连接中断，正在重连…';
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  })();
}

function changed() {
  const at = new Intl.DateTimeFormat('zh-CN', {timeZone: ZONE, hour: '2-digit', minute: '2-digit',
    second: '2-digit'}).format(new Date());
  $('live').className = 'live on';
  $('live').textContent = '实时更新 · ' + at;
  clearTimeout(pending);
  pending = setTimeout(refresh, 300);
}

function setPeriod(kind, value) {
  state.period = {kind: kind, value: value};
  $('period-kind').value = kind;
  $('period-value').value = value;
}

function rolesOf(claims) {
  return ((claims.realm_access && claims.realm_access.roles) || []).concat(claims.roles || []);
}

// Shows the board for the signed-in viewer, from the top; someone whose work is elsewhere is told where.
async function startBoard() {
  $('login').hidden = true;
  const roles = rolesOf(auth.claims);
  if (!roles.some(r => READERS.includes(r))) {
    const own = Object.keys(NOT_FOR_YOU).find(r => roles.includes(r));
    $('not-for-you-text').textContent = own ? NOT_FOR_YOU[own]
        : '您的账号没有查看统计的权限；统计看板供督查考核组和指挥中心查看。如需开通请联系系统管理员。';
    $('not-for-you').hidden = false;
    $('board').hidden = true;
    $('live').textContent = '已登录';
    return;
  }
  $('not-for-you').hidden = true;
  $('board').hidden = false;
  if (!bars) {
    bars = echarts.init($('bars'));
    trend = echarts.init($('trend'));
    split = echarts.init($('split'));
    window.addEventListener('resize', () => {
      bars.resize();
      trend.resize();
      split.resize();
    });
  }
  state.city = null;
  state.trail = [];
  await refresh();
  listen();
}

async function main() {
  const config = await getJson('/api/v1/dashboard/config', false);
  state.statsUrl = config.statsUrl;
  state.tokenUrl = config.tokenUrl;
  state.clientId = config.clientId;
  $('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    $('login-submit').disabled = true;
    try {
      await signIn($('login-user').value.trim(), $('login-password').value);
      $('login-password').value = '';
      await startBoard();
    } catch (e) {
      $('login-error').textContent = e.message;
      $('login-error').hidden = false;
    } finally {
      $('login-submit').disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut());
  for (const format of ['xlsx', 'csv']) {
    $('export-' + format).addEventListener('click', event => {
      event.preventDefault();
      download(event.currentTarget).catch(e => {
        $('error').textContent = e.message;
        $('error').hidden = false;
      });
    });
  }
  setPeriod('year', currentPeriod('year'));
  $('period-kind').addEventListener('change', () => {
    setPeriod($('period-kind').value, currentPeriod($('period-kind').value));
    refresh();
  });
  $('period-value').addEventListener('change', () => {
    state.period.value = $('period-value').value.trim().toUpperCase();
    refresh();
  });
  $('period-prev').addEventListener('click', () => {
    setPeriod(state.period.kind, shift(state.period.kind, state.period.value, -1));
    refresh();
  });
  $('period-next').addEventListener('click', () => {
    setPeriod(state.period.kind, shift(state.period.kind, state.period.value, 1));
    refresh();
  });
  $('period-now').addEventListener('click', () => {
    setPeriod(state.period.kind, currentPeriod(state.period.kind));
    refresh();
  });
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && useToken(saved)) {
    await startBoard();
  } else {
    signOut();
  }
}

main().catch(e => {
  $('error').textContent = '看板无法启动：' + e.message;
  $('error').hidden = false;
});
