// The dashboard: first paint from the JSON API, then every change from the live stream (no polling, no reload).
(function () {
  'use strict';
  const { setText, setNumber, format, getJson, renderPrices, renderTrades, live, ROUTE_COLORS } = window.Otc;
  const ROUTES = ['DEX', 'OTC', 'SPLIT', 'REJECTED'];

  const routeChart = new Chart(document.getElementById('chart-route-count'), {
    type: 'doughnut',
    data: { labels: ROUTES, datasets: [{ data: [0, 0, 0, 0], backgroundColor: ROUTES.map(r => ROUTE_COLORS[r]) }] },
    options: { plugins: { legend: { position: 'right' } } }
  });

  function renderStats(stats) {
    setText('stat-trades', stats.totalTrades);
    setText('stat-trades-today', stats.today.trades);
    setNumber('stat-volume', format.usd(stats.totalVolumeUsd));
    setNumber('stat-volume-today', format.usd(stats.today.volumeUsd));
    setNumber('stat-savings', format.usd(stats.totalSavingsUsd));
    setNumber('stat-savings-today', format.usd(stats.today.savingsUsd));
    setNumber('stat-otc-share', format.pct(stats.otcSharePct));
    setNumber('stat-otc-share-today', format.pct(stats.today.otcSharePct));
    setText('stat-otc', stats.otcTrades);
    setText('stat-dex', stats.dexTrades);
    routeChart.data.datasets[0].data = ROUTES.map(route => stats.byRoute[route] || 0);
    routeChart.update();
  }

  function renderPerformance(analytics) {
    const p = analytics.performance;
    setNumber('perf-impact', format.pct(p.avgPriceImpactPct));
    setNumber('perf-slippage', format.bps(p.avgSlippageVsQuoteBps));
    setNumber('perf-shortfall', format.bps(p.avgShortfallVsArrivalBps));
    setNumber('perf-fill-rate', format.pct(p.fillRatePct));
    setText('perf-outcomes', p.filled + ' · ' + p.partiallyFilled + ' · ' + p.failed);
  }

  async function firstPaint() {
    try {
      const [stats, trades, prices, analytics] = await Promise.all([getJson('/api/stats'),
        getJson('/api/trades?limit=20'), getJson('/api/prices'), getJson('/api/analytics')]);
      renderStats(stats);
      renderTrades(trades);
      renderPrices(prices);
      renderPerformance(analytics);
    } catch (error) {
      console.warn('Dashboard first paint failed; the live stream will fill it in', error);
    }
  }

  firstPaint();
  live({ stats: renderStats, trades: renderTrades, analytics: renderPerformance });
}());
