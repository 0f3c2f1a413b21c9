// Shared by every page: DOM helpers that only ever write text (textContent, never innerHTML, so user strings
// such as a client order id or an error text are always shown as text), formatting, the price ticker and the
// live event stream with its connection badge.
(function () {
  'use strict';

  const F = window.OtcFormat;
  // The original project's colours: CoinGecko green, Kraken yellow, offline (STATIC fallback prices) red; Binance,
  // which it did not have, blue.
  const SOURCE_BADGES = {
    COINGECKO: ['Live CoinGecko', 'text-bg-success'],
    KRAKEN: ['Live Kraken', 'text-bg-warning'],
    BINANCE: ['Live Binance', 'text-bg-primary'],
    STATIC: ['Offline', 'text-bg-danger'],
    MIXED: ['Mixed sources', 'text-bg-info'],
    NONE: ['No prices yet', 'text-bg-secondary']
  };
  const ROUTE_BADGES = { DEX: 'text-bg-primary', OTC: 'text-bg-info', SPLIT: 'text-bg-warning', REJECTED: 'text-bg-danger' };
  const STATUS_BADGES = {
    FILLED: 'text-bg-success', PARTIALLY_FILLED: 'text-bg-warning', FAILED: 'text-bg-danger',
    ACTIVE: 'text-bg-success', PAUSED: 'text-bg-secondary', DEPLETED: 'text-bg-danger'
  };
  const ROUTE_COLORS = { DEX: '#0d6efd', OTC: '#0dcaf0', SPLIT: '#ffc107', REJECTED: '#dc3545' };
  const RECONNECT_MS = 3000;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setText(id, text) {
    const node = document.getElementById(id);
    if (node) node.textContent = text === null || text === undefined ? '—' : String(text);
  }

  /** A td (or other element) showing a formatted number (OtcFormat), its exact value as the tooltip. */
  function numEl(tag, className, value) {
    return F.put(el(tag, className), value);
  }

  /** Sets the element with this id to a formatted number (OtcFormat), its exact value as the tooltip. */
  function setNumber(id, value) {
    F.put(document.getElementById(id), value);
  }

  /**
   * JSON as the API wrote it, except that a fractional or very large number keeps its source text (a decimal
   * string) instead of becoming a double: USD figures and percentages reach the formatters and tooltips exactly.
   */
  function parseJson(text) {
    return JSON.parse(text, (key, value, context) =>
      typeof value === 'number' && context && context.source !== undefined && !Number.isSafeInteger(value)
        ? context.source : value);
  }

  async function readJson(response) {
    return parseJson(await response.text());
  }

  function badge(text, className) {
    return el('span', 'badge ' + className, text);
  }

  function sourceBadge(source) {
    const [label, className] = SOURCE_BADGES[source] || [source, 'text-bg-secondary'];
    return badge(label, className);
  }

  function routeBadge(route) {
    return badge(route, ROUTE_BADGES[route] || 'text-bg-secondary');
  }

  function statusBadge(status) {
    return badge(status, STATUS_BADGES[status] || 'text-bg-secondary');
  }

  function time(instant) {
    return instant ? instant.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '—';
  }

  function emptyRow(body, colspan, text) {
    const row = el('tr');
    const cell = el('td', 'text-center text-body-secondary', text);
    cell.colSpan = colspan;
    row.append(cell);
    body.replaceChildren(row);
  }

  /** The session ended (timeout, sign-out in another tab): back to the sign-in page, which returns here after. */
  function signInAgain() {
    window.location.assign('/login');
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 401) signInAgain();
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return readJson(response);
  }

  /** The header carrying the page's CSRF token (from its <meta> tags), sent with every change. */
  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  /** POSTs JSON (or nothing) with the CSRF token; the answer as { body } or, for a refusal, { error: lines }. */
  async function postJson(path, body, headers) {
    const response = await fetch(path, {
      method: 'POST',
      headers: Object.assign({ Accept: 'application/json' }, body === undefined ? {} : { 'Content-Type': 'application/json' },
        csrfHeaders(), headers || {}),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    return readAnswer(response);
  }

  /** Reads an answer; a refusal (problem+json or anything else) becomes readable lines, never HTML. */
  async function readAnswer(response) {
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await readJson(response).catch(() => null) : null;
    if (!response.ok) return { error: problemLines(body, response.status) };
    return { body };
  }

  /** A problem detail (RFC 9457) as plain text lines: title, detail, then one line per field error. */
  function problemLines(problem, status) {
    const lines = [];
    if (problem && typeof problem === 'object') {
      if (problem.title) lines.push(String(problem.title));
      if (problem.detail) lines.push(String(problem.detail));
      if (Array.isArray(problem.errors)) {
        problem.errors.forEach(error => lines.push((error.field ? error.field + ': ' : '') + (error.message || '')));
      }
    }
    if (lines.length === 0) lines.push('Request failed with HTTP status ' + status);
    return lines;
  }

  /** A random UUID, also on plain http where crypto.randomUUID is not available. */
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /** How long ago an instant was, as a person reads it: "12 s ago", "3 min ago", "2 h ago". */
  function age(instant, now) {
    const seconds = Math.max(0, Math.floor((now - Date.parse(instant)) / 1000));
    if (seconds < 120) return seconds + ' s ago';
    if (seconds < 7200) return Math.floor(seconds / 60) + ' min ago';
    return Math.floor(seconds / 3600) + ' h ago';
  }

  /** Every shown price age, redrawn each second between price updates. */
  function tickAges() {
    const now = Date.now();
    document.querySelectorAll('.price-age[data-observed-at]').forEach(node => {
      node.textContent = age(node.dataset.observedAt, now);
    });
  }

  function ageEl(observedAt) {
    if (!observedAt) return el('span', 'price-age text-body-secondary', 'age unknown');
    const node = el('span', 'price-age text-body-secondary', age(observedAt, Date.now()));
    node.dataset.observedAt = observedAt;
    node.title = 'Observed by the source at ' + time(observedAt) + ' UTC';
    return node;
  }

  function renderPrices(prices) {
    const overall = document.getElementById('overall-source');
    if (overall) overall.replaceWith(Object.assign(sourceBadge(prices.source), { id: 'overall-source' }));
    const ticker = document.getElementById('price-ticker');
    if (!ticker) return;
    const items = Object.entries(prices.prices).map(([symbol, p]) => {
      const item = el('span', 'ticker-item d-inline-flex align-items-center gap-1');
      item.dataset.symbol = symbol;
      item.dataset.source = p.source;
      item.append(el('strong', null, symbol), numEl('span', 'ticker-price', F.price(p.price, 'USD')));
      if (p.change24hPct !== null && p.change24hPct !== undefined) {
        const up = Number(p.change24hPct) >= 0;
        item.append(numEl('span', up ? 'ticker-up' : 'ticker-down', F.signedPct(p.change24hPct)));
      }
      const source = sourceBadge(p.source);
      source.classList.add('price-source');
      item.append(source);
      if (p.stale && p.source !== 'STATIC') item.append(badge('stale', 'text-bg-secondary border border-warning'));
      item.append(ageEl(p.observedAt));
      return item;
    });
    if (items.length === 0) items.push(el('span', 'text-body-secondary', 'Waiting for prices…'));
    ticker.replaceChildren(...items);
  }

  function setConnected(connected) {
    document.body.dataset.live = connected ? 'up' : 'down';
    const lost = document.getElementById('connection-lost');
    const ok = document.getElementById('connection-ok');
    if (lost) lost.classList.toggle('d-none', connected);
    if (ok) ok.classList.toggle('d-none', !connected);
  }

  /**
   * Opens the live stream and calls handlers[eventName](payload) for every event. EventSource reconnects by
   * itself after a dropped connection; when it gives up (an HTTP error answer), a new one is opened after a delay.
   * The page shows "Connection lost" from the first error until the stream is open again.
   */
  function live(handlers) {
    const all = Object.assign({ prices: renderPrices }, handlers);
    let source;
    function open() {
      source = new EventSource('/api/stream');
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source.readyState === EventSource.CLOSED) setTimeout(reopen, RECONNECT_MS);
      };
      Object.entries(all).forEach(([name, handler]) => source.addEventListener(name, event => {
        setConnected(true);
        try {
          handler(parseJson(event.data));
        } catch (error) {
          console.warn('Could not render live ' + name, error);
        }
      }));
    }
    /** The browser gave up on the stream (an HTTP error): an ended session means signing in again. */
    function reopen() {
      fetch('/api/tokens', { headers: { Accept: 'application/json' }, cache: 'no-store' })
        .then(response => { if (response.status === 401) signInAgain(); else open(); })
        .catch(() => open());
    }
    open();
    window.addEventListener('beforeunload', () => source.close());
  }

  function chartDefaults() {
    if (!window.Chart) return;
    Chart.defaults.color = '#adb5bd';
    Chart.defaults.borderColor = 'rgba(255,255,255,0.1)';
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
  }

  function markActiveNav() {
    document.querySelectorAll('.navbar .nav-link').forEach(link => {
      if (link.getAttribute('href') === window.location.pathname) {
        link.classList.add('active');
        link.setAttribute('aria-current', 'page');
      }
    });
  }

  chartDefaults();
  setInterval(tickAges, 1000);
  document.addEventListener('DOMContentLoaded', markActiveNav);

  window.Otc = {
    el, setText, numEl, setNumber, parseJson, readJson, format: F, badge, sourceBadge, routeBadge, statusBadge, time, emptyRow, getJson, problemLines,
    csrfHeaders, postJson, readAnswer, uuid, renderPrices, live, ROUTE_COLORS
  };
}());
