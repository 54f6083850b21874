// Accessibility audit: axe-core (npm) in Debian's headless Chromium on every screen a tab
// leads to, and the screens behind their first two buttons, in Chinese and English, on a phone.
// Fails on any critical or serious violation (WCAG 2.1 A/AA and best practice). The screens
// are drawn on a canvas; what axe sees is the accessibility mirror (shell/bridge/mirror.js)
// and the page around it. Also: a screen reader's activation (a click on a mirrored element)
// reaches the app as a tap.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { activate, gotoArea, openApp, PHONE, ROOT, scrollTo, startServerAndBrowser, waitForReady } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let env, server, browser;

before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});

after(() => env?.stop());

const AREAS = {
  zh: ['采样', '物资', '志愿者', '总览', '设置'],
  en: ['Sampling', 'Supplies', 'Volunteers', 'Overview', 'Settings'],
};

// Critical and serious violations on the page as it is now, as readable lines.
async function audit(page, where) {
  const found = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source); // page.evaluate is not bound by the site's policy
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  }, AXE);
  return found.map((line) => `${where}: ${line}`);
}

// Back to the area's first screen: its back button, else a tap on its tab, else a reload.
async function back(page, area, lang) {
  const backButton = page.getByRole('button', { name: lang === 'zh' ? '‹ 返回' : '‹ Back', exact: true }).first();
  if (await backButton.count()) {
    await backButton.dispatchEvent('click');
    await page.waitForTimeout(150);
  }
  try {
    await gotoArea(page, area);
  } catch {
    await page.reload();
    await waitForReady(page);
    await gotoArea(page, area);
  }
  await page.waitForTimeout(100);
}

// The mirror's buttons on this screen that open another screen without changing data.
async function mirrorButtons(page) {
  return page.evaluate(() => [...document.querySelectorAll('#linli-a11y button')].map((b) => b.getAttribute('aria-label')));
}

describe('accessibility (axe-core)', () => {
  for (const lang of ['zh', 'en']) {
    it(`no critical or serious violation on any screen, ${lang}`, async () => {
      const { page, context } = await openApp(browser, server.url, { ...PHONE, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      const violations = [];
      let screens = 0;
      try {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
        for (const area of AREAS[lang]) {
          await gotoArea(page, area);
          await page.waitForTimeout(150);
          violations.push(...await audit(page, area));
          screens++;
          // One level deeper: each screen the first few plain buttons open, then back.
          const buttons = (await mirrorButtons(page)).filter((b) => b && !/删除|清空|Delete|Clear|退出|Sign out|同步|Sync|导出|Export|打印|Print|复制|Copy|扫码|Scan|示例|sample/.test(b)).slice(0, 2);
          for (const name of buttons) {
            const el = page.getByRole('button', { name, exact: true }).first();
            if (!(await el.count())) continue;
            // As a screen reader activates it (the mirror may have just rebuilt it: skip then).
            if (await el.dispatchEvent('click', null, { timeout: 3000 }).then(() => false, () => true)) continue;
            await page.waitForTimeout(250);
            violations.push(...await audit(page, `${area} > ${name}`));
            screens++;
            await back(page, area, lang);
          }
        }
        await page.screenshot({ path: path.join(ROOT, 'test-results', `phone-a11y-${lang}.png`) });
      } finally {
        await context.close();
      }
      assert.ok(screens >= 10, `only ${screens} screens audited`);
      assert.deepEqual(violations, []);
    });
  }

  for (const lang of ['zh', 'en']) {
    it(`the extra large text size is kept across a reload, and every area passes the audit with it, ${lang}`, async () => {
      const { page, context } = await openApp(browser, server.url, { ...PHONE, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      const xl = lang === 'zh' ? '特大' : 'Extra large';
      const violations = [];
      try {
        await gotoArea(page, AREAS[lang][4]);
        await scrollTo(page, 'radio', xl);
        await activate(page, 'radio', xl);
        await page.getByRole('radio', { name: xl, exact: true, checked: true }).waitFor({ state: 'attached', timeout: 10000 });
        await page.reload();
        await waitForReady(page);
        await gotoArea(page, AREAS[lang][4]);
        await scrollTo(page, 'radio', xl);
        await page.getByRole('radio', { name: xl, exact: true, checked: true }).waitFor({ state: 'attached', timeout: 10000 });
        await page.screenshot({ path: path.join(ROOT, 'test-results', `phone-text-xl-settings-${lang}.png`) });
        for (const area of AREAS[lang]) {
          await gotoArea(page, area);
          await page.waitForTimeout(150);
          violations.push(...await audit(page, `${area} (${xl})`));
          await page.screenshot({ path: path.join(ROOT, 'test-results', `phone-text-xl-${AREAS.en[AREAS[lang].indexOf(area)].toLowerCase()}-${lang}.png`) });
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(violations, []);
    });
  }

  it('a screen reader activation (a click on a mirrored element) taps the item', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      // The tab bar is one tablist; its tabs say which is selected.
      const tabs = page.locator('#linli-a11y [role=tablist] [role=tab]');
      assert.ok(await tabs.count() >= 5, 'tabs in a tablist');
      await page.getByRole('tab', { name: '设置', exact: true }).dispatchEvent('click');
      await page.getByRole('tab', { name: '设置', exact: true, selected: true }).waitFor({ state: 'attached', timeout: 10000 });
      await page.getByRole('tab', { name: '采样', exact: true }).dispatchEvent('click');
      await page.getByRole('tab', { name: '采样', exact: true, selected: true }).waitFor({ state: 'attached', timeout: 10000 });
    } finally {
      await context.close();
    }
  });
});
