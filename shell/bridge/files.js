// Linli page bridge: files. Downloads (exports, backups), the printable page (a new
// window, or a download when the browser blocks it), opening a file the user picks
// (its bytes go to the app, which decodes them; a workbook goes through the XLSX module,
// shell/bridge/xlsx.js), and copying text to the clipboard.
(function (bridge) {
  'use strict';

  const { withCStrings, callApp } = bridge.internal;

  bridge.download = function (name, mime, content) {
    // An export as Excel: the app handed over the sheets, the XLSX module makes the file.
    if (bridge.xlsx.isWriteRequest(content)) {
      bridge.xlsx.write(content).then((bytes) => bridge.download(name, mime, bytes)).catch((err) => {
        const why = (err && err.message) || String(err);
        bridge.errors.push('xlsx: ' + why);
        callApp((m, rt) => withCStrings([why], (p) => m._linli_export_failed(rt, p)));
      });
      return;
    }
    const blob = new Blob([content], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };

  // A page to print (a building's checklist): a new window, or a download of the page
  // when the browser blocks the window.
  bridge.openPrintable = function (html) {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const win = window.open(url, '_blank');
    if (!win) {
      bridge.download('checklist.html', 'text/html;charset=utf-8', html);
    }
    setTimeout(() => URL.revokeObjectURL(url), 120000);
  };

  // Copies text (a sign-up link, a code) to the clipboard: the Clipboard API, or where it
  // is missing or refuses (insecure page, older WebViews), a hidden textarea and
  // execCommand('copy'). The app's tap gives the transient activation both need.
  function copyByCommand(text) {
    const active = document.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', ''); // no soft keyboard
    area.setAttribute('aria-hidden', 'true');
    area.style.position = 'fixed';
    area.style.left = '0';
    area.style.top = '0';
    area.style.width = '1px';
    area.style.height = '1px';
    area.style.opacity = '0';
    area.style.fontSize = '16px'; // iOS zooms on smaller text
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, text.length);
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    if (active && active !== document.body && active.focus) active.focus({ preventScroll: true });
    return ok;
  }

  bridge.copyText = function (text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(() => copyByCommand(text));
    } else {
      copyByCommand(text);
    }
  };

  bridge.openFile = function (accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      // The app says how big a file may be; a bigger one is refused unread.
      if (bridge.module && file.size > bridge.module._linli_max_file_bytes()) {
        callApp((m, rt) => withCStrings([file.name], (p) => m._linli_file_too_large(rt, p, file.size)));
        return;
      }
      // Bytes, not text: a roster may be GBK or UTF-16; the app decodes it.
      // A workbook is read by the XLSX module first; the app gets its read reply. When the
      // module cannot load (offline before its first use) the app gets the bytes and says so.
      file.arrayBuffer().then((buffer) => {
        const raw = new Uint8Array(buffer);
        return bridge.xlsx.isWorkbook(raw) ? bridge.xlsx.read(raw).catch(() => raw) : raw;
      }).then((bytes) => {
        callApp((m, rt) => {
          const ptr = m._malloc(Math.max(bytes.length, 1));
          if (!ptr) { // no memory left for it: as good as too large
            withCStrings([file.name], (p) => m._linli_file_too_large(rt, p, bytes.length));
            return;
          }
          m.HEAPU8.set(bytes, ptr); // the app frees it
          withCStrings([file.name], (a) => m._linli_file_opened(rt, a, ptr, bytes.length));
        });
      }).catch((err) => {
        callApp((m, rt) => withCStrings([String(err)], (p) => m._linli_file_failed(rt, p)));
      });
    });
    document.body.appendChild(input);
    input.click(); // within the tap's transient user activation
  };
})(window.linliBridge);
