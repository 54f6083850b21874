// The app shell in Debian's headless Chromium: rendering, navigation and the language
// switch through the accessibility mirror, Chinese typed through the IME path, keyboard
// and clipboard on a laptop, rare characters, resizing, and sub-path hosting.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { activate, itemCentre, LAPTOP, openApp, PHONE, ROOT, startServer, startServerAndBrowser, waitForReady } from './helpers.mjs';

let env, server, browser;

before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});

after(() => env?.stop());

const selectedTab = (page, name) => page.getByRole('tab', { name, exact: true, selected: true });
const mirrorField = (page, name) => page.getByRole('textbox', { name, exact: true });

// Waits for the mirrored text field to show value; on timeout says what it showed instead.
async function fieldValue(page, name, value) {
  try {
    await page.waitForFunction(([n, v]) => document.querySelector(`#linli-a11y input[aria-label="${n}"]`)?.value === v, [name, value], { timeout: 10000 });
  } catch (e) {
    const state = await page.evaluate((n) => JSON.stringify({
      mirror: document.querySelector(`#linli-a11y input[aria-label="${n}"]`)?.value,
      textarea: document.getElementById('linli-ime').value,
      focused: document.activeElement?.id,
      field: window.linliBridge.field,
    }), name);
    throw new Error(`field "${name}" never showed ${JSON.stringify(value)}: ${state}`);
  }
}

// Distinct colours in a screenshot: a blank or failed canvas has one or two.
async function colourCount(page) {
  return page.evaluate(async (png) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + png;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, (await page.screenshot()).toString('base64'));
}

describe('phone 390x844, DPR 3, touch', () => {
  it('renders the shell with a bottom navigation of the four areas and Settings', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      const canvasSize = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
      });
      assert.deepEqual(canvasSize, { w: 390 * 3, h: 844 * 3, cssW: 390, cssH: 844 }, 'canvas backing store follows devicePixelRatio');
      for (const name of ['采样', '物资', '志愿者', '总览', '设置']) {
        const { box } = await itemCentre(page, 'tab', name);
        assert.ok(box.y >= 844 - 64 - 1, `${name} is in the bottom bar (y=${box.y})`);
        assert.ok(box.height >= 44 && box.width >= 44, `${name} is a 44 px target`);
      }
      await selectedTab(page, '采样').waitFor();
      assert.ok(await colourCount(page) > 20, 'the canvas shows a real frame');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-sampling.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  it('moves between the areas by tapping the mirrored tabs', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      for (const name of ['物资', '志愿者', '总览', '设置', '采样']) {
        await activate(page, 'tab', name);
        await selectedTab(page, name).waitFor({ timeout: 10000 });
        assert.equal(await page.getByRole('tab', { selected: true }).count(), 1);
      }
      // The volunteer list has its own search field; supplies has none.
      await activate(page, 'tab', '志愿者');
      await selectedTab(page, '志愿者').waitFor();
      await activate(page, 'button', '志愿者名单');
      await mirrorField(page, '搜索').waitFor({ state: 'attached' });
      await activate(page, 'tab', '物资');
      await selectedTab(page, '物资').waitFor();
      assert.equal(await mirrorField(page, '搜索').count(), 0);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  it('switches the language in Settings, and keeps it after a reload', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await activate(page, 'tab', '设置');
      await selectedTab(page, '设置').waitFor();
      await page.getByRole('radio', { name: '中文', checked: true }).waitFor({ state: 'attached' });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-settings-zh.png') });
      await activate(page, 'radio', 'English');
      await selectedTab(page, 'Settings').waitFor({ timeout: 10000 });
      for (const name of ['Sampling', 'Supplies', 'Volunteers']) await page.getByRole('tab', { name, exact: true }).waitFor({ state: 'attached' });
      assert.equal(await page.getByRole('tab', { name: '采样' }).count(), 0);
      await page.getByRole('radio', { name: 'English', checked: true }).waitFor({ state: 'attached' });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-settings-en.png') });
      await page.reload();
      await waitForReady(page);
      await selectedTab(page, 'Sampling').waitFor({ timeout: 10000 });
      await activate(page, 'tab', 'Settings');
      await activate(page, 'radio', '中文');
      await selectedTab(page, '设置').waitFor({ timeout: 10000 });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  it('types 张三 through the soft-keyboard path: pinyin composition commits only the characters', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await activate(page, 'textbox', '搜索');
      // Tapping the field focuses the bridge textarea, which is what opens a soft keyboard.
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'linli-ime');
      await page.getByRole('textbox', { name: '搜索' }).and(page.locator('[data-focused]')).waitFor({ state: 'attached' });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
      await cdp.send('Input.imeSetComposition', { text: 'zhang san', selectionStart: 9, selectionEnd: 9 });
      await page.waitForTimeout(300);
      assert.equal(await mirrorField(page, '搜索').inputValue(), '', 'no pinyin reaches the field while composing');
      await cdp.send('Input.insertText', { text: '张三' });
      await fieldValue(page, '搜索', '张三');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-ime.png') });
      // Backspace from the keyboard deletes one character.
      await page.keyboard.press('Backspace');
      await fieldValue(page, '搜索', '张');
      // A second composition appends at the caret.
      await cdp.send('Input.imeSetComposition', { text: 'san', selectionStart: 3, selectionEnd: 3 });
      await cdp.send('Input.insertText', { text: '三' });
      await fieldValue(page, '搜索', '张三');
      // Paste (the soft keyboard's clipboard suggestion arrives as inserted text).
      await page.keyboard.insertText('丰');
      await fieldValue(page, '搜索', '张三丰');
      // Tapping elsewhere closes the keyboard: the textarea loses focus, the field keeps its text.
      await page.touchscreen.tap(195, 500);
      await page.waitForFunction(() => document.activeElement?.id !== 'linli-ime');
      await page.locator('#linli-a11y input[aria-label="搜索"]:not([data-focused])').waitFor({ state: 'attached' });
      assert.equal(await mirrorField(page, '搜索').inputValue(), '张三丰');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  it('serve.py sends gzip to clients that accept it, plain bytes to others, 304 to a revalidation', async () => {
    const get = (file, encoding, more = {}) => new Promise((resolve, reject) => {
      const headers = { ...(encoding ? { 'Accept-Encoding': encoding } : {}), ...more };
      http.get(new URL(file, server.url), { headers }, (res) => {
        const parts = [];
        res.on('data', (c) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
      }).on('error', reject);
    });
    for (const file of ['linli.wasm', 'linli.js', 'index.html', 'fonts/cjk-00.ttf']) {
      const raw = fs.readFileSync(path.join(ROOT, 'dist', file));
      const zipped = await get(file, 'gzip, deflate, br');
      assert.equal(zipped.headers['content-encoding'], 'gzip', `${file} is sent gzip`);
      assert.match(zipped.headers.vary || '', /Accept-Encoding/);
      assert.ok(zipped.body.length < raw.length * 0.8, `${file}: ${zipped.body.length} of ${raw.length} bytes`);
      assert.ok(zlib.gunzipSync(zipped.body).equals(raw), `${file} unzips to the file`);
      // Revalidation (the service worker's precache after the page's own download): 304.
      const again = await get(file, 'gzip', { 'If-Modified-Since': zipped.headers['last-modified'] });
      assert.equal(again.status, 304, `${file} is not sent again`);
      assert.equal(again.body.length, 0);
      const plain = await get(file, 'gzip;q=0');
      assert.equal(plain.headers['content-encoding'], undefined, `${file} is sent plain when gzip is refused`);
      assert.ok(plain.body.equals(raw));
    }
    const root = await get('', 'gzip');
    assert.equal(root.headers['content-type'], 'text/html');
    assert.ok(zlib.gunzipSync(root.body).equals(fs.readFileSync(path.join(ROOT, 'dist', 'index.html'))));
    const png = await get('icon-192.png', 'gzip');
    assert.equal(png.headers['content-encoding'], undefined, 'png is already compressed');
  });

  it('renders rare characters: only the font slices holding them are fetched', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      const before = await page.evaluate(() => window.linliBridge.metrics.slices.length);
      assert.equal(before, 0, 'the first screen needs no slice beyond the UI font');
      await activate(page, 'tab', '设置'); // shows 喆 堃 犇 淼 燚 玥, outside the UI font
      await page.getByRole('status', { name: /^已按需加载 \d+ 个字体分片/ }).waitFor({ state: 'attached', timeout: 20000 });
      const slices = await page.evaluate(() => window.linliBridge.metrics.slices);
      assert.ok(slices.length >= 1 && slices.length <= 6, `one slice per rare character at most (${slices.length})`);
      for (const s of slices) {
        console.log(`# font slice cjk-${String(s.slice).padStart(2, '0')}: ${s.bytes} bytes in ${s.ms.toFixed(0)} ms`);
        assert.ok(s.bytes < 150_000, `slice ${s.slice} is small (${s.bytes} bytes)`);
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-rare-characters.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  it('follows rotation and a shrinking viewport (soft keyboard) and keeps the field visible', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await activate(page, 'textbox', '搜索');
      await page.waitForFunction(() => document.activeElement?.id === 'linli-ime');
      await page.setViewportSize({ width: 390, height: 420 }); // keyboard up
      await page.waitForFunction(() => document.getElementById('canvas').clientHeight === 420);
      await page.waitForFunction(() => {
        const f = document.querySelector('#linli-a11y input[aria-label="搜索"]');
        const r = f && f.getBoundingClientRect();
        return r && r.top >= 0 && r.bottom <= 420 - 64;
      });
      await page.setViewportSize({ width: 844, height: 390 }); // landscape: the rail
      await page.waitForFunction(() => {
        const tab = document.querySelector('#linli-a11y [role=tab]');
        return tab && tab.getBoundingClientRect().left < 10 && tab.getBoundingClientRect().top < 100;
      });
      const size = await page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
      assert.deepEqual(size, { w: 844 * 3, h: 390 * 3 });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('laptop 1280x800, mouse and keyboard', () => {
  it('shows a left rail, navigates by click, types with the keyboard, copies and pastes', async () => {
    const { page, context } = await openApp(browser, server.url, { ...LAPTOP, locale: 'en-US' });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      // An English browser gets the English UI.
      const { box } = await itemCentre(page, 'tab', 'Sampling');
      assert.ok(box.x < 10 && box.y < 100, 'tabs are in a left rail');
      await selectedTab(page, 'Sampling').waitFor();
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-sampling.png') });
      await activate(page, 'tab', 'Volunteers');
      await selectedTab(page, 'Volunteers').waitFor();
      await activate(page, 'button', 'Volunteer list');
      await activate(page, 'textbox', 'Search');
      await page.waitForFunction(() => document.activeElement?.id === 'linli-ime');
      await page.keyboard.type('Linli 1502');
      await fieldValue(page, 'Search', 'Linli 1502');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('ControlOrMeta+C');
      await page.keyboard.press('Backspace');
      await fieldValue(page, 'Search', '');
      await page.keyboard.press('ControlOrMeta+V');
      await page.keyboard.press('ControlOrMeta+V');
      await fieldValue(page, 'Search', 'Linli 1502Linli 1502');
      await page.keyboard.press('Enter'); // ends editing
      await page.waitForFunction(() => document.activeElement?.id !== 'linli-ime');
      await activate(page, 'tab', 'Settings');
      await selectedTab(page, 'Settings').waitFor();
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-settings.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  it('the mirror is quiet while nothing changes', async () => {
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    try {
      await page.waitForTimeout(500);
      const v1 = await page.evaluate(() => window.linliBridge.a11yVersion);
      await page.waitForTimeout(1000);
      const v2 = await page.evaluate(() => window.linliBridge.a11yVersion);
      assert.equal(v2, v1);
      await activate(page, 'tab', '物资');
      await selectedTab(page, '物资').waitFor();
      assert.ok(await page.evaluate(() => window.linliBridge.a11yVersion) > v2);
    } finally {
      await context.close();
    }
  });
});

describe('static hosting', () => {
  it('works under a sub-path with relative URLs only', async () => {
    const www = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-www-'));
    const sub = path.join(www, 'community', 'desk');
    fs.mkdirSync(path.dirname(sub), { recursive: true });
    fs.cpSync(path.join(ROOT, 'dist'), sub, { recursive: true });
    const subServer = await startServer({ dir: www });
    try {
      const { page, context } = await openApp(browser, subServer.url + 'community/desk/', LAPTOP);
      const failed = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      await activate(page, 'tab', '设置');
      await selectedTab(page, '设置').waitFor();
      await page.getByRole('status', { name: /^已按需加载 \d+ 个字体分片/ }).waitFor({ state: 'attached', timeout: 20000 });
      assert.deepEqual(failed, []);
      assert.deepEqual(page.errors, []);
      await context.close();
    } finally {
      await subServer.stop();
      fs.rmSync(www, { recursive: true, force: true });
    }
  });
});
