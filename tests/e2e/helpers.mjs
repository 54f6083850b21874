// Shared helpers for the browser tests: serve dist/, launch Debian's Chromium headless,
// open the app, find and tap items through the accessibility mirror, and make the
// pictures a fake camera shows (writeY4m, qrModules).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { after } from 'node:test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
];

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
export const LAPTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

// ---------------------------------------------------------------- the site's own guards

// Every page a test opens is watched: a Content-Security-Policy violation (Chromium says so
// on the console) or a request to any host but this machine fails the test file, unless
// the test set page.cspExpected because it provokes one on purpose. Checked after the
// file's tests, so that every screen any test visits is covered.
export const policyViolations = [];
export const foreignRequests = [];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function guardPage(page) {
  if (page.linliGuarded) return;
  page.linliGuarded = true;
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text()) && !page.cspExpected) {
      policyViolations.push(`${page.url().slice(0, 80)}: ${msg.text()}`);
    }
  });
}

export function guardContext(context) {
  if (context.linliGuarded) return;
  context.linliGuarded = true;
  context.on('page', guardPage);
  context.pages().forEach(guardPage);
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) foreignRequests.push(request.url());
  });
}

after(() => {
  if (policyViolations.length) {
    throw new Error(`Content-Security-Policy violations:\n${policyViolations.join('\n')}`);
  }
  if (foreignRequests.length) {
    throw new Error(`requests to other hosts:\n${foreignRequests.join('\n')}`);
  }
});

// Serves dist/ (or another folder) with serve.py on a free port; returns { url, stop }.
export async function startServer({ dir } = {}) {
  const args = [path.join(ROOT, 'serve.py'), '--no-build', '--port', '0', ...(dir ? ['--dir', dir] : [])];
  const child = spawn('python3', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffer = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const m = buffer.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error('serve.py exited with ' + code)));
  });
  return {
    url,
    async stop() { child.kill('SIGTERM'); await once(child, 'exit').catch(() => {}); },
  };
}

// The pair every browser test file needs: a server on dist/ and one headless Chromium.
export async function startServerAndBrowser() {
  const server = await startServer();
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async stop() { await browser.close(); await server.stop(); },
  };
}

export async function launchBrowser(options = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ...options });
}

// Opens the app and waits for its first frame. Collects console errors in page.errors.
export async function openApp(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', ...contextOptions });
  guardContext(context);
  const page = await context.newPage();
  page.linliTouch = !!contextOptions.hasTouch;
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  await waitForReady(page);
  return { context, page };
}

// The app's wasm memory in MB (its size after growth, not the bytes in use), as a string.
export async function wasmMemoryMb(page) {
  return page.evaluate(() => (window.linliBridge.module.HEAPU8.length / 1048576).toFixed(0));
}

export async function waitForReady(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60000 });
}

// Waits until the mirror has an element with this role and name; returns its box centre.
export async function itemCentre(page, role, name, { exact = true, timeout = 15000 } = {}) {
  const loc = page.getByRole(role, { name, exact });
  await loc.first().waitFor({ state: 'attached', timeout });
  // The mirror is rebuilt as frames change: an element can go between finding and measuring.
  let box = null;
  for (let i = 0; i < 50 && !box; i++) {
    box = await loc.first().boundingBox({ timeout: 1000 }).catch(() => null);
    if (!box) await page.waitForTimeout(50);
  }
  if (!box) throw new Error(`no box for ${role} "${name}"`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

// Taps (touch contexts) or clicks (mouse) the mirrored item: the input goes to the canvas.
export async function activate(page, role, name, options = {}) {
  const { x, y } = await itemCentre(page, role, name, options);
  if (page.context().pages().length > 1) await page.bringToFront(); // as a user switches tabs
  if (page.linliTouch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

export async function waitForMirror(page, predicate, arg, timeout = 15000) {
  await page.waitForFunction(predicate, arg, { timeout });
}

// Launches Debian's Chromium as its own process on a profile folder (so a test can
// SIGKILL it and start it again on the same profile) and connects over CDP.
export async function launchOnProfile(profileDir) {
  const { spawn: spawnProcess } = await import('node:child_process');
  const child = spawnProcess('/usr/bin/chromium', [
    ...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`,
    '--window-size=1280,800', '--lang=zh-CN', '--accept-lang=zh-CN', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true }); // own process group: kill takes all of Chromium
  let buffer = '';
  const ws = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium did not start: ' + buffer.slice(-500))), 30000);
    child.stderr.on('data', (chunk) => {
      buffer += chunk;
      const m = buffer.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error('Chromium exited: ' + code)); });
  });
  const browser = await chromium.connectOverCDP(ws);
  return {
    browser,
    process: child,
    async kill() {
      const exited = once(child, 'exit');
      process.kill(-child.pid, 'SIGKILL');
      await exited;
      await new Promise((r) => setTimeout(r, 200)); // let the helper processes go too
    },
    async close() {
      await browser.close().catch(() => {});
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
        await exited.catch(() => {});
      }
    },
  };
}

// Opens the app in an existing context (e.g. the profile's default one).
export async function openPage(context, url, { touch = false } = {}) {
  guardContext(context);
  const page = await context.newPage();
  page.linliTouch = touch;
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  await waitForReady(page);
  return page;
}

// Replaces the text of the mirrored text field: taps it, selects what it holds, then
// inserts the text as an IME commit would (works for Chinese and digits alike).
export async function typeInto(page, name, text) {
  await activate(page, 'textbox', name);
  await page.waitForFunction(() => document.activeElement?.id === 'linli-ime');
  // The tap also places the app's caret, which may reach the textarea a frame later and
  // undo a select-all made too soon: select until the whole text stays selected.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ControlOrMeta+A');
    const whole = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const ta = document.getElementById('linli-ime');
      resolve(ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
    }))));
    if (whole) break;
  }
  await page.keyboard.insertText(text);
  try {
    await page.waitForFunction(([n, v]) => document.querySelector(`#linli-a11y :is(input, textarea)[aria-label="${n}"]`)?.value === v, [name, text], { timeout: 10000 });
  } catch (e) {
    const state = await page.evaluate((n) => JSON.stringify({
      mirror: document.querySelector(`#linli-a11y :is(input, textarea)[aria-label="${n}"]`)?.value,
      textarea: document.getElementById('linli-ime').value, focused: document.activeElement?.id,
      field: window.linliBridge.field, hasFocus: document.hasFocus(), visibility: document.visibilityState,
    }), name);
    throw new Error(`typing "${text}" into "${name}" failed: ${state}`);
  }
}

// Adds a volunteer through the form and waits until the app says it is saved.
// (The new row is looked for only if waitRow: rows below the fold are not mirrored.)
export async function addVolunteer(page, name, phone, zh = true, waitRow = true) {
  await activate(page, 'button', zh ? '添加志愿者' : 'Add volunteer');
  await typeInto(page, zh ? '姓名' : 'Name', name);
  await typeInto(page, zh ? '手机号' : 'Phone', phone);
  await activate(page, 'button', zh ? '保存' : 'Save');
  await page.getByRole('status', { name: zh ? '已保存' : 'Saved', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
  // The form closes once the write is durable; the list moves up then.
  await page.getByRole('textbox', { name: zh ? '姓名' : 'Name', exact: true }).waitFor({ state: 'detached', timeout: 15000 });
  if (waitRow) await page.getByRole('button', { name: `${name} ${phone}`, exact: true }).waitFor({ state: 'attached', timeout: 15000 });
}

// The volunteer list sits behind its button on the volunteers screen.
export async function gotoVolunteerList(page, zh = true) {
  await gotoArea(page, zh ? '志愿者' : 'Volunteers');
  await activate(page, 'button', zh ? '志愿者名单' : 'Volunteer list');
  await page.getByRole('button', { name: zh ? '添加志愿者' : 'Add volunteer', exact: true }).waitFor({ state: 'attached', timeout: 10000 });
}

export async function gotoArea(page, name) {
  await activate(page, 'tab', name);
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor({ state: 'attached', timeout: 10000 });
}

// Every record of the app's IndexedDB store, read directly.
export async function idbRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('linli', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('docs', 'readonly');
      const all = tx.objectStore('docs').getAll();
      all.onsuccess = () => { resolve(all.result); req.result.close(); };
      all.onerror = () => reject(all.error);
    };
    req.onerror = () => reject(req.error);
  }));
}

// Polls check() (an async function) until it returns a truthy value and returns that
// value; after timeout ms throws an Error saying what was awaited and what check
// returned last. For conditions Playwright's waitForFunction cannot wait on: it does not
// await a Promise its predicate returns (a Promise is truthy, so such a wait ends at once).
export async function poll(what, check, { timeout = 15000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// Scrolls the screen content (mouse wheel over the canvas) until the mirrored item is
// there: rows below the fold are not in the mirror until they are drawn.
export async function scrollTo(page, role, name, { exact = true, step = 300, tries = 40 } = {}) {
  const loc = page.getByRole(role, { name, exact }).first();
  const vp = page.viewportSize();
  for (let i = 0; i < tries; i++) {
    if (await loc.count() > 0) {
      const box = await loc.boundingBox({ timeout: 1000 }).catch(() => null); // may just have gone
      // Fully above the bottom bar (phones) and inside the viewport.
      const bottomBar = vp.width < vp.height ? 72 : 0; // phones have the tab bar at the bottom
      if (box && box.y >= 0 && box.y + box.height <= vp.height - bottomBar) return;
    }
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(80);
  }
  throw new Error(`scrolled but found no ${role} "${name}"`);
}

// ---------------------------------------------------------------- camera scanner

// Writes a YUV4MPEG2 file (Chromium's --use-file-for-fake-video-capture) of `frames`
// identical frames: the Y plane is gray (width*height bytes, row-major), U and V are 128.
export function writeY4m(file, gray, width, height, frames = 30) {
  if (gray.length !== width * height) throw new Error(`writeY4m: ${gray.length} bytes for ${width}x${height}`);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(gray), chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array(frames).fill(frame)]));
}

// Draws a symbol of modules (cols x rows, 1 = dark) black on white, centred in a gray
// image of width x height, each module scaleX x scaleY pixels.
export function drawModules(dark, cols, rows, width, height, scaleX, scaleY = scaleX) {
  const gray = new Uint8Array(width * height).fill(255);
  const left = Math.floor((width - cols * scaleX) / 2), top = Math.floor((height - rows * scaleY) / 2);
  if (left < 0 || top < 0) throw new Error(`drawModules: ${cols}x${rows} at ${scaleX}x${scaleY} does not fit ${width}x${height}`);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!dark[r * cols + c]) continue;
      for (let y = 0; y < scaleY; y++) gray.fill(0, (top + r * scaleY + y) * width + left + c * scaleX, (top + r * scaleY + y) * width + left + (c + 1) * scaleX);
    }
  }
  return gray;
}

// The QR code of text as the app encodes it (Module._linli_encode_qr, src/platform/web/
// barcode_api.cpp), drawn as a gray image of width x height with a quiet zone of at least
// 4 modules. Returns { size, modules, gray, width, height }.
export async function qrModules(page, text, { width = 640, height = 480 } = {}) {
  const { size, modules } = await page.evaluate((t) => {
    const m = window.linliBridge.module;
    const capacity = 177 * 177;
    const out = m._malloc(capacity);
    const len = m.lengthBytesUTF8(t) + 1;
    const str = m._malloc(len);
    m.stringToUTF8(t, str, len);
    try {
      const n = m._linli_encode_qr(str, out, capacity);
      return { size: n, modules: Array.from(m.HEAPU8.subarray(out, out + n * n)) };
    } finally {
      m._free(out);
      m._free(str);
    }
  }, text);
  if (!size) throw new Error(`linli_encode_qr gave no code for "${text}"`);
  const scale = Math.floor(Math.min(width, height) / (size + 8));
  return { size, modules, gray: drawModules(modules, size, size, width, height, scale), width, height };
}

// ---------------------------------------------------------------- sync (Settings → 同步)

// typeInto, for a field whose mirror shows dots: waits until the app has the text (the
// bridge's last report) and the mirror shows it masked.
export async function typePassword(page, name, text) {
  await activate(page, 'textbox', name);
  await page.waitForFunction(() => document.activeElement?.id === 'linli-ime', null, { timeout: 10000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.waitForFunction(([n, v]) => window.linliBridge.field.reported?.value === v &&
    document.querySelector(`#linli-a11y input[aria-label="${n}"]`)?.value === '••••••', [name, text], { timeout: 10000 });
}

// Settings → 同步: types the database URL, the user and the password and taps 立即同步;
// leaves the screen scrolled to its end, where the status line is.
// Volunteer mode (no tabs, the sync fields at the bottom of its page): `inPlace`.
export async function signIn(page, { url, user = 'desk', password = 'desk-pass', zh = true, inPlace = false } = {}) {
  if (!url) throw new Error('signIn: give the database url');
  if (!inPlace) await gotoArea(page, zh ? '设置' : 'Settings');
  await scrollTo(page, 'textbox', zh ? '同步服务器' : 'Sync server');
  await typeInto(page, zh ? '同步服务器' : 'Sync server', url);
  await scrollTo(page, 'textbox', zh ? '用户名' : 'User name');
  await typeInto(page, zh ? '用户名' : 'User name', user);
  await scrollTo(page, 'textbox', zh ? '密码' : 'Password');
  await typePassword(page, zh ? '密码' : 'Password', password);
  // Volunteer mode has no tab bar: there the button may sit in the last 72 px that
  // scrollTo keeps clear, at the very end of the page.
  if (inPlace) await scrollToEnd(page);
  else await scrollTo(page, 'button', zh ? '立即同步' : 'Sync now');
  await activate(page, 'button', zh ? '立即同步' : 'Sync now');
  // The sync section is the last of Settings: the status line sits at the very bottom.
  await scrollToEnd(page);
}

export async function scrollToEnd(page) {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(200);
}

// The texts of the mirrored status lines (for messages when a wait fails).
export async function statuses(page) {
  return page.evaluate(() => [...document.querySelectorAll('#linli-a11y [role=status]')].map((n) => n.getAttribute('aria-label') || n.textContent));
}

// Waits until a status line matches (a string: exactly; a RegExp); throws with what the
// screen says instead.
export async function waitForStatus(page, name, timeout = 30000) {
  try {
    await page.getByRole('status', { name, exact: typeof name === 'string' }).first().waitFor({ state: 'attached', timeout });
  } catch (e) {
    const said = await statuses(page).catch(() => []);
    const errors = await page.evaluate(() => window.linliBridge.errors).catch(() => []);
    throw new Error(`no status ${name}; statuses: ${JSON.stringify(said)}; page errors: ${JSON.stringify(errors)}`);
  }
}

export async function syncDone(page, timeout = 30000) {
  await waitForStatus(page, /^同步完成/, timeout);
}
