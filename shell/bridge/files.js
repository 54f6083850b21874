// Linli page bridge: files. Downloads (exports, backups), the printable page (a new
// window, or a download when the browser blocks it), and opening a file the user picks
// (its bytes go to the app, which decodes them).
(function (bridge) {
  'use strict';

  const { withCStrings, callApp } = bridge.internal;

  bridge.download = function (name, mime, content) {
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

  const MAX_FILE_BYTES = 512 * 1024 * 1024;
  bridge.openFile = function (accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      if (file.size > MAX_FILE_BYTES) {
        callApp((m, rt) => withCStrings([file.name + ': too large'], (p) => m._linli_file_failed(rt, p)));
        return;
      }
      // Bytes, not text: a roster may be GBK or UTF-16; the app decodes it.
      file.arrayBuffer().then((buffer) => {
        callApp((m, rt) => {
          const bytes = new Uint8Array(buffer);
          const ptr = m._malloc(Math.max(bytes.length, 1));
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
