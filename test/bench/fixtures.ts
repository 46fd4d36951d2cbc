/** Writes the bench's generated packs to a temp dir and serves its generated pages on 127.0.0.1. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlossaryPack, Term } from '../../src/shared/glossary/model';
import { type StaticServer, serveStatic } from '../harness/server';
import { type DefaultPack, loadDefaultPack } from './default-pack';
import { ordinaryPages } from './gen-ordinary';
import { benchPack, generateTerms } from './gen-pack';
import { articleBody, extraParagraphs, htmlDocument } from './gen-page';
import type { BenchUrls } from './termlight-runs';

/** Tags of elements that end a block, so that removing them leaves one running text. */
const BLOCK_TAGS =
  /<\/?(?:p|h[1-6]|section|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|header|nav|main|article|aside|footer|div|br)\b[^>]*>/g;

export const PACK_SIZES = [10_000, 1_000, 100] as const;
export const APPEND_PARAGRAPHS = 1_000;

export interface BenchFixtures {
  defaultPack: DefaultPack;
  /** Packs by size, largest first; smaller ones are prefixes of the largest. */
  packs: { size: number; pack: GlossaryPack; file: string; text: string }[];
  /** The largest pack's terms. */
  terms: Term[];
  server: StaticServer;
  urls: BenchUrls;
  articleHtml: string;
  appendHtml: string;
  dispose(): Promise<void>;
}

/** Generates everything (deterministic) and starts the page server. */
export async function createFixtures(pageBytes: number): Promise<BenchFixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'termlight-bench-'));
  const defaultPack = loadDefaultPack();
  const terms = generateTerms(Math.max(...PACK_SIZES));
  const packs = PACK_SIZES.map((size) => {
    const pack = benchPack(terms.slice(0, size));
    const text = JSON.stringify(pack);
    const file = join(dir, `bench-${size}.json`);
    writeFileSync(file, text);
    return { size, pack, file, text };
  });
  const sprinkle = { benchTerms: terms, defaultForms: defaultPack.forms };
  const body = articleBody(sprinkle, pageBytes);
  const appendHtml = extraParagraphs(sprinkle, APPEND_PARAGRAPHS);
  const articleHtml = htmlDocument('Bench article', body);
  const server = await serveStatic(dir);
  server.route('/article.html', articleHtml);
  server.route('/article-off.html', htmlDocument('Bench article', body, true));
  // The same text with no block boundary at all: once as one paragraph of inline elements, once
  // as one text node. A scanner that reads or matches a block in one go freezes on these.
  const inline = body.replace(BLOCK_TAGS, ' ');
  server.route('/one-block.html', htmlDocument('One block', `<p>${inline}</p>`));
  server.route('/one-node.html', htmlDocument('One text node', `<p>${inline.replace(/<[^>]*>/g, '')}</p>`));
  const ordinary = ordinaryPages(sprinkle).map(({ name, body }) => {
    server.route(`/ordinary/${name}.html`, htmlDocument(name, body));
    server.route(`/ordinary/${name}-off.html`, htmlDocument(name, body, true));
    return {
      name,
      url: `${server.origin}/ordinary/${name}.html`,
      optOut: `${server.origin}/ordinary/${name}-off.html`,
    };
  });
  server.route(
    '/alone.html',
    htmlDocument('Bench paragraphs', `<main><article id="article">\n${appendHtml}\n</article></main>`),
  );
  return {
    defaultPack,
    packs,
    terms,
    server,
    urls: {
      article: `${server.origin}/article.html`,
      optOut: `${server.origin}/article-off.html`,
      alone: `${server.origin}/alone.html`,
      hard: {
        'one paragraph of the whole article': `${server.origin}/one-block.html`,
        'one text node of the whole article': `${server.origin}/one-node.html`,
      },
      ordinary,
    },
    articleHtml,
    appendHtml,
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
