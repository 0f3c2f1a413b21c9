// The trade history: the whole ledger, filtered, a page at a time (keyset cursors from the ledger), and the CSV of
// the filtered set. The filters live in the page's own query string: Apply, Newer and Older are plain navigations,
// so every view can be bookmarked and Back goes back. Text only (client order ids and submitters as typed).
(function () {
  'use strict';
  const { el, numEl, format, routeBadge, statusBadge, time, emptyRow, readJson, problemLines, renderPrices, getJson, live } = window.Otc;
  const FILTERS = ['pair', 'route', 'status', 'clientOrderId', 'submittedBy', 'from', 'to'];
  const TIMES = new Set(['from', 'to']);
  const form = document.getElementById('history-form');
  const errorBox = document.getElementById('history-error');

  const query = new URLSearchParams(window.location.search);

  /** "2024-05-01T12:00:00Z" as a datetime-local value in UTC ("2024-05-01T12:00"), and back. */
  function toInput(instant) {
    return instant.replace(/Z$/, '').replace(/(T\d\d:\d\d)(:00(\.0+)?)?$/, '$1');
  }

  function toInstant(local) {
    return (/T\d\d:\d\d$/.test(local) ? local + ':00' : local) + 'Z';
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  /** The filters as given in the form, empty ones left out. */
  function filtersFromForm() {
    const filters = new URLSearchParams();
    FILTERS.forEach(name => {
      const value = field(name).value.trim();
      if (value !== '') filters.set(name, TIMES.has(name) ? toInstant(value) : value);
    });
    return filters;
  }

  /** The filters of this page's address (what the table shows), without size or cursor. */
  function filtersFromAddress() {
    const filters = new URLSearchParams();
    FILTERS.forEach(name => { if (query.has(name)) filters.set(name, query.get(name)); });
    return filters;
  }

  function fillForm() {
    FILTERS.forEach(name => {
      if (query.has(name)) field(name).value = TIMES.has(name) ? toInput(query.get(name)) : query.get(name);
    });
  }

  function pageLink(id, cursorName, cursor) {
    const link = document.getElementById(id);
    const enabled = cursor !== null && cursor !== undefined;
    link.classList.toggle('disabled', !enabled);
    link.setAttribute('aria-disabled', String(!enabled));
    if (!enabled) { link.removeAttribute('href'); return; }
    const params = filtersFromAddress();
    if (query.has('size')) params.set('size', query.get('size'));
    params.set(cursorName, cursor);
    link.href = '/history?' + params;
  }

  function row(trade) {
    const tr = el('tr');
    tr.dataset.tradeId = trade.tradeId;
    const order = el('td');
    const link = el('a', 'trade-link', trade.clientOrderId || trade.tradeId);
    link.href = '/trades/' + encodeURIComponent(trade.tradeId);
    link.title = 'Trade ' + trade.tradeId;
    order.append(link);
    const route = el('td');
    route.append(routeBadge(trade.route));
    const status = el('td');
    status.append(statusBadge(trade.status));
    const amount = value => value ? value.units : null;
    tr.append(el('td', 'text-nowrap', time(trade.decidedAt)), order, el('td', 'submitted-by', trade.submittedBy || '—'),
      el('td', null, trade.pair), route, status,
      numEl('td', 'text-end trade-amount-in', format.amount(amount(trade.amountIn), trade.inputSymbol)),
      numEl('td', 'text-end trade-amount-out', format.amount(amount(trade.outAmount), trade.outputSymbol)),
      numEl('td', 'text-end trade-price', format.price(trade.executionPrice, trade.outputSymbol + '/' + trade.inputSymbol)),
      numEl('td', 'text-end trade-saving', format.usd(trade.savingUsd)));
    return tr;
  }

  function showError(problem, status) {
    errorBox.replaceChildren(...problemLines(problem, status).map((line, i) => el(i === 0 ? 'strong' : 'div', i === 0 ? 'd-block' : null, line)));
    errorBox.classList.remove('d-none');
    const named = [problem && problem.parameter].concat(problem && Array.isArray(problem.errors) ? problem.errors.map(e => e.field) : []);
    named.filter(name => FILTERS.includes(name)).forEach(name => field(name).classList.add('is-invalid'));
  }

  async function load() {
    const body = document.getElementById('history-body');
    const response = await fetch('/api/history?' + query, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 401) { window.location.assign('/login'); return; }
    const answer = (response.headers.get('Content-Type') || '').includes('json') ? await readJson(response).catch(() => null) : null;
    if (!response.ok) {
      emptyRow(body, 10, 'No trades shown');
      showError(answer, response.status);
      return;
    }
    if (answer.trades.length === 0) emptyRow(body, 10, 'No trade matches these filters');
    else body.replaceChildren(...answer.trades.map(row));
    document.getElementById('history-count').textContent = answer.trades.length + ' on this page';
    pageLink('history-previous', 'before', answer.previous);
    pageLink('history-next', 'after', answer.next);
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const filters = filtersFromForm();
    window.location.assign('/history' + (filters.toString() ? '?' + filters : ''));
  });

  fillForm();
  const csv = filtersFromAddress().toString();
  document.getElementById('history-csv').href = '/api/history.csv' + (csv ? '?' + csv : '');
  load().catch(error => showError(null, String(error.message || error)));
  getJson('/api/prices').then(renderPrices).catch(error => console.warn('Prices first paint failed', error));
  live({});
}());
