// The analytics page: Chart.js charts and the threshold table from GET /api/analytics, kept live by the stream.
(function () {
  'use strict';
  const { el, setText, numEl, setNumber, format, emptyRow, getJson, renderPrices, live, ROUTE_COLORS } = window.Otc;
  const ROUTES = ['DEX', 'OTC', 'SPLIT', 'REJECTED'];

  const routeVolume = new Chart(document.getElementById('chart-route-volume'), {
    type: 'doughnut',
    data: { labels: ROUTES, datasets: [{ label: 'Volume (USD)', data: [], backgroundColor: ROUTES.map(r => ROUTE_COLORS[r]) }] },
    options: { plugins: { legend: { position: 'right' } } }
  });
  const dailySavings = new Chart(document.getElementById('chart-daily-savings'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'Savings (USD)', data: [], backgroundColor: '#198754' }] },
    options: { scales: { y: { beginAtZero: true } } }
  });
  const sizeSlippage = new Chart(document.getElementById('chart-size-slippage'), {
    type: 'scatter',
    data: { datasets: [] },
    options: {
      scales: {
        x: { type: 'logarithmic', title: { display: true, text: 'Trade size (USD)' } },
        y: { beginAtZero: true, title: { display: true, text: 'Jupiter price impact (%)' } }
      }
    }
  });
  const bracketSavings = new Chart(document.getElementById('chart-bracket-savings'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'Savings (USD)', data: [], backgroundColor: '#0dcaf0' }] },
    options: { scales: { y: { beginAtZero: true } } }
  });

  function sizeDatasets(analytics) {
    const points = analytics.sizeVsSlippage.map(p => ({ x: Number(p.sizeUsd), y: Number(p.priceImpactPct), route: p.route }));
    const datasets = ROUTES.filter(route => points.some(p => p.route === route)).map(route => ({
      label: route, data: points.filter(p => p.route === route), backgroundColor: ROUTE_COLORS[route], pointRadius: 3
    }));
    const xs = points.map(p => p.x).filter(x => x > 0);
    const threshold = Number(analytics.thresholdPct);
    const minX = xs.length ? Math.min(...xs) : 100;
    const maxX = xs.length ? Math.max(...xs) : 1000000;
    datasets.push({
      type: 'line', label: analytics.thresholdPct + ' % threshold', borderColor: '#dc3545', borderDash: [6, 4],
      pointRadius: 0, data: [{ x: minX, y: threshold }, { x: maxX, y: threshold }]
    });
    return datasets;
  }

  function renderThresholdTable(analytics) {
    setText('threshold-pct', analytics.thresholdPct);
    const body = document.getElementById('threshold-body');
    const rows = analytics.brackets.filter(b => b.trades > 0);
    if (rows.length === 0) {
      emptyRow(body, 8, 'No trades yet');
      return;
    }
    body.replaceChildren(...rows.map(b => {
      const row = el('tr');
      const above = numEl('td', 'text-end', format.pct(b.aboveThresholdPct));
      if (Number(b.aboveThresholdPct) > 50) above.classList.add('text-warning');
      row.append(el('td', null, b.label), el('td', 'text-end', b.trades), numEl('td', 'text-end', format.usd(b.volumeUsd)),
        numEl('td', 'text-end', format.pct(b.avgPriceImpactPct)), above, numEl('td', 'text-end', format.pct(b.otcSharePct)),
        numEl('td', 'text-end', format.usd(b.savingsUsd)), numEl('td', 'text-end', format.usd(b.avgSavingUsd)));
      return row;
    }));
  }

  function renderPerformance(p) {
    setNumber('perf-impact', format.pct(p.avgPriceImpactPct));
    setNumber('perf-slippage', format.bps(p.avgSlippageVsQuoteBps));
    setNumber('perf-shortfall', format.bps(p.avgShortfallVsArrivalBps));
    setNumber('perf-fill-rate', format.pct(p.fillRatePct));
    setText('perf-outcomes', p.filled + ' · ' + p.partiallyFilled + ' · ' + p.failed);
  }

  /** The ledger's system_metrics, from the read model: totals from the stats, averages from the analytics. */
  function renderSystemStats(stats) {
    setNumber('sm-volume', format.usd(stats.totalVolumeUsd));
    setNumber('sm-savings', format.usd(stats.totalSavingsUsd));
    setNumber('sm-otc', format.amount(stats.otcTrades));
    setNumber('sm-dex', format.amount(stats.dexTrades));
  }

  function renderSystemPerformance(p) {
    setNumber('sm-slippage', format.bps(p.avgSlippageVsQuoteBps));
    setNumber('sm-jupiter', format.pct(p.avgPriceImpactPct));
    const count = n => format.amount(n).text;
    setText('sm-trades', count(p.trades) + ' (' + count(p.filled) + ' · ' + count(p.partiallyFilled) + ' · '
      + count(p.failed) + ')');
  }

  function renderAnalytics(analytics) {
    routeVolume.data.datasets[0].data = ROUTES.map(route => Number(analytics.volumeUsdByRoute[route] || 0));
    routeVolume.update();
    dailySavings.data.labels = analytics.daily.map(d => d.date);
    dailySavings.data.datasets[0].data = analytics.daily.map(d => Number(d.savingsUsd));
    dailySavings.update();
    sizeSlippage.data.datasets = sizeDatasets(analytics);
    sizeSlippage.update();
    bracketSavings.data.labels = analytics.brackets.map(b => b.label);
    bracketSavings.data.datasets[0].data = analytics.brackets.map(b => Number(b.savingsUsd));
    bracketSavings.update();
    renderThresholdTable(analytics);
    renderPerformance(analytics.performance);
    renderSystemPerformance(analytics.performance);
    document.body.dataset.analyticsTrades = String(analytics.performance.trades);
  }

  Promise.all([getJson('/api/analytics'), getJson('/api/prices'), getJson('/api/stats')])
    .then(([analytics, prices, stats]) => { renderAnalytics(analytics); renderPrices(prices); renderSystemStats(stats); })
    .catch(error => console.warn('Analytics first paint failed; the live stream will fill it in', error));
  live({ analytics: renderAnalytics, stats: renderSystemStats });
}());
