import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useExtensionBrowser } from './support/fixture';
import { fileInputNamed, openLibraryAt, subscribeTo, waitForStatus } from './support/library';

/** What a reader of the library meets first: the page's language and title, the tabs, the first tab's words. */
async function libraryFace(page: Page) {
  await page.waitForSelector('[role="tab"]', { timeout: 10_000 });
  await page.waitForSelector('#panel-clippings .empty-clippings', { timeout: 10_000 });
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    heading: document.querySelector('h1')?.textContent,
    tablist: document.querySelector('[role="tablist"]')?.getAttribute('aria-label'),
    tabs: [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent),
    empty: document.querySelector('#panel-clippings .empty-clippings')?.textContent,
  }));
}

// Firefox's extensions speak the application's language, so its run needs the zh-CN language pack
// (Debian's firefox-esr-l10n-zh-cn); `launchWithExtension` says so if it is missing.
describe.each(['chromium', 'firefox'] as const)('the library in Chinese (%s in zh-CN)', (name) => {
  const ctx = useExtensionBrowser(name, { lang: 'zh-CN' });

  it('reads in Simplified Chinese, with lang zh-CN', async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '');
    expect(await libraryFace(page)).toEqual({
      lang: 'zh-CN',
      title: 'Termlight 资料库',
      heading: 'Termlight 资料库',
      tablist: '资料库栏目',
      tabs: ['摘录', '术语表', '设置'],
      empty: '还没有摘录。在任意网页上选中文字，然后选择“保存摘录”。',
    });
  });

  it('names the Glossaries and Settings controls in Chinese', async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '#settings');
    await page.waitForSelector('aria/每个术语只高亮第一次出现', { timeout: 10_000 });
    expect(await page.$('aria/Highlight only the first occurrence of each term')).toBeNull();
    await (await page.waitForSelector('aria/术语表[role="tab"]', { timeout: 10_000 }))?.click();
    // The built-in pack's switch and export group, named with the Chinese words around the pack's name.
    const toggle = await page.waitForSelector('aria/启用 China cyber policy[role="switch"]', {
      timeout: 10_000,
    });
    expect(toggle).not.toBeNull();
    expect(await fileInputNamed(page, '导入术语表')).not.toBeNull();
    const details = await page.$eval('.pack .about .muted', (el) => el.textContent);
    expect(details).toMatch(/^\d+ 个术语 · 内置/);
  });

  it('refuses a malformed glossary in Chinese, at the place of each problem', async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '#glossaries');
    await (await fileInputNamed(page, '导入术语表')).uploadFile(join(FIXTURES, 'e2e/broken-pack.json'));
    const status = await waitForStatus(page, /导入失败/);
    expect(status).toContain(
      '$.terms[1].sources[0].url: 来源网址必须使用 http: 或 https:，而不是 javascript:',
    );
    expect(status).not.toContain('source URL must use');
  });

  it("refuses a subscription in Chinese, with the server's answer", async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '#glossaries');
    const url = ctx.url('packs/no-such-pack.json');
    const status = await subscribeTo(page, url, /订阅失败/, { field: '术语表网址', button: '订阅' });
    expect(status).toContain(`${url}: 服务器返回了 404`);
  });
});

// With the Chinese language pack installed, Firefox must still speak English when not asked otherwise.
describe.each(['chromium', 'firefox'] as const)('the library in English (%s in en-US)', (name) => {
  const ctx = useExtensionBrowser(name);

  it('reads in English, with lang en-US', async () => {
    const page = await ctx.page();
    await openLibraryAt(page, ctx.browser, '');
    expect(await libraryFace(page)).toEqual({
      lang: 'en-US',
      title: 'Termlight library',
      heading: 'Termlight library',
      tablist: 'Library sections',
      tabs: ['Clippings', 'Glossaries', 'Settings'],
      empty: 'No clippings yet. Select text on any page and choose Save clipping.',
    });
  });
});
