// One trade: the router's decision (legs, every quote considered) and the ledger's settlement (cost analysis).
(function () {
  'use strict';
  const { el, setText, money, num, routeBadge, statusBadge, badge, time, emptyRow, live } = window.Otc;
  const tradeId = decodeURIComponent(window.location.pathname.replace(/^\/trades\//, ''));
  setText('detail-trade-id', tradeId);

  function amount(value, symbol) {
    return value === null || value === undefined ? '—' : value + ' ' + symbol;
  }

  function replaceWithBadge(id, node) {
    document.getElementById(id).replaceChildren(node);
  }

  function renderDecision(d) {
    setText('detail-order', d.clientOrderId || '—');
    setText('detail-submitted-by', d.submittedBy || '—');
    setText('detail-pair', d.pair);
    replaceWithBadge('detail-route', routeBadge(d.route));
    if (d.dexQuoteSource === 'SIMULATED') document.getElementById('detail-route').append(badge('SIMULATED', 'text-bg-warning ms-1'));
    setText('detail-amount', amount(d.amountIn, d.inputSymbol));
    setText('detail-slippage-bps', d.slippageBps + ' bps');
    setText('detail-reason', d.reason);
    setText('cost-expected', amount(d.expectedOut, d.outputSymbol));
    setText('cost-baseline', amount(d.dexBaselineOut, d.outputSymbol));
    setText('cost-impact', num(d.jupiterPriceImpactPct, ' %'));
    const legs = document.getElementById('detail-legs');
    if (d.legs.length === 0) emptyRow(legs, 6, 'No legs: the trade was rejected');
    else legs.replaceChildren(...d.legs.map(leg => {
      const row = el('tr');
      row.append(el('td', 'font-monospace', leg.legId || '—'), el('td', null, leg.venue), el('td', null, leg.poolId || '—'),
        el('td', 'text-end', amount(leg.amountIn, d.inputSymbol)), el('td', 'text-end', amount(leg.expectedOut, d.outputSymbol)),
        el('td', 'text-end', amount(leg.minOut, d.outputSymbol)));
      return row;
    }));
    const candidates = document.getElementById('detail-candidates');
    if (d.candidates.length === 0) emptyRow(candidates, 5, 'No candidates recorded');
    else candidates.replaceChildren(...d.candidates.map(c => {
      const row = el('tr', c.available ? null : 'text-body-secondary');
      row.append(el('td', null, c.label), el('td', null, c.route), el('td', null, c.available ? 'yes' : 'no'),
        el('td', 'text-end', amount(c.out, d.outputSymbol)), el('td', null, c.reason || ''));
      return row;
    }));
  }

  function renderSettlement(s) {
    if (document.getElementById('detail-order').textContent === '—') setText('detail-order', s.clientOrderId || '—');
    setText('detail-pair', s.pair);
    replaceWithBadge('detail-status', statusBadge(s.status));
    if (document.getElementById('detail-route').textContent === '—') replaceWithBadge('detail-route', routeBadge(s.route));
    setText('detail-amount', amount(s.amountIn, s.inputSymbol) + ' (filled ' + s.filledIn + ')');
    setText('detail-times', time(s.decidedAt) + ' · ' + time(s.settledAt));
    setText('cost-expected', amount(s.expectedOut, s.outputSymbol));
    setText('cost-realized', amount(s.outAmount, s.outputSymbol));
    setText('cost-baseline', amount(s.dexBaselineOut, s.outputSymbol));
    setText('cost-saving', (s.savingOut === null ? '—' : s.savingOut + ' ' + s.outputSymbol) + ' · ' + money(s.savingUsd));
    setText('cost-price', s.executionPrice === null ? '—' : s.executionPrice + ' ' + s.outputSymbol + '/' + s.inputSymbol);
    setText('cost-impact', num(s.jupiterPriceImpactPct, ' %'));
    setText('cost-slippage', num(s.slippageVsQuoteBps, ' bps'));
    setText('cost-shortfall', num(s.shortfallVsArrivalBps, ' bps'));
    setText('cost-volume', money(s.volumeUsd));
  }

  async function load() {
    const response = await fetch('/api/trades/' + encodeURIComponent(tradeId), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const missing = document.getElementById('detail-missing');
    const body = document.getElementById('detail-body');
    if (response.status === 404) {
      // Older than the dashboard's recent window (or not decided yet): say so, and show nothing else.
      const problem = await response.json();
      missing.textContent = problem.detail || 'Trade not found';
      missing.classList.remove('d-none');
      body.classList.add('d-none');
      return;
    }
    if (!response.ok) throw new Error('Trade detail answered ' + response.status);
    missing.classList.add('d-none');
    body.classList.remove('d-none');
    const detail = await response.json();
    if (detail.decision) renderDecision(detail.decision);
    if (detail.settlement) renderSettlement(detail.settlement);
  }

  load().catch(error => console.warn('Trade detail failed', error));
  // The settlement may arrive after the page opened: reload the detail when trades change.
  live({ trades: () => load().catch(error => console.warn('Trade detail refresh failed', error)) });
}());
