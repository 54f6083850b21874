// Linli page bridge: the accessibility mirror. The app publishes its interactive items
// each frame they change (publishA11y); they become transparent ARIA elements in
// #linli-a11y over the canvas, in reading order. A screen reader's activation of one is
// turned into a tap at its centre. textFieldAt tells ime.js which field a tap hit.
(function (bridge) {
  'use strict';

  const { $ } = bridge.internal;
  const ROLE_TAGS = { button: 'button', textbox: 'input' };
  const tagOf = (n) => (n.role === 'textbox' && n.multiline ? 'textarea' : ROLE_TAGS[n.role] || 'div');

  // Places el as the child of parent that follows after (null: first).
  function placeAfter(parent, el, after) {
    const expectedNext = after ? after.nextSibling : parent.firstChild;
    if (expectedNext !== el) parent.insertBefore(el, expectedNext);
  }

  // A run of tabs in a frame is one tab bar: its mirrored tabs sit in a role=tablist
  // wrapper (ARIA requires one; screen readers then say "tab 2 of 5").
  function tabList(existing, key) {
    let list = existing.get(key);
    if (!list) {
      list = document.createElement('div');
      list.dataset.key = key;
      list.className = 'linli-a11y-group';
      list.setAttribute('role', 'tablist');
    }
    return list;
  }

  bridge.publishA11y = function (json) {
    let nodes;
    try { nodes = JSON.parse(json); } catch (e) { bridge.errors.push('a11y: ' + e); return; }
    const root = $('linli-a11y');
    const existing = new Map();
    for (const el of root.querySelectorAll('[data-key]')) existing.set(el.dataset.key, el);
    const keep = new Set();
    let previous = null; // the last child placed in root
    let list = null, listPrevious = null, lists = 0;
    for (const n of nodes) {
      const key = n.role + ':' + n.id;
      keep.add(key);
      let el = existing.get(key);
      if (el && el.tagName.toLowerCase() !== tagOf(n)) { el.remove(); el = null; }
      if (!el) {
        el = document.createElement(tagOf(n));
        el.dataset.key = key;
        el.tabIndex = -1;
        if (n.role === 'textbox' && !n.multiline) el.type = 'text';
        else if (n.role === 'button') el.type = 'button';
        else el.setAttribute('role', n.role);
        el.addEventListener('click', onMirrorActivate);
      }
      el.dataset.id = String(n.id);
      el.style.left = n.x + 'px';
      el.style.top = n.y + 'px';
      el.style.width = n.w + 'px';
      el.style.height = n.h + 'px';
      el.setAttribute('aria-label', n.name);
      if (n.role === 'textbox') {
        if (el.value !== n.value) el.value = n.value;
        el.toggleAttribute('data-focused', !!n.focused);
      } else if (n.role === 'status') {
        if (el.textContent !== n.value) el.textContent = n.value;
      } else if (el.textContent !== n.name) {
        el.textContent = n.name;
      }
      if ('checked' in n) el.setAttribute('aria-checked', n.checked ? 'true' : 'false');
      if ('selected' in n) el.setAttribute('aria-selected', n.selected ? 'true' : 'false');
      // Document order follows the frame's order, so screen readers read top to bottom.
      if (n.role === 'tab') {
        if (!list) {
          list = tabList(existing, 'tablist:' + lists++);
          keep.add(list.dataset.key);
          placeAfter(root, list, previous);
          previous = list;
          listPrevious = null;
        }
        placeAfter(list, el, listPrevious);
        listPrevious = el;
      } else {
        list = null;
        placeAfter(root, el, previous);
        previous = el;
      }
    }
    for (const [key, el] of existing) if (!keep.has(key)) el.remove();
    bridge.a11yNodes = nodes;
    bridge.a11yVersion++;
  };

  // Assistive technology "clicks" a mirrored element: tap the item through the app.
  function onMirrorActivate(ev) {
    const r = ev.currentTarget.getBoundingClientRect();
    if (bridge.module) bridge.module._linli_a11y_activate(bridge.runtime, r.left + r.width / 2, r.top + r.height / 2);
  }

  function textFieldAt(x, y) {
    for (const n of bridge.a11yNodes) {
      if (n.role === 'textbox' && x >= n.x && y >= n.y && x < n.x + n.w && y < n.y + n.h) return n;
    }
    return null;
  }

  bridge.internal.textFieldAt = textFieldAt;
})(window.linliBridge);
