/** Files the browser downloads into a test's download folder. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Waits until a download whose name `matches` is finished in `dir`, and returns its path. Chromium
 * writes to `<name>.crdownload` and renames it when done; Firefox writes `<name>.part` beside an
 * empty `<name>` until then.
 */
export async function finishedDownload(
  dir: string,
  matches: (name: string) => boolean,
  timeout = 15_000,
): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const files = readdirSync(dir);
    const name = files.find(matches);
    if (name && !files.includes(`${name}.part`) && statSync(join(dir, name)).size > 0) return join(dir, name);
    if (Date.now() > end) throw new Error(`No finished download in ${dir} among ${files}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
