// One trade: the router's decision (legs, every quote considered) and the ledger's settlement (cost analysis).
(function () {
  'use strict';
  const { el, setText, numEl, setNumber, format, routeBadge, statusBadge, badge, time, emptyRow, live, readJson } = window.Otc;
  const tradeId = decodeURIComponent(window.location.pathname.replace(/^\/trades\//, ''));
  setText('detail-trade-id', tradeId);

  function amount(value, symbol) {
    return format.amount(value, symbol);
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
    setNumber('detail-amount', amount(d.amountIn, d.inputSymbol));
    setNumber('detail-slippage-bps', format.bps(d.slippageBps));
    setText('detail-reason', d.reason);
    setNumber('cost-expected', amount(d.expectedOut, d.outputSymbol));
    setNumber('cost-baseline', amount(d.dexBaselineOut, d.outputSymbol));
    setNumber('cost-impact', format.pct(d.jupiterPriceImpactPct));
    const legs = document.getElementById('detail-legs');
    if (d.legs.length === 0) emptyRow(legs, 6, 'No legs: the trade was rejected');
    else legs.replaceChildren(...d.legs.map(leg => {
      const row = el('tr');
      row.append(el('td', 'font-monospace', leg.legId || '—'), el('td', null, leg.venue), el('td', null, leg.poolId || '—'),
        numEl('td', 'text-end', amount(leg.amountIn, d.inputSymbol)), numEl('td', 'text-end', amount(leg.expectedOut, d.outputSymbol)),
        numEl('td', 'text-end', amount(leg.minOut, d.outputSymbol)));
      return row;
    }));
    const candidates = document.getElementById('detail-candidates');
    if (d.candidates.length === 0) emptyRow(candidates, 5, 'No candidates recorded');
    else candidates.replaceChildren(...d.candidates.map(c => {
      const row = el('tr', c.available ? null : 'text-body-secondary');
      row.append(el('td', null, c.label), el('td', null, c.route), el('td', null, c.available ? 'yes' : 'no'),
        numEl('td', 'text-end', amount(c.out, d.outputSymbol)), el('td', null, c.reason || ''));
      return row;
    }));
  }

  function renderSettlement(s) {
    if (document.getElementById('detail-order').textContent === '—') setText('detail-order', s.clientOrderId || '—');
    setText('detail-pair', s.pair);
    replaceWithBadge('detail-status', statusBadge(s.status));
    if (document.getElementById('detail-route').textContent === '—') replaceWithBadge('detail-route', routeBadge(s.route));
    const filled = amount(s.filledIn, s.inputSymbol);
    const asked = amount(s.amountIn, s.inputSymbol);
    setNumber('detail-amount', { text: asked.text + ' (filled ' + filled.text + ')', title: asked.title + ' (filled ' + filled.title + ')' });
    setText('detail-times', time(s.decidedAt) + ' · ' + time(s.settledAt));
    setNumber('cost-expected', amount(s.expectedOut, s.outputSymbol));
    setNumber('cost-realized', amount(s.outAmount, s.outputSymbol));
    setNumber('cost-baseline', amount(s.dexBaselineOut, s.outputSymbol));
    const savingOut = amount(s.savingOut, s.outputSymbol);
    const savingUsd = format.usd(s.savingUsd);
    setNumber('cost-saving', { text: savingOut.text + ' · ' + savingUsd.text, title: savingOut.title + ' · ' + savingUsd.title });
    setNumber('cost-price', format.price(s.executionPrice, s.outputSymbol + '/' + s.inputSymbol));
    setNumber('cost-impact', format.pct(s.jupiterPriceImpactPct));
    setNumber('cost-slippage', format.bps(s.slippageVsQuoteBps));
    setNumber('cost-shortfall', format.bps(s.shortfallVsArrivalBps));
    setNumber('cost-volume', format.usd(s.volumeUsd));
  }

  async function load() {
    const response = await fetch('/api/trades/' + encodeURIComponent(tradeId), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const missing = document.getElementById('detail-missing');
    const body = document.getElementById('detail-body');
    if (response.status === 404) {
      // Older than the dashboard's recent window (or not decided yet): say so, and show nothing else.
      const problem = await readJson(response);
      missing.textContent = problem.detail || 'Trade not found';
      missing.classList.remove('d-none');
      body.classList.add('d-none');
      return;
    }
    if (!response.ok) throw new Error('Trade detail answered ' + response.status);
    missing.classList.add('d-none');
    body.classList.remove('d-none');
    const detail = await readJson(response);
    if (detail.decision) renderDecision(detail.decision);
    if (detail.settlement) renderSettlement(detail.settlement);
  }

  load().catch(error => console.warn('Trade detail failed', error));
  // The settlement may arrive after the page opened: reload the detail when trades change.
  live({ trades: () => load().catch(error => console.warn('Trade detail refresh failed', error)) });
}());
