import { launchBrowser, LAPTOP, openApp, startServer, waitForReady, wasmMemoryMb } from '../e2e/helpers.mjs';
const DOCS = 30000;
const server = await startServer();
const browser = await launchBrowser();
try {
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    await page.evaluate((n) => new Promise((resolve, reject) => {
      const req = indexedDB.open('linli', 1);
      req.onsuccess = () => {
        const tx = req.result.transaction('docs', 'readwrite');
        const store = tx.objectStore('docs');
        const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
        const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂喆堃犇淼燚玥';
        for (let i = 0; i < n; i++) {
          const id = 'volunteer:bench' + String(i).padStart(6, '0');
          const hash = (i.toString(16) + '0'.repeat(32)).slice(0, 32);
          store.put({
            _id: id, _rev: '1-' + hash, _revisions: { start: 1, ids: [hash] },
            type: 'volunteer', schema: 1,
            name: surnames[i % surnames.length] + given[(i * 7) % given.length] + given[(i * 13) % given.length],
            phone: '13' + String(100000000 + i * 7919 % 900000000).slice(0, 9),
            updated_at: 1700000000000 + i, device: 'benchdev',
          }, id);
        }
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), DOCS);

    for (let r = 0; r < 4; r++) {
      await page.reload();
      await waitForReady(page);
      const m = await page.evaluate(() => window.linliBridge.metrics);
      const f = (x) => (x === undefined ? '-' : Number(x).toFixed(0));
      console.log(`start ${f(m.readStartMs)} poll ${f(m.firstDataPoll)} ready ${f(m.dataReadyAt)} idb ${f(m.idbLoadMs)} str ${f(m.stringifyMs)} parse ${f(m.storeLoadMs)} frame ${f(m.firstFrameMs)} mem ${await wasmMemoryMb(page)}`);
    }
    const t = await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('linli', 1);
      req.onsuccess = () => {
        const db = req.result; const out = {};
        let t0 = performance.now();
        const tx = db.transaction('docs', 'readonly'); const st = tx.objectStore('docs');
        st.getAll().onsuccess = () => { out.getAll = performance.now() - t0; t0 = performance.now();
          const tx2 = db.transaction('docs', 'readonly'); const st2 = tx2.objectStore('docs');
          const next = (range) => { const v = st2.getAll(range, 2000); v.onsuccess = () => { const r = v.result; if (r.length === 2000) next(IDBKeyRange.lowerBound(r[r.length-1]._id, true)); else { out.batchedValues = performance.now() - t0; t0 = performance.now();
            const tx3 = db.transaction('docs', 'readonly'); const st3 = tx3.objectStore('docs');
            const next3 = (range) => { const k = st3.getAllKeys(range, 2000); const v = st3.getAll(range, 2000); v.onsuccess = () => { const r = k.result; if (r.length === 2000) next3(IDBKeyRange.lowerBound(r[r.length-1], true)); else { out.batchedBoth = performance.now() - t0; resolve(out); } }; };
            next3(null);
          } }; };
          next(null);
        };
      };
    }));
    console.log(JSON.stringify(t));
    await context.close();
} finally { await browser.close(); await server.stop?.(); }
