// Linli page bridge: the XLSX module (xlsx/linli_xlsx.{js,wasm}, cmake/Web.cmake), loaded
// the first time a workbook is saved or opened and then kept by the service worker. The
// app hands over a write request instead of an export's bytes (bridge.download turns it
// into the file here), and gets a read reply instead of a picked workbook's bytes
// (bridge.openFile); both forms are io/xlsx_exchange.hpp's.
(function (bridge) {
  'use strict';

  const { loadScript } = bridge.internal;
  const WRITE_MAGIC = '\0linli-xlsx-write\u0001';
  let load = null; // Promise of the instantiated module, once asked

  function loadModule() {
    if (!load) {
      load = (window.LinliXlsx ? Promise.resolve() : loadScript('xlsx/linli_xlsx.js'))
        .then(() => window.LinliXlsx({ locateFile: (path) => 'xlsx/' + path }));
      load.catch(() => { load = null; }); // the next use tries again
    }
    return load;
  }

  // Runs one of the module's functions on bytes: {bytes, ok}.
  function run(m, fn, input) {
    const inPtr = m._malloc(Math.max(input.length, 1));
    const out = m._malloc(8); // the answer's size, then ok
    try {
      m.HEAPU8.set(input, inPtr);
      m.HEAPU32[(out >> 2) + 1] = 1;
      const ptr = fn(inPtr, input.length, out, out + 4);
      if (!ptr) throw new Error('out of memory');
      const bytes = m.HEAPU8.slice(ptr, ptr + m.HEAPU32[out >> 2]);
      m._free(ptr);
      return { bytes, ok: m.HEAPU32[(out >> 2) + 1] === 1 };
    } finally {
      m._free(inPtr);
      m._free(out);
    }
  }

  bridge.xlsx = {
    isWriteRequest(bytes) {
      if (bytes.length < WRITE_MAGIC.length) return false;
      for (let i = 0; i < WRITE_MAGIC.length; i++) if (bytes[i] !== WRITE_MAGIC.charCodeAt(i)) return false;
      return true;
    },
    isWorkbook: (bytes) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4,
    // Promise of the .xlsx file's bytes; rejects with what went wrong.
    write: (request) => loadModule().then((m) => {
      const answer = run(m, m._linli_xlsx_write, request);
      if (!answer.ok) throw new Error(new TextDecoder().decode(answer.bytes));
      return answer.bytes;
    }),
    // Promise of the read reply for a workbook's bytes.
    read: (bytes) => loadModule().then((m) => run(m, m._linli_xlsx_read, bytes).bytes),
  };
})(window.linliBridge);
