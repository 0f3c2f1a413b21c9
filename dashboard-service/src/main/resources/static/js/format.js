// How every page shows a number: at the precision a person reads, the exact value in the tooltip (title).
// The API sends token amounts and prices as decimal strings and USD and percentages as exact JSON numbers, which
// Otc.parseJson keeps as their source text (see common.js): the formatters work on that decimal text, which
// Intl.NumberFormat rounds as a decimal, so no digit is lost to a double on the way to the tooltip.
//   bps     1–2 decimals                     "12.35 bps"   (title: the exact value)
//   pct     up to 2 decimals                 "66.67 %"
//   usd     2 decimals, thousands separated  "$150,000.00"
//   price   6 significant digits             "150.123", "0.0000123457"
//   amount  thousands separated, decimals for the token (stablecoins 2, others 4; a tiny non-zero amount keeps 4
//           significant digits rather than showing 0)
(function () {
  'use strict';

  const STABLE = new Set(['USDC', 'USDT', 'PYUSD', 'USD']);
  const formats = {
    bps: new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 }),
    pct: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
    signedPct: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
    usd: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    price: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 }),
    stable: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
    token: new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }),
    tiny: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 })
  };
  const NOTHING = Object.freeze({ text: '—', title: '' });

  function missing(value) {
    return value === null || value === undefined || value === '';
  }

  /**
   * The value as decimal text: a string as sent, a number (already a double) as JavaScript spells it; trailing
   * zeros of the fraction dropped ("375.500000" is 375.5, exactly).
   */
  function decimal(value) {
    const text = typeof value === 'string' ? value : String(value);
    return /^[-+]?\d+\.\d*$/.test(text) ? text.replace(/\.?0+$/, '') : text;
  }

  /** Formats the decimal text exactly (Intl.NumberFormat takes a string as an exact decimal). */
  function shown(format, value, suffix, exactSuffix) {
    if (missing(value)) return NOTHING;
    const text = decimal(value);
    return { text: format.format(text) + (suffix || ''), title: text + (exactSuffix === undefined ? (suffix || '') : exactSuffix) };
  }

  function bps(value) {
    return shown(formats.bps, value, ' bps');
  }

  function pct(value) {
    return shown(formats.pct, value, ' %');
  }

  /** A change, with its sign: "+1.23 %". */
  function signedPct(value) {
    return shown(formats.signedPct, value, ' %');
  }

  function usd(value) {
    return shown(formats.usd, value, '', ' USD');
  }

  /** A price, optionally with its unit ("USDC/SOL"); "$" when it is a USD price. */
  function price(value, unit) {
    if (missing(value)) return NOTHING;
    const text = decimal(value);
    const rounded = formats.price.format(text);
    if (unit === 'USD') return { text: '$' + rounded, title: text + ' USD' };
    return { text: rounded + (unit ? ' ' + unit : ''), title: text + (unit ? ' ' + unit : '') };
  }

  /** A token amount in token units: "1,234.5678 SOL", "150,000.25 USDC". */
  function amount(value, symbol) {
    if (missing(value)) return NOTHING;
    const text = decimal(value);
    const suffix = symbol ? ' ' + symbol : '';
    let rounded = (STABLE.has(symbol) ? formats.stable : formats.token).format(text);
    if (/^-?0$/.test(rounded) && !/^-?0*\.?0*$/.test(text)) rounded = formats.tiny.format(text);
    return { text: rounded + suffix, title: text + suffix };
  }

  /** Writes a formatted value into a node: the rounded text, and the exact value as its tooltip. */
  function put(node, value) {
    if (!node) return node;
    node.textContent = value.text;
    if (value.title) node.title = value.title; else node.removeAttribute('title');
    return node;
  }

  window.OtcFormat = { bps, pct, signedPct, usd, price, amount, put, NOTHING };
}());
