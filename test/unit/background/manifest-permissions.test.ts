import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
};

/** Every source file's text, by path (the whole of src/, as the bundles are built from it). */
function sources(dir = join(root, 'src')): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [p, text] of sources(path)) files.set(p, text);
    else if (/\.tsx?$/.test(entry.name)) files.set(path, readFileSync(path, 'utf8'));
  }
  return files;
}

/**
 * What in the code needs each permission (docs/SECURITY.md has the same table, with the why). A
 * permission missing from this table, or whose users are gone from src/, is one nothing needs.
 */
const USERS: Record<string, RegExp> = {
  storage: /browser\.storage\.(local|onChanged)/,
  // IndexedDB in the extension's origin: packs of 10 000 terms and files of up to 48 MB.
  unlimitedStorage: /new Dexie\(/,
  contextMenus: /browser\.contextMenus\.create/,
  alarms: /browser\.alarms\.create/,
  scripting: /browser\.scripting\.executeScript/,
  webNavigation: /browser\.webNavigation\.(getAllFrames|onCommitted)/,
  // Injecting content-ui.js into any frame that asks, and the subscription fetches.
  '<all_urls>': /browser\.scripting\.executeScript/,
};

/**
 * What each permission-gated API needs: one of these permissions. A tab's `url` is readable with the
 * `tabs` permission or a host permission matching the tab (the popup's site switch reads it).
 */
const GATED: [api: string, pattern: RegExp, grantedBy: string[]][] = [
  ['contextMenus', /browser\.contextMenus\./, ['contextMenus']],
  ['alarms', /browser\.alarms\./, ['alarms']],
  ['scripting', /browser\.scripting\./, ['scripting']],
  ['webNavigation', /browser\.webNavigation\./, ['webNavigation']],
  ['downloads', /browser\.downloads\./, ['downloads']],
  ['permissions.request', /browser\.permissions\.request/, ['optional_host_permissions']],
  ['tab URLs', /\btab\??\.url\b/, ['tabs', '<all_urls>']],
];

describe('the manifest asks for what the code uses, and nothing more', () => {
  const files = sources();
  const used = (pattern: RegExp) => [...files.values()].some((text) => pattern.test(text));

  it('has a user in src/ for every permission and host permission', () => {
    const declared = [
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    const unused = declared.filter((permission) => {
      const pattern = USERS[permission];
      return !pattern || !used(pattern);
    });
    expect(unused).toEqual([]);
  });

  it('declares every permission-gated API the code calls', () => {
    const declared = new Set([
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions?.length ? ['optional_host_permissions'] : []),
    ]);
    const missing = GATED.filter(
      ([, pattern, grantedBy]) => used(pattern) && !grantedBy.some((p) => declared.has(p)),
    ).map(([api]) => api);
    expect(missing).toEqual([]);
  });
});
