// The trade form. "Get live quote" and "Execute" go to the dashboard, which forwards them to router-service.
// The router's answers and refusals (problem details) are shown as text, never as HTML.
(function () {
  'use strict';
  const { el, setText, numEl, setNumber, format, routeBadge, badge, getJson, readJson, readAnswer, csrfHeaders, uuid, renderPrices, renderTrades, live } = window.Otc;
  // A 503 from the router with Retry-After means nothing was done (no venue answered in time, load shed, event log
  // down) and that a retry under the same Idempotency-Key is safe: it decides afresh under the same trade id and can
  // never book a second trade. So the form retries by itself, a few times, waiting as long as the router asks; a
  // person would only click again (with a new key) seconds later. Then it says plainly that nothing was done.
  const RETRIES = 3;
  const LONGEST_WAIT_S = 10;
  const form = document.getElementById('trade-form');
  const quoteButton = document.getElementById('quote-button');
  const executeButton = document.getElementById('execute-button');
  const errorBox = document.getElementById('trade-error');
  const resultBox = document.getElementById('trade-result');

  function values() {
    const slippage = document.getElementById('slippage').value.trim();
    const clientOrderId = document.getElementById('client-order-id').value.trim();
    return {
      inputToken: document.getElementById('input-token').value,
      outputToken: document.getElementById('output-token').value,
      amount: document.getElementById('amount').value.trim(),
      slippageBps: slippage === '' ? null : Number(slippage),
      clientOrderId: clientOrderId === '' ? null : clientOrderId
    };
  }

  function showError(lines) {
    resultBox.classList.add('d-none');
    errorBox.replaceChildren(...lines.map((line, i) => el(i === 0 ? 'strong' : 'div', i === 0 ? 'd-block' : null, line)));
    errorBox.classList.remove('d-none');
  }

  function clearMessages() {
    errorBox.classList.add('d-none');
    resultBox.classList.add('d-none');
  }

  /** Exact decimal difference of two decimal strings (BigInt, no float rounding), signed, e.g. "+375.5". */
  function saving(value, baseline) {
    if (value === null || value === undefined || baseline === null || baseline === undefined) return '—';
    const scale = Math.max(decimals(value), decimals(baseline));
    const diff = scaled(value, scale) - scaled(baseline, scale);
    const negative = diff < 0n;
    const digits = (negative ? -diff : diff).toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
    return (negative ? '-' : '+') + whole + (fraction ? '.' + fraction : '');
  }

  /** A signed difference ("+375.5", from saving) formatted as a token amount, keeping its sign. */
  function signed(diff, symbol) {
    if (diff === '—') return format.NOTHING;
    const shown = format.amount(diff.replace(/^\+/, ''), symbol);
    return diff.startsWith('+') ? { text: '+' + shown.text, title: diff + ' ' + symbol } : shown;
  }

  function decimals(text) {
    const dot = String(text).indexOf('.');
    return dot < 0 ? 0 : String(text).length - dot - 1;
  }

  function scaled(text, scale) {
    const [whole, fraction = ''] = String(text).replace('-', '').split('.');
    const value = BigInt(whole + fraction.padEnd(scale, '0'));
    return String(text).startsWith('-') ? -value : value;
  }

  function renderQuote(q) {
    document.getElementById('quote-empty').classList.add('d-none');
    document.getElementById('quote-details').classList.remove('d-none');
    document.getElementById('quote-route').replaceChildren(routeBadge(q.route));
    const source = document.getElementById('quote-source');
    source.replaceChildren();
    if (q.dexQuoteSource === 'SIMULATED') source.append(badge('SIMULATED DEX quote', 'text-bg-warning'));
    else if (q.dexQuoteSource === 'LIVE') source.append(badge('Live Jupiter quote', 'text-bg-success'));
    else if (q.dexQuoteSource === 'CURVE') source.append(badge('Jupiter estimate from its depth curve', 'text-bg-info'));
    setNumber('quote-expected', format.amount(q.expectedOutput, q.outputToken));
    if (q.dexBaselineOutput === null) setText('quote-baseline', 'Jupiter did not quote');
    else setNumber('quote-baseline', format.amount(q.dexBaselineOutput, q.outputToken));
    setNumber('quote-saving', format.amount(q.expectedSaving, q.outputToken));
    setText('quote-reason', q.reason);
    const candidates = document.getElementById('quote-candidates');
    candidates.replaceChildren(...q.candidates.map(c => {
      const best = c.available && c.output === q.expectedOutput && c.route === q.route;
      const row = el('tr', best ? 'table-success' : (c.available ? null : 'text-body-secondary'));
      const label = el('td', null, c.label);
      if (best) label.append(badge('best', 'text-bg-success ms-1'));
      row.append(label, el('td', null, c.route), numEl('td', 'text-end', format.amount(c.output, q.outputToken)),
        c.route === 'DEX' ? el('td', 'text-end', 'baseline') : numEl('td', 'text-end', signed(saving(c.output, q.dexBaselineOutput), q.outputToken)),
        el('td', null, c.available ? (c.reason || '') : (c.reason || 'unavailable')));
      return row;
    }));
    const legs = document.getElementById('quote-legs');
    legs.replaceChildren(...q.legs.map(leg => {
      const row = el('tr');
      row.append(el('td', null, leg.venue), el('td', null, leg.poolId || '—'),
        numEl('td', 'text-end', format.amount(leg.amountIn, q.inputToken)),
        numEl('td', 'text-end', format.amount(leg.expectedOutput, q.outputToken)),
        numEl('td', 'text-end', format.amount(leg.minOutput, q.outputToken)));
      return row;
    }));
  }

  function renderResult(trade) {
    errorBox.classList.add('d-none');
    const link = el('a', 'alert-link', trade.tradeId);
    link.href = '/trades/' + encodeURIComponent(trade.tradeId);
    resultBox.replaceChildren(el('strong', 'd-block', 'Trade accepted: ' + trade.route),
      el('span', null, 'Expected '), numEl('span', null, format.amount(trade.expectedOutput, trade.outputToken)),
      el('span', null, ' · trade '), link);
    if (trade.clientOrderId) resultBox.append(el('div', 'small', 'Client order id: ' + trade.clientOrderId));
    resultBox.classList.remove('d-none');
    renderQuote(trade);
  }

  async function busy(button, action) {
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      showError(['Could not reach the dashboard', String(error.message || error)]);
    } finally {
      button.disabled = false;
    }
  }

  quoteButton.addEventListener('click', () => busy(quoteButton, async () => {
    clearMessages();
    const v = values();
    const params = new URLSearchParams();
    ['inputToken', 'outputToken', 'amount', 'slippageBps'].forEach(name => {
      if (v[name] !== null && v[name] !== '') params.set(name, v[name]);
    });
    const result = await readAnswer(await fetch('/api/quote?' + params, { headers: { Accept: 'application/json' }, cache: 'no-store' }));
    if (result.error) showError(result.error); else renderQuote(result.body);
  }));

  /** Shows what the form is waiting for; no lines hides it. */
  function showWaiting(lines) {
    const waiting = document.getElementById('trade-waiting');
    waiting.replaceChildren(...lines.map((line, i) => el(i === 0 ? 'strong' : 'div', i === 0 ? 'd-block' : null, line)));
    waiting.classList.toggle('d-none', lines.length === 0);
  }

  /** Seconds the router asked to wait before a retry, when it is a 503 that may be retried; otherwise null. */
  function retryAfter(response) {
    const seconds = Number(response.headers.get('Retry-After'));
    return response.status === 503 && Number.isInteger(seconds) && seconds >= 0 && seconds <= LONGEST_WAIT_S ? seconds : null;
  }

  function post(body, key) {
    return fetch('/api/trades', {
      method: 'POST',
      headers: Object.assign({ Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': key }, csrfHeaders()),
      body: JSON.stringify(body)
    });
  }

  /** What the person reads when the router still had nothing after the retries: nothing was done, in plain words. */
  function nothingDone(problem, attempts) {
    const silent = problem && Array.isArray(problem.silentVenues) && problem.silentVenues.length ? problem.silentVenues : null;
    const title = problem && problem.title === 'No quote in time' ? 'No venue answered in time — nothing was done'
      : 'The router could not take the trade — nothing was done';
    const lines = [title, 'No trade was booked and nothing was executed (asked ' + attempts + ' times).'];
    if (silent) lines.push('Did not answer: ' + silent.join(', ') + '.');
    else if (problem && problem.title) lines.push('Router: ' + problem.title);
    lines.push('You can submit the trade again.');
    return lines;
  }

  /** Submits once under one key, retrying the router's retryable 503s under the same key. */
  async function execute() {
    const body = values();
    // One key per submission: the router books a retried or double-sent submission once.
    const key = uuid();
    for (let attempt = 1; ; attempt++) {
      const response = await post(body, key);
      if (response.status === 401) window.location.assign('/login');
      const wait = retryAfter(response);
      if (wait === null) return readAnswer(response);
      const problem = await readJson(response).catch(() => null);
      if (attempt > RETRIES) return { error: nothingDone(problem, attempt) };
      showWaiting([(problem && problem.title ? problem.title : 'Router busy') + ' — nothing was done yet',
        'Asking again in ' + wait + ' s under the same key (attempt ' + (attempt + 1) + ' of ' + (RETRIES + 1) + ').']);
      await new Promise(resolve => setTimeout(resolve, wait * 1000));
    }
  }

  /** 202: decided and perhaps executing, but not confirmed yet; never "nothing was done". */
  function renderUnconfirmed(trade) {
    const link = el('a', 'alert-link', trade.tradeId);
    link.href = '/trades/' + encodeURIComponent(trade.tradeId);
    resultBox.replaceChildren(el('strong', 'd-block', 'Trade submitted, not confirmed yet'),
      el('span', null, 'It may be executing: do not submit it again. Trade '), link,
      el('div', 'small', trade.detail || ''));
    resultBox.classList.remove('d-none');
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    busy(executeButton, async () => {
      clearMessages();
      let result;
      try {
        result = await execute();
      } finally {
        showWaiting([]);
      }
      if (result.error) showError(result.error);
      else if (result.body && result.body.status === 'UNCONFIRMED') renderUnconfirmed(result.body);
      else renderResult(result.body);
    });
  });

  async function loadTokens() {
    const tokens = await getJson('/api/tokens');
    const options = selected => tokens.map(t => {
      const option = el('option', null, t.symbol);
      option.value = t.symbol;
      option.selected = t.symbol === selected;
      return option;
    });
    document.getElementById('input-token').replaceChildren(...options('SOL'));
    document.getElementById('output-token').replaceChildren(...options('USDC'));
  }

  Promise.all([loadTokens(), getJson('/api/trades?limit=20').then(renderTrades), getJson('/api/prices').then(renderPrices)])
    .catch(error => console.warn('Trade page first paint failed', error));
  live({ trades: renderTrades });
}());
