/** Generates a deterministic ~1 MB news article, sprinkled with glossary forms in English and Chinese. */
import type { Term } from '../../src/shared/glossary/model';
import { createRng, type Rng } from './prng';
import { CJK_CHARS, HEADINGS, NAMES, PROSE_WORDS } from './words';

const CJK = /[\u3400-\u9fff]/;

/** The forms a page is sprinkled with. */
export interface Sprinkle {
  /** Bench pack terms; earlier ones are mentioned more often, so smaller (prefix) packs still match. */
  benchTerms: readonly Term[];
  /** Surface forms of the default pack. */
  defaultForms: readonly string[];
}

/** `s` with the characters HTML treats specially escaped. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes random prose, lists, tables and links sprinkled with glossary forms (deterministic per seed). */
export class Writer {
  constructor(
    private readonly rng: Rng,
    private readonly sprinkle: Sprinkle,
  ) {}

  /** A glossary form in the wanted script, or undefined when the picked term has none. */
  private form(cjk: boolean): string | undefined {
    const { rng, sprinkle } = this;
    const pool: string[] = [];
    if (rng.chance(0.25) || sprinkle.benchTerms.length === 0) pool.push(...sprinkle.defaultForms);
    else {
      const roll = rng.next();
      const limit = roll < 0.4 ? 100 : roll < 0.7 ? 1000 : sprinkle.benchTerms.length;
      const term = sprinkle.benchTerms[rng.int(0, Math.min(limit, sprinkle.benchTerms.length) - 1)];
      if (term) pool.push(term.term, ...(term.aliases ?? []).map((a) => a.text));
    }
    const fits = pool.filter((f) => CJK.test(f) === cjk);
    if (fits.length === 0) return undefined;
    const form = this.rng.pick(fits);
    // Some English mentions are plural ("leading small groups"), which the matcher accepts.
    return !cjk && /[a-z]$/.test(form) && this.rng.chance(0.15) ? `${form}s` : form;
  }

  /** One English sentence as HTML segments (words and glossary forms). */
  private sentence(): string[] {
    const { rng } = this;
    const words = Array.from({ length: rng.int(8, 18) }, () => escapeHtml(rng.pick(PROSE_WORDS)));
    if (rng.chance(0.15)) words.splice(rng.int(0, words.length), 0, escapeHtml(rng.pick(NAMES)));
    for (let k = rng.chance(0.6) ? rng.int(1, 2) : 0; k > 0; k--) {
      const form = this.form(false);
      if (!form) continue;
      let html = escapeHtml(form);
      const parts = form.split(' ');
      // A term may run across an inline element boundary: <b>Data</b> Security Law.
      if (parts.length > 1 && rng.chance(0.1))
        html = `<b>${escapeHtml(parts[0] ?? '')}</b> ${escapeHtml(parts.slice(1).join(' '))}`;
      if (rng.chance(0.05)) html += ` (${escapeHtml(this.form(true) ?? '')})`;
      words.splice(rng.int(0, words.length), 0, html);
    }
    const first = words[0] ?? '';
    words[0] = `${first.charAt(0).toUpperCase()}${first.slice(1)}`;
    if (words.length > 10 && rng.chance(0.4)) words[5] = `${words[5]},`;
    words[words.length - 1] = `${words[words.length - 1]}.`;
    return words;
  }

  /** One Chinese sentence as HTML segments (runs of characters and glossary forms). */
  private chineseSentence(): string[] {
    const { rng } = this;
    const segs: string[] = [];
    for (let k = rng.int(3, 7); k > 0; k--) {
      segs.push(Array.from({ length: rng.int(2, 6) }, () => rng.pick(CJK_CHARS)).join(''));
      if (rng.chance(0.35)) segs.push(escapeHtml(this.form(true) ?? ''));
    }
    segs.push(rng.chance(0.5) ? '，' : '。');
    return segs;
  }

  /** Joins segments, wrapping a few runs of them in inline elements. */
  private inline(segs: string[], joiner: string): string {
    const { rng } = this;
    const out: string[] = [];
    for (let i = 0; i < segs.length; i++) {
      if (!rng.chance(0.07) || segs[i]?.includes('<')) {
        out.push(segs[i] ?? '');
        continue;
      }
      const n = Math.min(rng.int(1, 3), segs.length - i);
      const run = segs.slice(i, i + n).join(joiner);
      const tag = rng.pick(['a', 'a', 'b', 'em', 'strong', 'span']);
      out.push(tag === 'a' ? `<a href="/story/${rng.int(1, 99_999)}">${run}</a>` : `<${tag}>${run}</${tag}>`);
      i += n - 1;
    }
    return out.join(joiner);
  }

  /** One English sentence as HTML, a few runs of it inside inline elements. */
  sentenceHtml(): string {
    return this.inline(this.sentence(), ' ');
  }

  /** A Chinese paragraph of `sentences` sentences. */
  chineseParagraph(sentences: number): string {
    const segs = Array.from({ length: sentences }, () => this.chineseSentence()).flat();
    return `<p lang="zh-Hans">${this.inline(segs, '')}</p>`;
  }

  /** A paragraph: mostly English, about one in ten in Chinese. */
  paragraph(): string {
    const { rng } = this;
    if (rng.chance(0.1)) {
      const segs = Array.from({ length: rng.int(2, 4) }, () => this.chineseSentence()).flat();
      return `<p lang="zh-Hans">${this.inline(segs, '')}</p>`;
    }
    const segs = Array.from({ length: rng.int(3, 5) }, () => this.sentence()).flat();
    return `<p>${this.inline(segs, ' ')}</p>`;
  }

  list(): string {
    const items = Array.from(
      { length: this.rng.int(3, 6) },
      () => `<li>${this.inline(this.sentence(), ' ')}</li>`,
    );
    return `<ul>\n${items.join('\n')}\n</ul>`;
  }

  table(rows: number): string {
    const row = () => {
      const cells = [
        this.form(false) ?? 'n/a',
        this.form(true) ?? '—',
        `${2015 + this.rng.int(0, 11)}`,
        this.rng.pick(NAMES),
      ];
      return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    };
    const head = '<tr><th>Term</th><th>Chinese</th><th>Year</th><th>Where</th></tr>';
    return `<table>\n<thead>${head}</thead>\n<tbody>\n${Array.from({ length: rows }, row).join('\n')}\n</tbody>\n</table>`;
  }

  links(count: number): string {
    return Array.from(
      { length: count },
      (_, i) => `<li><a href="/s/${i}">${escapeHtml(this.rng.pick(HEADINGS))}</a></li>`,
    ).join('');
  }
}

const STYLE =
  'body{font:16px/1.5 Georgia,serif;margin:0}#page{max-width:760px;margin:0 auto;padding:0 16px}' +
  'nav ul,aside ul{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}table{border-collapse:collapse}' +
  'td,th{border:1px solid #ccc;padding:2px 6px}';

/** A whole HTML document around `body`; `optOut` marks the page so Termlight scans none of it. */
export function htmlDocument(title: string, body: string, optOut = false): string {
  const off = optOut ? ' data-termlight="off"' : '';
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body${off}>\n<div id="page"${off}>\n${body}\n</div>\n</body>\n</html>\n`;
}

/** The body of a news article of about `targetBytes` of HTML (article inside `#article`). */
export function articleBody(sprinkle: Sprinkle, targetBytes: number, seed = 7): string {
  const w = new Writer(createRng(seed), sprinkle);
  const rng = createRng(seed + 1);
  const parts: string[] = [
    `<header><nav><ul>${w.links(24)}</ul></nav></header>`,
    '<main>',
    '<article id="article">',
  ];
  parts.push('<h1>Regulators widen data rules as platforms brace for audits</h1>');
  parts.push(`<p class="byline">By ${escapeHtml(rng.pick(NAMES))} · ${escapeHtml(rng.pick(NAMES))}</p>`);
  let size = parts.join('\n').length;
  let section = 0;
  let tableDone = false;
  while (size < targetBytes) {
    const chunk: string[] = [
      `<section>\n<h2>${escapeHtml(HEADINGS[section++ % HEADINGS.length] ?? '')}</h2>`,
    ];
    for (let k = rng.int(6, 14); k > 0; k--) chunk.push(w.paragraph());
    if (rng.chance(0.4)) chunk.push(w.list());
    if (rng.chance(0.2)) chunk.push(`<blockquote>${w.paragraph()}</blockquote>`);
    if (!tableDone && size > targetBytes / 2) {
      chunk.push(w.table(40));
      tableDone = true;
    }
    chunk.push('</section>');
    const html = chunk.join('\n');
    parts.push(html);
    size += html.length + 1;
  }
  parts.push('</article>', '</main>', `<aside><h2>Related</h2><ul>${w.links(30)}</ul></aside>`);
  parts.push('<footer><p>© 2026 Example News. All rights reserved.</p></footer>');
  return parts.join('\n');
}

/** `count` paragraphs of the same kind of prose (the content appended to a scanned page). */
export function extraParagraphs(sprinkle: Sprinkle, count: number, seed = 99): string {
  const w = new Writer(createRng(seed), sprinkle);
  return Array.from({ length: count }, () => w.paragraph()).join('\n');
}
