// The site's Content-Security-Policy in Debian's headless Chromium: scripts only from the
// site, wasm compiled but no eval, no inline script anywhere in the page, and a sync server
// the site was not built for refused with a message that says why. (Every other browser test
// fails on any policy violation or any request to another host: helpers.mjs guardPage.)
// tests/run.sh builds the site with LINLI_SYNC_ORIGINS="http://127.0.0.1:*" for the sync
// tests' PouchDB Server on its own port; "localhost" is not in it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, PHONE, ROOT, signIn, startServerAndBrowser, waitForStatus } from './helpers.mjs';

let env, server, browser;

before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});

after(() => env?.stop());

describe('the site\'s Content-Security-Policy', () => {
  it('allows only the site\'s own scripts and wasm, no eval, no inline script, and names a refused sync server', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      assert.deepEqual(directives['default-src'], ["'none'"]);
      assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
      assert.deepEqual(directives['object-src'], ["'none'"]);
      assert.deepEqual(directives['base-uri'], ["'none'"]);
      assert.equal(directives['connect-src'][0], "'self'");
      assert.ok(!policy.includes("'unsafe-eval'"), policy);
      // No inline script in the page as served.
      const html = await (await fetch(server.url)).text();
      assert.equal([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length, 0, 'an inline <script>');
      // eval and inline scripts are refused (the violations are expected here).
      page.cspExpected = true;
      // (The test's own page.evaluate is exempt from the policy, so eval is tried the way a
      // page script would: a string handed to setTimeout.)
      const evalRan = await page.evaluate(() => new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          if (e.effectiveDirective === 'script-src') resolve(window.evalRan === true ? 'ran' : 'refused');
        });
        setTimeout('window.evalRan = true', 0); // eslint-disable-line no-implied-eval
        setTimeout(() => resolve(window.evalRan === true ? 'ran' : 'no report'), 2000);
      }));
      assert.equal(evalRan, 'refused');
      const inlineRan = await page.evaluate(() => new Promise((resolve) => {
        const s = document.createElement('script');
        s.textContent = 'window.inlineRan = true';
        document.body.append(s);
        setTimeout(() => resolve(window.inlineRan === true), 300);
      }));
      assert.equal(inlineRan, false);
      // A sync server on a host the site was not built for: refused by the browser before
      // any request, and the app says it is the site's policy, not "unreachable".
      await signIn(page, { url: 'http://localhost:9/linli' });
      await waitForStatus(page, /本网站的安全策略不允许连接这台服务器/);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-sync-refused-by-policy.png') });
    } finally {
      await context.close();
    }
  });
});
