/**
 * Launches a real browser with the built extension: Chromium through `enableExtensions` over a pipe,
 * Firefox ESR over WebDriver BiDi with `installExtension` and a pinned moz-extension UUID.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

const ROOT = resolve(import.meta.dirname, '../..');
export const FIREFOX_ADDON_ID = 'termlight@termlight.dev';
const FIREFOX_UUID = '6f1c2b9e-3d4a-4e8b-9c7d-1a2b3c4d5e6f';

const CANDIDATES: Record<BrowserName, string[]> = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};
const INSTALL_HINT: Record<BrowserName, string> = {
  chromium: 'apt-get install -y chromium (or set CHROME_PATH)',
  firefox: 'apt-get install -y firefox-esr (or set FIREFOX_PATH)',
};

/** The browser executable, from CHROME_PATH / FIREFOX_PATH or the usual system paths. */
export function browserPath(name: BrowserName): string {
  const fromEnv = name === 'chromium' ? process.env.CHROME_PATH : process.env.FIREFOX_PATH;
  const found = [fromEnv, ...CANDIDATES[name]].find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error(`No ${name} found. Install it: ${INSTALL_HINT[name]}`);
  return found;
}

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** The extension's base URL, e.g. `chrome-extension://<id>/`. */
  extensionUrl: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Runs `fn` on a new tab of `browser`, and closes the tab however `fn` ends. */
export async function withPage<T>(browser: ExtensionBrowser, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** Flags for headless Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--lang=en-US',
];

/** How to start a browser: headless or not, in a profile that outlives it, saving downloads where. */
export interface LaunchOptions {
  headless?: boolean;
  /** A profile folder kept after `close()`, so a test can start the browser again on the same data. */
  profileDir?: string;
  /** Where downloads are saved, without asking. */
  downloadDir?: string;
  /**
   * The browser's UI language (BCP 47, e.g. `zh-CN`); en-US unless given. Firefox needs that
   * language's pack installed (Debian: `firefox-esr-l10n-zh-cn`) and throws without it.
   */
  lang?: string;
}

/** Chromium's preferences for saving every download to `dir` without a prompt. */
function writeChromiumDownloadPrefs(profileDir: string, dir: string): void {
  const prefs = { download: { default_directory: dir, prompt_for_download: false, directory_upgrade: true } };
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  const file = join(profileDir, 'Default', 'Preferences');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(prefs));
}

/** Chromium with the unpacked extension in `extensionDir` (launchWithExtension takes dist's). */
export async function launchChromium(
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const headless = options.headless ?? true;
  const keep = options.profileDir !== undefined;
  const userDataDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'termlight-chromium-'));
  if (options.downloadDir) writeChromiumDownloadPrefs(userDataDir, options.downloadDir);
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir,
    args: options.lang
      ? [...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--lang=')), `--lang=${options.lang}`]
      : CHROMIUM_ARGS,
    // On Linux the UI language (and so chrome.i18n's) follows LANGUAGE, not only --lang.
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang.replace('-', '_') } } : {}),
    defaultViewport: { width: 1280, height: 900 },
  });
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
  const extensionUrl = new URL('/', worker.url()).href;
  if (options.downloadDir) {
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: options.downloadDir,
    });
  }
  return {
    name: 'chromium',
    browser,
    extensionUrl,
    newPage: () => browser.newPage(),
    close: async () => {
      await browser.close();
      if (!keep) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where a Firefox install keeps the language packs it ships with (Debian's l10n packages: browser/extensions). */
const FIREFOX_LANGPACK_DIRS = ['browser/extensions', 'distribution/extensions'];

/**
 * The prefs that make the Firefox at `executable` (and so its extensions' `i18n`) speak `lang`. Firefox ships en-US
 * alone and silently stays in it for a locale with no language pack, so a missing pack is an error.
 */
export function firefoxLanguagePrefs(executable: string, lang: string | undefined): Record<string, unknown> {
  if (!lang || lang === 'en-US') return { 'intl.locale.requested': 'en-US' };
  const install = dirname(realpathSync(executable));
  const dirs = FIREFOX_LANGPACK_DIRS.map((dir) => join(install, dir));
  const hasPack = dirs.some(
    (dir) => existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`langpack-${lang}@`)),
  );
  if (!hasPack) {
    throw new Error(
      `Firefox has no ${lang} language pack in ${dirs.join(' or ')}. ` +
        `Install it: apt-get install -y firefox-esr-l10n-${lang.toLowerCase()}`,
    );
  }
  return {
    'intl.locale.requested': lang,
    // The pack is an add-on of the application scope (4): it must be enabled, and not disabled on
    // first sight in a new profile. Puppeteer's defaults do both today; the language depends on it.
    'extensions.enabledScopes': 5,
    'extensions.autoDisableScopes': 0,
  };
}

async function launchFirefox(extensionDir: string, options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = browserPath('firefox');
  const downloads = options.downloadDir
    ? {
        'browser.download.dir': options.downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.panel.shown': true,
      }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      ...firefoxLanguagePrefs(executablePath, options.lang),
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'ui.systemUsesDarkTheme': 0,
      ...downloads,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    name: 'firefox',
    browser,
    extensionUrl: `moz-extension://${FIREFOX_UUID}/`,
    newPage: async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      return page;
    },
    close: () => browser.close(),
  };
}

/** Starts `name` with the built extension from `dist/` loaded. */
export async function launchWithExtension(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const dir = join(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is not built: run npm run build`);
  return name === 'chromium' ? launchChromium(dir, options) : launchFirefox(dir, options);
}
