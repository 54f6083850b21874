// Linli page bridge: the soft keyboard and IME. A canvas cannot receive IME text, so
// #linli-ime, an invisible <textarea> behind the canvas, mirrors the ImGui field being
// edited: a tap on a mirrored text field focuses it inside the tap's handler (iOS opens
// the keyboard only then), the app reports the field's state each frame (showText), and
// the textarea's committed value and selection go to the app (never raw pinyin).
(function (bridge) {
  'use strict';

  const { $, withCStrings, textFieldAt } = bridge.internal;
  const KEY_ENTER = 1, KEY_ESCAPE = 2, KEY_TAB = 3;

  function ime() { return $('linli-ime'); }

  function placeIme(x, y, w, h) {
    const ta = ime();
    ta.style.left = x + 'px';
    ta.style.top = y + 'px';
    ta.style.width = Math.max(w, 10) + 'px';
    ta.style.height = Math.max(h, 20) + 'px';
  }

  // Control characters (a NUL in pasted text) would cut the text short where it crosses to
  // the app as a C string, and the others are invisible: they are taken out of the field
  // itself, the caret kept where it was.
  const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  const CONTROLS = new RegExp(HAS_CONTROL.source, 'g');
  function removeControls(ta) {
    if (!HAS_CONTROL.test(ta.value)) return;
    const v = ta.value;
    const start = v.slice(0, ta.selectionStart).replace(CONTROLS, '').length;
    const end = v.slice(0, ta.selectionEnd).replace(CONTROLS, '').length;
    ta.value = v.replace(CONTROLS, '');
    ta.setSelectionRange(start, end);
  }

  function sendText() {
    const m = bridge.module, f = bridge.field, ta = ime();
    if (!m || f.composing) return;
    if (!f.id) { f.unattached = true; return; } // typed before the app named the field
    removeControls(ta);
    f.seq++;
    f.sentForField = f.seq;
    const value = ta.value;
    withCStrings([value], (ptr) => m._linli_text_input(bridge.runtime, f.id, ptr, ta.selectionStart, ta.selectionEnd, f.seq));
    f.lastValue = value;
    f.lastStart = ta.selectionStart;
    f.lastEnd = ta.selectionEnd;
  }

  // The textarea now edits field id (whose current value is value).
  function attachField(id, value) {
    const f = bridge.field, ta = ime();
    f.id = id;
    f.composing = false;
    f.sentForField = 0;
    if (f.unattached) {
      f.unattached = false;
      sendText(); // what was typed in the meantime wins over the field's old value
      return false;
    }
    if (ta.value !== value) ta.value = value;
    ta.setSelectionRange(value.length, value.length);
    f.reported = { value, selStart: value.length, selEnd: value.length };
    return true;
  }

  function sendSelectionIfMoved() {
    const ta = ime(), f = bridge.field;
    if (document.activeElement !== ta || !f.id || f.composing) return;
    if (ta.value !== f.lastValue || ta.selectionStart !== f.lastStart || ta.selectionEnd !== f.lastEnd) sendText();
  }

  function sendKey(key) {
    if (bridge.module) bridge.module._linli_text_key(bridge.runtime, key);
  }

  // After a tap on a field the page attaches to it at once; until the app reports that
  // field active (a few frames later) reports about the previous field are stale.
  function awaitingTappedField(id) {
    const f = bridge.field;
    if (!f.tapped) return false;
    if (id === f.tapped || performance.now() > f.tappedUntil) { f.tapped = 0; return false; }
    return true;
  }

  bridge.showText = function (id, x, y, w, h, value, selStart, selEnd, applied, multiline) {
    const ta = ime(), f = bridge.field;
    f.multiline = !!multiline; // Enter types a line break there
    if (awaitingTappedField(id)) return;
    placeIme(x, y, w, h);
    if (document.activeElement !== ta) ta.focus({ preventScroll: true });
    if (id !== f.id) {
      if (attachField(id, value)) f.reported = { value, selStart: value.length, selEnd: value.length };
      return;
    }
    if (f.composing || applied < f.sentForField) return; // the app has not caught up yet
    // Only what the app itself changed (a click moving the caret, a cleared field) goes
    // into the textarea: the textarea may hold a newer selection not yet sent.
    const before = f.reported || { value: '', selStart: -1, selEnd: -1 };
    if (value !== before.value && ta.value !== value) ta.value = value;
    if ((selStart !== before.selStart || selEnd !== before.selEnd) &&
        (ta.selectionStart !== selStart || ta.selectionEnd !== selEnd)) ta.setSelectionRange(selStart, selEnd);
    f.reported = { value, selStart, selEnd };
    f.lastValue = ta.value;
    f.lastStart = ta.selectionStart;
    f.lastEnd = ta.selectionEnd;
  };

  bridge.hideText = function () {
    const ta = ime();
    if (awaitingTappedField(-1)) return;
    bridge.field.id = 0;
    bridge.field.composing = false;
    bridge.field.unattached = false;
    if (document.activeElement === ta) ta.blur();
    ta.value = '';
    ta.style.top = '-200px';
  };

  function installImeHandlers() {
    const ta = ime();
    ta.addEventListener('compositionstart', () => { bridge.field.composing = true; });
    ta.addEventListener('compositionend', () => {
      bridge.field.composing = false;
      sendText(); // only the committed characters reach the field, never the pinyin
    });
    ta.addEventListener('input', (ev) => {
      if (ev.isComposing || bridge.field.composing) return;
      sendText();
    });
    // SDL listens for keys on window: keep the textarea's keys away from it, or they
    // would be typed twice (once by the textarea, once by SDL).
    const stop = (ev) => ev.stopPropagation();
    ta.addEventListener('keypress', stop);
    ta.addEventListener('keyup', (ev) => { ev.stopPropagation(); sendSelectionIfMoved(); });
    ta.addEventListener('keydown', (ev) => {
      ev.stopPropagation();
      if (ev.isComposing || ev.keyCode === 229) return; // the IME owns this key
      if (ev.key === 'Enter') {
        if (bridge.field.multiline) return; // the textarea types the line break
        ev.preventDefault(); sendKey(KEY_ENTER);
      }
      else if (ev.key === 'Escape') { ev.preventDefault(); sendKey(KEY_ESCAPE); }
      else if (ev.key === 'Tab') { ev.preventDefault(); sendKey(KEY_TAB); }
    });
    document.addEventListener('selectionchange', sendSelectionIfMoved);
    // A press on the canvas would take focus from the textarea (closing the keyboard)
    // before the app knows whether the press is on the field being edited.
    $('canvas').addEventListener('mousedown', (ev) => {
      if (document.activeElement === ta) ev.preventDefault();
    }, true);
    // Focus must move inside the tap's own handler or iOS will not open the keyboard.
    window.addEventListener('pointerup', (ev) => {
      if (ev.target !== $('canvas')) return;
      const hit = textFieldAt(ev.clientX, ev.clientY);
      if (hit) {
        placeIme(hit.x, hit.y, hit.w, hit.h);
        if (document.activeElement !== ta) ta.focus({ preventScroll: true });
        if (hit.id !== bridge.field.id) attachField(hit.id, hit.value || '');
        bridge.field.tapped = hit.id;
        bridge.field.tappedUntil = performance.now() + 1000;
      } else if (document.activeElement === ta) {
        bridge.field.tapped = 0;
        ta.blur(); // tapping elsewhere closes the keyboard
      }
    }, true);
  }

  bridge.internal.installImeHandlers = installImeHandlers;
})(window.linliBridge);
