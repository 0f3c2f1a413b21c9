// The pool admin page (admins only): the pools from the read model, live, with a switch per pool and an inventory
// form. Changes go to the dashboard, which forwards them to otc-pool-service; its answers and refusals (problem
// details) are shown as text, never as HTML.
(function () {
  'use strict';
  const { el, numEl, format, statusBadge, time, emptyRow, getJson, postJson, renderPrices, live } = window.Otc;
  const errorBox = document.getElementById('admin-error');
  const resultBox = document.getElementById('admin-result');
  const poolSelect = document.getElementById('inventory-pool');
  const inventoryForm = document.getElementById('inventory-form');
  const inventoryButton = document.getElementById('inventory-button');

  function showError(lines) {
    resultBox.classList.add('d-none');
    errorBox.replaceChildren(...lines.map((line, i) => el(i === 0 ? 'strong' : 'div', i === 0 ? 'd-block' : null, line)));
    errorBox.classList.remove('d-none');
  }

  function showResult(pool) {
    errorBox.classList.add('d-none');
    resultBox.replaceChildren(el('strong', 'd-block', 'Pool ' + pool.id + ' is now ' + pool.status),
      el('span', null, 'Inventory ' + pool.baseInventory + ' ' + pool.baseSymbol + ' · ' + pool.quoteInventory + ' ' + pool.quoteSymbol));
    resultBox.classList.remove('d-none');
  }

  async function change(button, path, body) {
    button.disabled = true;
    try {
      const result = await postJson(path, body);
      if (result.error) showError(result.error); else showResult(result.body);
    } catch (error) {
      showError(['Could not reach the dashboard', String(error.message || error)]);
    } finally {
      button.disabled = false;
    }
  }

  function switchButton(pool) {
    const action = pool.active ? 'deactivate' : 'activate';
    const button = el('button', 'btn btn-sm ' + (pool.active ? 'btn-outline-danger' : 'btn-outline-success'),
      pool.active ? 'Deactivate' : 'Activate');
    button.type = 'button';
    button.dataset.action = action;
    button.addEventListener('click', () => change(button, '/api/admin/pools/' + encodeURIComponent(pool.poolId) + '/' + action));
    return button;
  }

  function renderPools(pools) {
    const body = document.getElementById('admin-pools-body');
    const selected = poolSelect.value;
    poolSelect.replaceChildren(...pools.map(pool => {
      const option = el('option', null, pool.poolId + ' (' + pool.pair + ')');
      option.value = pool.poolId;
      option.selected = pool.poolId === selected;
      return option;
    }));
    if (pools.length === 0) {
      emptyRow(body, 8, 'No pool state yet');
      return;
    }
    body.replaceChildren(...pools.map(pool => {
      const row = el('tr');
      row.dataset.poolId = pool.poolId;
      const status = el('td');
      status.append(statusBadge(pool.status));
      const actions = el('td', 'text-end');
      actions.append(switchButton(pool));
      row.append(
        el('td', 'font-monospace', pool.poolId),
        el('td', null, pool.pair),
        status,
        numEl('td', 'text-end', format.amount(pool.baseInventory, pool.baseSymbol)),
        numEl('td', 'text-end', format.amount(pool.quoteInventory, pool.quoteSymbol)),
        el('td', null, pool.change),
        el('td', null, time(pool.updatedAt)),
        actions);
      return row;
    }));
  }

  function delta(id) {
    const value = document.getElementById(id).value.trim();
    return value === '' ? null : value;
  }

  inventoryForm.addEventListener('submit', event => {
    event.preventDefault();
    if (!poolSelect.value) {
      showError(['Choose a pool first']);
      return;
    }
    change(inventoryButton, '/api/admin/pools/' + encodeURIComponent(poolSelect.value) + '/inventory',
      { baseDelta: delta('base-delta'), quoteDelta: delta('quote-delta') });
  });

  Promise.all([getJson('/api/pools'), getJson('/api/prices')])
    .then(([pools, prices]) => { renderPools(pools); renderPrices(prices); })
    .catch(error => console.warn('Pool admin first paint failed; the live stream will fill it in', error));
  live({ pools: renderPools });
}());
