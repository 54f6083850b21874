// Shared helpers for the browser tests: serve dist/, launch Debian's Chromium headless,
// open the app, and find and tap items through the accessibility mirror.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
];

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
export const LAPTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

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

export async function launchBrowser(options = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ...options });
}

// Opens the app and waits for its first frame. Collects console errors in page.errors.
export async function openApp(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', ...contextOptions });
  const page = await context.newPage();
  page.linliTouch = !!contextOptions.hasTouch;
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  await page.goto(url);
  await waitForReady(page);
  return { context, page };
}

export async function waitForReady(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60000 });
}

// Waits until the mirror has an element with this role and name; returns its box centre.
export async function itemCentre(page, role, name, { exact = true, timeout = 15000 } = {}) {
  const loc = page.getByRole(role, { name, exact });
  await loc.first().waitFor({ state: 'attached', timeout });
  const box = await loc.first().boundingBox();
  if (!box) throw new Error(`no box for ${role} "${name}"`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

// Taps (touch contexts) or clicks (mouse) the mirrored item: the input goes to the canvas.
export async function activate(page, role, name, options = {}) {
  const { x, y } = await itemCentre(page, role, name, options);
  if (page.linliTouch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

export async function waitForMirror(page, predicate, arg, timeout = 15000) {
  await page.waitForFunction(predicate, arg, { timeout });
}
