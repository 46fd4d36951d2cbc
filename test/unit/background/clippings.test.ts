import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClippingTerms } from '../../../src/background/clipping-terms';
import {
  allClippings,
  clippingsOfPage,
  deleteClippings,
  recordAnchoring,
  restoreClippings,
  saveClipping,
  trustedCanonical,
  updateClipping,
} from '../../../src/background/clippings';
import { openDb, type TermlightDb } from '../../../src/background/db';
import { setGlossaryEnabled, writePack } from '../../../src/background/glossaries';
import { createHandlers } from '../../../src/background/handlers';
import type { Caller } from '../../../src/background/router';
import { bumpSnapshotVersion } from '../../../src/background/snapshot-version';
import type { ClipCapture } from '../../../src/shared/clippings/model';
import { makePack, makeTerm } from '../support/packs';

let db: TermlightDb;
let n = 0;

beforeEach(() => {
  db = openDb(`clippings-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

function capture(exact: string, extra: Partial<ClipCapture> = {}): ClipCapture {
  return {
    exact,
    title: 'A page',
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 7, end: 7 + exact.length },
    ],
    ...extra,
  };
}

const ARTICLE = 'https://news.example/2026/rules?id=4&utm_source=feed&fbclid=abc#section-2';

describe('saving clippings', () => {
  it('stores the page URL without its fragment or tracking parameters, with its site', async () => {
    const saved = await saveClipping(db, ARTICLE, capture('MLPS applies'), []);
    expect(saved).toMatchObject({
      url: 'https://news.example/2026/rules?id=4',
      site: 'news.example',
      exact: 'MLPS applies',
      anchored: true,
    });
    expect((await db.clippings.get(saved.id))?.url).toBe('https://news.example/2026/rules?id=4');
  });

  it('keeps a canonical URL only when it is on the page’s own origin', () => {
    const cases: [string | undefined, string | undefined][] = [
      ['/2026/rules', 'https://news.example/2026/rules'],
      ['https://news.example/amp/rules?utm_medium=x', 'https://news.example/amp/rules'],
      ['https://bank.example/account', undefined],
      ['javascript:alert(1)', undefined],
      [undefined, undefined],
    ];
    const failing = cases.filter(([given, want]) => trustedCanonical(ARTICLE, given) !== want);
    expect(failing).toEqual([]);
  });

  it('finds a page’s clippings by its URL, by its canonical URL, and never another page’s', async () => {
    const here = await saveClipping(db, ARTICLE, capture('one'), []);
    const viaCanonical = await saveClipping(
      db,
      'https://news.example/amp/rules',
      capture('two', { canonicalUrl: 'https://news.example/2026/rules?id=4' }),
      [],
    );
    await saveClipping(db, 'https://news.example/other', capture('three'), []);
    const found = await clippingsOfPage(db, 'https://news.example/2026/rules?id=4&utm_campaign=z');
    expect(found.map((c) => c.exact)).toEqual(['one', 'two']);
    expect(found.map((c) => c.id)).toEqual([here.id, viaCanonical.id]);
    // A page on another site naming this one as canonical learns nothing.
    expect(
      await clippingsOfPage(db, 'https://evil.example/', 'https://news.example/2026/rules?id=4'),
    ).toEqual([]);
  });
});

describe('editing and deleting', () => {
  it('lets a page edit only its own clippings', async () => {
    const saved = await saveClipping(db, ARTICLE, capture('mine'), []);
    await expect(updateClipping(db, saved.id, { note: 'x' }, 'https://evil.example/')).rejects.toThrow(
      'No such clipping',
    );
    const edited = await updateClipping(
      db,
      saved.id,
      { note: 'Why it matters', tags: [' law ', 'law', ''] },
      ARTICLE,
    );
    expect(edited).toMatchObject({ note: 'Why it matters', tags: ['law'] });
  });

  it('gives deleted clippings back whole, so an undo restores them exactly', async () => {
    const saved = await saveClipping(db, ARTICLE, capture('keep me'), ['p/t']);
    const { deleted } = { deleted: await deleteClippings(db, [saved.id, 'missing']) };
    expect(await db.clippings.count()).toBe(0);
    await restoreClippings(db, deleted);
    expect(await allClippings(db)).toEqual([saved]);
  });

  it('records orphans and found clippings of the reporting page only', async () => {
    const mine = await saveClipping(db, ARTICLE, capture('mine'), []);
    const other = await saveClipping(db, 'https://news.example/other', capture('other'), []);
    expect(await recordAnchoring(db, ARTICLE, undefined, [], [mine.id, other.id])).toBe(1);
    expect((await db.clippings.get(mine.id))?.anchored).toBe(false);
    expect((await db.clippings.get(other.id))?.anchored).toBe(true);
    expect(await recordAnchoring(db, ARTICLE, undefined, [mine.id], [])).toBe(1);
    expect((await db.clippings.get(mine.id))?.anchored).toBe(true);
  });
});

describe('auto-tags', () => {
  const pack = makePack('policy', [
    makeTerm('mlps', 'Multi-Level Protection Scheme', {
      aliases: [{ text: 'MLPS' }, { text: '等保', lang: 'zh-Hans' }],
    }),
    makeTerm('cac', 'Cyberspace Administration of China', { aliases: [{ text: 'CAC' }] }),
  ]);
  const page: Caller = { kind: 'page', url: ARTICLE, tabId: 1, frameId: 0 };

  it('tags a saved clipping with the glossary terms in its passage, in order of appearance', async () => {
    await writePack(db, pack, 'imported');
    await bumpSnapshotVersion(db);
    const handlers = createHandlers(db, Promise.resolve());
    const { clipping } = await handlers.saveClipping(
      { type: 'saveClipping', clip: capture('The CAC enforces 等保 and MLPS rules; not cacao.') },
      page,
    );
    expect(clipping.termIds).toEqual(['policy/cac', 'policy/mlps']);
  });

  it('finds the terms again when a glossary is switched off or on', async () => {
    await writePack(db, pack, 'imported');
    await bumpSnapshotVersion(db);
    const terms = new ClippingTerms(db);
    await terms.ensureTagged();
    const saved = await saveClipping(
      db,
      ARTICLE,
      capture('The CAC enforces MLPS.'),
      await terms.termsIn('The CAC enforces MLPS.'),
    );
    expect(saved.termIds).toEqual(['policy/cac', 'policy/mlps']);
    await setGlossaryEnabled(db, 'policy', false);
    await bumpSnapshotVersion(db);
    await terms.ensureTagged();
    expect((await db.clippings.get(saved.id))?.termIds).toEqual([]);
    await setGlossaryEnabled(db, 'policy', true);
    await bumpSnapshotVersion(db);
    await terms.ensureTagged();
    expect((await db.clippings.get(saved.id))?.termIds).toEqual(['policy/cac', 'policy/mlps']);
  });
});
