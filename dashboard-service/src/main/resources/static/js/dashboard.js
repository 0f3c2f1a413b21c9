// Polls the read model every 3 s and renders it. Every value from the server goes into the DOM through
// textContent (never innerHTML), so user strings such as clientOrderId are always shown as text.
(function () {
  'use strict';

  const POLL_MS = 3000;
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
  const SOURCE_BADGES = {
    COINGECKO: ['Live CoinGecko', 'text-bg-success'],
    KRAKEN: ['Live Kraken', 'text-bg-success'],
    BINANCE: ['Live Binance', 'text-bg-success'],
    STATIC: ['Offline', 'text-bg-secondary'],
    MIXED: ['Mixed sources', 'text-bg-info'],
    NONE: ['No prices yet', 'text-bg-secondary']
  };
  const ROUTE_BADGES = { DEX: 'text-bg-primary', OTC: 'text-bg-info', SPLIT: 'text-bg-warning', REJECTED: 'text-bg-danger' };
  const STATUS_BADGES = { FILLED: 'text-bg-success', PARTIALLY_FILLED: 'text-bg-warning', FAILED: 'text-bg-danger' };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setText(id, text) {
    document.getElementById(id).textContent = text;
  }

  function money(value) {
    return value === null || value === undefined ? '—' : usd.format(Number(value));
  }

  function badge(text, className) {
    return el('span', 'badge ' + className, text);
  }

  function sourceBadge(source) {
    const [label, className] = SOURCE_BADGES[source] || [source, 'text-bg-secondary'];
    return badge(label, className);
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return response.json();
  }

  function renderStats(stats) {
    setText('stat-trades', stats.totalTrades);
    setText('stat-trades-today', stats.today.trades);
    setText('stat-volume', money(stats.totalVolumeUsd));
    setText('stat-volume-today', money(stats.today.volumeUsd));
    setText('stat-savings', money(stats.totalSavingsUsd));
    setText('stat-savings-today', money(stats.today.savingsUsd));
    setText('stat-otc-share', stats.otcSharePct + '%');
    setText('stat-otc-share-today', stats.today.otcSharePct + '%');
    setText('stat-otc', stats.otcTrades);
    setText('stat-dex', stats.dexTrades);
  }

  function renderPrices(prices) {
    const overall = document.getElementById('overall-source');
    overall.replaceWith(Object.assign(sourceBadge(prices.source), { id: 'overall-source' }));
    const ticker = document.getElementById('price-ticker');
    const items = Object.entries(prices.prices).map(([symbol, p]) => {
      const item = el('span', 'ticker-item d-inline-flex align-items-center gap-1');
      item.append(el('strong', null, symbol), el('span', null, '$' + p.price));
      if (p.change24hPct !== null && p.change24hPct !== undefined) {
        const up = Number(p.change24hPct) >= 0;
        item.append(el('span', up ? 'ticker-up' : 'ticker-down', (up ? '+' : '') + p.change24hPct + '%'));
      }
      item.append(sourceBadge(p.source));
      if (p.stale && p.source !== 'STATIC') item.append(badge('stale', 'text-bg-warning'));
      return item;
    });
    if (items.length === 0) items.push(el('span', 'text-body-secondary', 'Waiting for prices…'));
    ticker.replaceChildren(...items);
  }

  function renderTrades(trades) {
    const body = document.getElementById('trades-body');
    if (trades.length === 0) {
      const row = el('tr');
      const cell = el('td', 'text-center text-body-secondary', 'No trades yet');
      cell.colSpan = 9;
      row.append(cell);
      body.replaceChildren(row);
      return;
    }
    body.replaceChildren(...trades.map(trade => {
      const row = el('tr');
      if (trade.reason) row.title = trade.reason;
      const order = el('td', null, trade.clientOrderId || trade.tradeId);
      const routeCell = el('td');
      routeCell.append(badge(trade.route, ROUTE_BADGES[trade.route] || 'text-bg-secondary'));
      if (trade.dexQuoteSource === 'SIMULATED') {
        // Jupiter was not reached: the DEX side of this decision came from the simulated model.
        const simulated = badge('SIMULATED', 'text-bg-warning ms-1');
        simulated.title = 'Jupiter quote from the simulated constant-product model';
        routeCell.append(simulated);
      }
      const statusCell = el('td');
      statusCell.append(badge(trade.status, STATUS_BADGES[trade.status] || 'text-bg-secondary'));
      row.append(
        el('td', null, trade.settledAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')),
        order,
        el('td', null, trade.pair),
        routeCell,
        statusCell,
        el('td', 'text-end', trade.amountIn + ' ' + trade.inputSymbol),
        el('td', 'text-end', trade.outAmount + ' ' + trade.outputSymbol),
        el('td', 'text-end', trade.executionPrice === null ? '—' : trade.executionPrice),
        el('td', 'text-end', money(trade.savingUsd)));
      return row;
    }));
  }

  function setConnected(connected) {
    document.getElementById('connection-lost').classList.toggle('d-none', connected);
    document.getElementById('connection-ok').classList.toggle('d-none', !connected);
  }

  async function refresh() {
    try {
      const [stats, trades, prices] = await Promise.all(
        [getJson('/api/stats'), getJson('/api/trades?limit=20'), getJson('/api/prices')]);
      renderStats(stats);
      renderTrades(trades);
      renderPrices(prices);
      setConnected(true);
    } catch (error) {
      setConnected(false);
      console.warn('Dashboard refresh failed', error);
    } finally {
      setTimeout(refresh, POLL_MS);
    }
  }

  refresh();
}());
