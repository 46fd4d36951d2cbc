import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firefoxLanguagePrefs } from '../../harness/browsers';

const roots: string[] = [];

/** A Firefox install laid out like Debian's: the binary in lib/, reached through a bin/ symlink. */
function fakeInstall(langpacks: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'termlight-firefox-'));
  roots.push(root);
  const lib = join(root, 'lib/firefox-esr');
  mkdirSync(join(lib, 'browser/extensions'), { recursive: true });
  writeFileSync(join(lib, 'firefox-esr'), '');
  for (const pack of langpacks) writeFileSync(join(lib, 'browser/extensions', pack), '');
  mkdirSync(join(root, 'bin'));
  symlinkSync(join(lib, 'firefox-esr'), join(root, 'bin/firefox-esr'));
  return join(root, 'bin/firefox-esr');
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("Firefox's UI language", () => {
  it('asks for en-US when no language is given or en-US is, with no language pack needed', () => {
    const firefox = fakeInstall([]);
    expect(firefoxLanguagePrefs(firefox, undefined)).toEqual({ 'intl.locale.requested': 'en-US' });
    expect(firefoxLanguagePrefs(firefox, 'en-US')).toEqual({ 'intl.locale.requested': 'en-US' });
  });

  it("asks for zh-CN and enables the application's add-ons when the zh-CN pack is installed", () => {
    const firefox = fakeInstall(['langpack-zh-CN@firefox-esr.mozilla.org.xpi']);
    expect(firefoxLanguagePrefs(firefox, 'zh-CN')).toEqual({
      'intl.locale.requested': 'zh-CN',
      'extensions.enabledScopes': 5,
      'extensions.autoDisableScopes': 0,
    });
  });

  it('refuses a language with no pack, naming the package to install, rather than stay in English', () => {
    const firefox = fakeInstall(['langpack-zh-TW@firefox-esr.mozilla.org.xpi']);
    expect(() => firefoxLanguagePrefs(firefox, 'zh-CN')).toThrow(
      /no zh-CN language pack .*apt-get install -y firefox-esr-l10n-zh-cn/,
    );
  });
});
