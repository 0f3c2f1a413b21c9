// The recent-trades table (dashboard and trade pages). Text only: clientOrderId and submittedBy are shown as typed.
(function () {
  'use strict';
  const { el, numEl, format, routeBadge, statusBadge, badge, time, emptyRow } = window.Otc;

  function renderTrades(trades) {
    const body = document.getElementById('trades-body');
    if (!body) return;
    if (trades.length === 0) {
      emptyRow(body, 10, 'No trades yet');
      return;
    }
    body.replaceChildren(...trades.map(trade => {
      const row = el('tr');
      row.dataset.tradeId = trade.tradeId;
      if (trade.reason) row.title = trade.reason;
      const order = el('td');
      const link = el('a', 'trade-link', trade.clientOrderId || trade.tradeId);
      link.href = '/trades/' + encodeURIComponent(trade.tradeId);
      order.append(link);
      const routeCell = el('td');
      routeCell.append(routeBadge(trade.route));
      if (trade.dexQuoteSource === 'SIMULATED') {
        // Jupiter was not reached: the DEX side of this decision came from the simulated model.
        const simulated = badge('SIMULATED', 'text-bg-warning ms-1');
        simulated.title = 'Jupiter quote from the simulated constant-product model';
        routeCell.append(simulated);
      }
      const statusCell = el('td');
      statusCell.append(statusBadge(trade.status));
      row.append(
        el('td', null, time(trade.settledAt)),
        order,
        el('td', 'submitted-by', trade.submittedBy || '—'),
        el('td', null, trade.pair),
        routeCell,
        statusCell,
        numEl('td', 'text-end trade-amount-in', format.amount(trade.amountIn, trade.inputSymbol)),
        numEl('td', 'text-end trade-amount-out', format.amount(trade.outAmount, trade.outputSymbol)),
        numEl('td', 'text-end trade-price', format.price(trade.executionPrice, trade.outputSymbol + '/' + trade.inputSymbol)),
        numEl('td', 'text-end trade-saving', format.usd(trade.savingUsd)));
      return row;
    }));
  }

  window.Otc.renderTrades = renderTrades;
}());
