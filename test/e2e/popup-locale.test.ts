import { describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { openPopupFor } from './support/popup';

// Firefox's extensions speak the application's language, so its run needs the zh-CN language pack
// (Debian's firefox-esr-l10n-zh-cn); `launchWithExtension` says so if it is missing.
describe.each(['chromium', 'firefox'] as const)('the popup in a Chinese %s', (name) => {
  const ctx = useExtensionBrowser(name, { lang: 'zh-CN' });

  it("speaks the browser's language: switches, search box and this page's terms", async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url('e2e/repeated.html'));
    const popup = await openPopupFor(ctx, page, 'aria/在所有网站上暂停 Termlight');
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    await popup.waitForSelector('aria/搜索术语表和摘录');
    await popup.waitForSelector('aria/在此网站上高亮显示');
    await popup.waitForSelector('aria/本页术语');
    await popup.waitForSelector('.page-terms button');
    const text = await popup.$eval('main', (main) => main.textContent ?? '');
    expect(text).toContain('本页有 0 条摘录');
    expect(text).toContain('打开资料库');
    expect(text).toMatch(/Multi-Level Protection Scheme（3）/);
    expect(text).not.toMatch(/On this page|Open library|Highlight on this site/);
  });
});
