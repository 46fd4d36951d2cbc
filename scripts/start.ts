/**
 * `npm start`: builds, serves the demo pages on 127.0.0.1 and opens a browser with Termlight loaded.
 * Without a display it runs headless and writes screenshots and a summary to demo-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserName, launchWithExtension } from '../test/harness/browsers';
import { highlightCenter, readHighlights, scanMeasures, waitForScan } from '../test/harness/page-probe';
import { serveStatic } from '../test/harness/server';

const ROOT = resolve(import.meta.dirname, '..');
const DEMO = join(ROOT, 'test/fixtures/demo');
const OUT = join(ROOT, 'demo-output');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const name =
    (option('browser') ?? 'chromium') === 'firefox' ? 'firefox' : ('chromium' satisfies BrowserName);
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  const server = await serveStatic(DEMO);
  const pages = readdirSync(DEMO)
    .filter((f) => f.endsWith('.html'))
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
  console.log(`Serving the demo pages at ${server.origin}/ (${pages.join(', ')})`);
  const browser = await launchWithExtension(name, { headless });

  if (!headless) {
    for (const file of pages) await (await browser.newPage()).goto(`${server.origin}/${file}`);
    console.log(`${name} is open with Termlight loaded. Press Ctrl+C to stop.`);
    process.on('SIGINT', async () => {
      await browser.close();
      await server.close();
      process.exit(0);
    });
    return;
  }

  mkdirSync(OUT, { recursive: true });
  const summary: Record<string, unknown>[] = [];
  const page = await browser.newPage();
  for (const file of pages) {
    await page.goto(`${server.origin}/${file}`, { waitUntil: 'load' });
    await waitForScan(page);
    const highlights = await readHighlights(page);
    const counts: Record<string, number> = {};
    for (const h of highlights) {
      const text = h.text.replace(/\s+/g, ' ');
      counts[text] = (counts[text] ?? 0) + 1;
    }
    const [measure] = await scanMeasures(page);
    summary.push({
      page: file,
      title: await page.title(),
      highlights: highlights.length,
      terms: counts,
      scan: measure ? { ms: Math.round(measure.duration * 10) / 10, ...measure.detail } : null,
    });
    const shot = file === 'index.html' ? 'screenshot.png' : `screenshot-${file.replace(/\.html$/, '')}.png`;
    await page.screenshot({ path: join(OUT, shot) });
    console.log(`${file}: ${highlights.length} highlights → demo-output/${shot}`);
  }
  // One more picture with a definition card open, hovering the first highlighted term of the front page.
  await page.goto(`${server.origin}/${pages[0]}`, { waitUntil: 'load' });
  await waitForScan(page);
  const [first] = await readHighlights(page);
  if (first) {
    const { x, y } = await highlightCenter(page, first.text);
    await page.mouse.move(x, y);
    await new Promise((r) => setTimeout(r, 800));
    await page.screenshot({ path: join(OUT, 'screenshot-card.png') });
  }
  writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify({ browser: name, pages: summary }, null, 2)}\n`);
  console.log('Wrote demo-output/summary.json');
  await browser.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
