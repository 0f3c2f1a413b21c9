// The pools page: the latest PoolStateChanged per pool, live.
(function () {
  'use strict';
  const { el, numEl, format, badge, statusBadge, time, emptyRow, getJson, renderPrices, live } = window.Otc;

  function utilization(pool) {
    const cell = el('td');
    if (pool.utilizationPct === null || pool.utilizationPct === undefined) {
      cell.textContent = '—';
      return cell;
    }
    const pct = Math.min(100, Math.max(0, Number(pool.utilizationPct)));
    const bar = el('div', 'progress');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuenow', String(pct));
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    const fill = numEl('div', 'progress-bar ' + (pct > 80 ? 'bg-danger' : pct > 50 ? 'bg-warning' : 'bg-info'),
      format.pct(pool.utilizationPct));
    fill.style.width = pct + '%';
    bar.append(fill);
    cell.append(bar);
    return cell;
  }

  function renderPools(pools) {
    const body = document.getElementById('pools-body');
    if (pools.length === 0) {
      emptyRow(body, 10, 'No pool state yet');
      return;
    }
    body.replaceChildren(...pools.map(pool => {
      const row = el('tr');
      row.dataset.poolId = pool.poolId;
      const status = el('td');
      status.append(statusBadge(pool.status));
      if (pool.lowBaseInventory) {
        // Under a fifth of its initial base inventory: trades buying the base token will soon find it empty.
        row.classList.add('table-warning');
        const low = badge('Low inventory', 'text-bg-warning ms-1 low-inventory');
        low.title = 'Base inventory ' + format.pct(pool.baseInventoryPct).text + ' of the initial (warning under 20 %)';
        status.append(low);
      }
      const spread = format.bps(pool.spreadBps);
      const offset = pool.priceOffsetBps ? format.bps(pool.priceOffsetBps) : null;
      const base = format.amount(pool.baseInventory, pool.baseSymbol);
      const initial = format.amount(pool.initialBaseInventory, pool.baseSymbol);
      const minTrade = format.amount(pool.minTradeBase, pool.baseSymbol);
      const maxTrade = format.amount(pool.maxTradeBase, pool.baseSymbol);
      row.append(
        el('td', 'font-monospace', pool.poolId),
        el('td', null, pool.pair),
        status,
        numEl('td', 'text-end pool-spread', offset
          ? { text: spread.text + ' (offset ' + offset.text + ')', title: spread.title + ' (offset ' + offset.title + ')' } : spread),
        numEl('td', 'text-end pool-base', { text: base.text + ' / ' + initial.text, title: base.title + ' / ' + initial.title }),
        numEl('td', 'text-end pool-quote', format.amount(pool.quoteInventory, pool.quoteSymbol)),
        utilization(pool),
        numEl('td', 'text-end', { text: minTrade.text + ' – ' + maxTrade.text, title: minTrade.title + ' – ' + maxTrade.title }),
        el('td', null, pool.change),
        el('td', null, time(pool.updatedAt)));
      return row;
    }));
  }

  Promise.all([getJson('/api/pools'), getJson('/api/prices')])
    .then(([pools, prices]) => { renderPools(pools); renderPrices(prices); })
    .catch(error => console.warn('Pools first paint failed; the live stream will fill it in', error));
  live({ pools: renderPools });
}());
