/**
 * Pages of ordinary size (some 500 to 5 000 text nodes) in the shapes the web is made of: a news
 * article, a Wikipedia-like page, a front page of short blocks, a forum thread, a Chinese article,
 * a page that is mostly navigation, a documentation page with code. Templates filled from a seeded
 * generator, so every run loads the same pages; no network. They hold what real text holds besides
 * words: ellipses in teasers and in Chinese prose, emoji in forum posts.
 */
import { escapeHtml, type Sprinkle, Writer } from './gen-page';
import { createRng, type Rng } from './prng';
import { HEADINGS, NAMES } from './words';

export interface OrdinaryPage {
  /** `news-1`, `wiki-2`…: the template and the seed's rank. */
  name: string;
  /** The page's body (see htmlDocument). */
  body: string;
}

/** A page of the template's shape; `scale` (1 and up) multiplies its main runs of content. */
type Template = (w: Writer, rng: Rng, scale: number) => string;

/** A count between `lo` and `hi` times `scale`. */
const count = (rng: Rng, lo: number, hi: number, scale: number): number =>
  rng.int(Math.round(lo * scale), Math.round(hi * scale));

const times = (n: number, make: (i: number) => string, joiner = '\n'): string =>
  Array.from({ length: n }, (_, i) => make(i)).join(joiner);

const link = (rng: Rng, text: string): string => `<a href="/p/${rng.int(1, 99_999)}">${escapeHtml(text)}</a>`;

/** A site header with a menu, and a footer of link columns: what most pages carry around their text. */
function chrome(w: Writer, rng: Rng, links: number, main: string): string {
  const header = `<header><div class="logo">${link(rng, 'Example')}</div><nav aria-label="Main"><ul>${w.links(links)}</ul></nav>
<form role="search"><input type="search" placeholder="Search"><button>Go</button></form></header>`;
  const columns = times(
    4,
    () =>
      `<div class="col"><h4>${escapeHtml(rng.pick(HEADINGS))}</h4><ul>${w.links(rng.int(6, 12))}</ul></div>`,
  );
  const footer = `<footer>${columns}<p>© 2026 ${escapeHtml(rng.pick(NAMES))} Media. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>`;
  return `${header}\n<main>${main}</main>\n${footer}`;
}

const news: Template = (w, rng, scale) => {
  const paragraphs = times(count(rng, 25, 40, scale), (i) =>
    i > 0 && i % 7 === 0
      ? `<figure><img alt="" width="600" height="300"><figcaption>${w.sentenceHtml()}</figcaption></figure>\n${w.paragraph()}`
      : w.paragraph(),
  );
  const article = `<article><h1>${escapeHtml(rng.pick(HEADINGS))}</h1>
<p class="byline">By ${link(rng, rng.pick(NAMES))} · <time>6 December 2026</time></p>
<div class="share"><button>Share</button><button>Save</button><span>${rng.int(2, 900)} comments</span></div>
${paragraphs}
${rng.chance(0.5) ? w.list() : ''}
</article>
<aside><h2>Most read</h2><ol>${times(10, () => `<li>${link(rng, rng.pick(HEADINGS))}</li>`, '')}</ol></aside>`;
  return chrome(w, rng, rng.int(12, 30), article);
};

const wiki: Template = (w, rng, scale) => {
  const sections = count(rng, 5, 8, scale);
  const infobox = `<table class="infobox"><caption>${escapeHtml(rng.pick(HEADINGS))}</caption>${times(
    rng.int(8, 16),
    () => `<tr><th>${escapeHtml(rng.pick(NAMES))}</th><td>${w.sentenceHtml()}</td></tr>`,
    '',
  )}</table>`;
  const toc = `<div id="toc"><h2>Contents</h2><ol>${times(sections, (i) => `<li><a href="#s${i}"><span>${i + 1}</span> <span>${escapeHtml(HEADINGS[i % HEADINGS.length] ?? '')}</span></a></li>`, '')}</ol></div>`;
  let refs = 0;
  const cite = () => `<sup class="reference"><a href="#cite-${++refs}">[${refs}]</a></sup>`;
  const body = times(sections, (i) => {
    const paras = times(rng.int(2, 6), () => w.paragraph().replace('</p>', `${cite()}</p>`));
    const table = rng.chance(0.4) ? w.table(rng.int(8, 30)) : '';
    return `<h2 id="s${i}"><span class="mw-headline">${escapeHtml(HEADINGS[i % HEADINGS.length] ?? '')}</span><span class="edit">[<a href="/edit">edit</a>]</span></h2>\n${paras}\n${table}`;
  });
  const references = `<h2>References</h2><ol class="references">${times(
    refs,
    (i) =>
      `<li id="cite-${i + 1}"><b><a href="#r">^</a></b> <cite>${escapeHtml(rng.pick(NAMES))} (${2010 + rng.int(0, 16)}). "${escapeHtml(rng.pick(HEADINGS))}". <i>${escapeHtml(rng.pick(NAMES))} Review</i>. Retrieved ${rng.int(1, 28)} May 2026.</cite></li>`,
    '',
  )}</ol>`;
  const navbox = `<table class="navbox">${times(rng.int(4, 8), () => `<tr><th>${escapeHtml(rng.pick(HEADINGS))}</th><td><ul>${w.links(rng.int(8, 20))}</ul></td></tr>`, '')}</table>`;
  return chrome(
    w,
    rng,
    rng.int(10, 20),
    `<h1>${escapeHtml(rng.pick(HEADINGS))}</h1>\n${infobox}\n${w.paragraph()}\n${toc}\n${body}\n${references}\n${navbox}`,
  );
};

const front: Template = (w, rng, scale) => {
  const card = () =>
    `<div class="card"><a href="/s/${rng.int(1, 99_999)}"><img alt="" width="160" height="90"></a><div class="meta"><span class="kicker">${escapeHtml(rng.pick(HEADINGS))}</span></div><h3>${link(rng, rng.pick(HEADINGS))}</h3><p>${w.sentenceHtml().replace(/\.$/, '…')}</p><div class="info"><time>${rng.int(1, 59)} min ago</time> · <span>${rng.int(1, 500)}</span></div></div>`;
  const rails = times(
    count(rng, 5, 8, scale),
    () => `<section><h2>${escapeHtml(rng.pick(HEADINGS))}</h2>\n${times(rng.int(6, 14), card)}\n</section>`,
  );
  return chrome(w, rng, rng.int(20, 40), rails);
};

const forum: Template = (w, rng, scale) => {
  const post = (i: number) => {
    const quote = i > 0 && rng.chance(0.3) ? `<blockquote><p>${w.sentenceHtml()}</p></blockquote>` : '';
    const text = times(rng.int(1, 4), () => w.paragraph());
    return `<div class="post" id="p${i}"><div class="author"><a href="/u/${i}">${escapeHtml(rng.pick(NAMES))}</a><span class="rank">Member</span><span>Posts: ${rng.int(1, 9000)}</span></div>
<div class="body"><div class="date">#${i + 1} · <time>${rng.int(1, 28)} Nov 2026</time></div>${quote}\n${text}
<div class="sig">${w.sentenceHtml()}${i % 3 === 0 ? ' 🙂' : ''}</div></div><div class="actions"><button>Reply</button><button>Quote</button><button>Report</button><span>👍 ${rng.int(0, 40)}</span></div></div>`;
  };
  const thread = `<h1>${escapeHtml(rng.pick(HEADINGS))}</h1><div class="pages">${times(8, (i) => `<a href="?p=${i + 1}">${i + 1}</a>`, ' ')}</div>\n${times(count(rng, 15, 25, scale), post)}`;
  return chrome(w, rng, rng.int(8, 16), thread);
};

const cjk: Template = (w, rng, scale) => {
  // Chinese prose trails off with an ellipsis now and then.
  const chinese = (i: number) => {
    const paragraph = w.chineseParagraph(rng.int(2, 6));
    return i % 3 === 0 ? paragraph.replace('。', '……') : paragraph;
  };
  const paragraphs = times(count(rng, 60, 90, scale), (i) => (rng.chance(0.85) ? chinese(i) : w.paragraph()));
  const article = `<article lang="zh-Hans"><h1>${w.chineseParagraph(1).replace(/<\/?p[^>]*>/g, '')}</h1>
<p class="byline">记者 ${escapeHtml(rng.pick(NAMES))}</p>\n${paragraphs}</article>
<aside><h2>相关阅读</h2><ul>${w.links(rng.int(8, 20))}</ul></aside>`;
  return chrome(w, rng, rng.int(12, 24), article);
};

const menus: Template = (w, rng, scale) => {
  const mega = times(
    count(rng, 5, 8, scale),
    () =>
      `<li><a href="/c">${escapeHtml(rng.pick(HEADINGS))}</a><ul class="sub">${times(rng.int(3, 6), () => `<li><h4>${escapeHtml(rng.pick(HEADINGS))}</h4><ul>${w.links(rng.int(5, 12))}</ul></li>`, '')}</ul></li>`,
    '',
  );
  const sidebar = `<nav class="side"><ul>${times(rng.int(20, 50), () => `<li>${link(rng, rng.pick(HEADINGS))} <span class="count">(${rng.int(1, 99)})</span></li>`, '')}</ul></nav>`;
  const crumbs = `<ol class="crumbs">${times(4, () => `<li>${link(rng, rng.pick(NAMES))}</li>`, '')}</ol>`;
  const article = `${crumbs}<article><h1>${escapeHtml(rng.pick(HEADINGS))}</h1>\n${times(rng.int(4, 12), () => w.paragraph())}</article>`;
  return `<nav class="mega"><ul>${mega}</ul></nav>\n${sidebar}\n${chrome(w, rng, rng.int(10, 20), article)}\n<div class="cookie"><p>${w.sentenceHtml()}</p><button>Accept</button><button>Reject</button></div>`;
};

const docs: Template = (w, rng, scale) => {
  const code = () =>
    `<pre><code>${times(rng.int(3, 12), () => `<span class="k">const</span> ${escapeHtml(rng.pick(NAMES).split(' ')[0] ?? 'x')} = <span class="s">"${escapeHtml(rng.pick(HEADINGS))}"</span>;`)}</code></pre>`;
  const sections = times(count(rng, 6, 10, scale), (i) => {
    const parts = times(rng.int(2, 5), () =>
      rng.chance(0.3) ? code() : rng.chance(0.2) ? w.list() : w.paragraph(),
    );
    return `<section><h2 id="h${i}">${escapeHtml(rng.pick(HEADINGS))}</h2>\n${parts}</section>`;
  });
  const comments = times(
    rng.int(3, 15),
    () => `<li class="comment"><b>${escapeHtml(rng.pick(NAMES))}</b> <time>2026</time>${w.paragraph()}</li>`,
  );
  const toc = `<nav class="toc"><ul>${w.links(rng.int(15, 40))}</ul></nav>`;
  return chrome(
    w,
    rng,
    rng.int(8, 14),
    `${toc}<article><h1>${escapeHtml(rng.pick(HEADINGS))}</h1>\n${sections}</article><ol class="comments">${comments}</ol>`,
  );
};

/** A small, a middling and a large page of each shape. */
const SCALES = [1, 2, 3.5];

const TEMPLATES: [string, Template][] = [
  ['news', news],
  ['wiki', wiki],
  ['front', front],
  ['forum', forum],
  ['cjk', cjk],
  ['menus', menus],
  ['docs', docs],
];

/** `perTemplate` pages of each template (3 by default: 21 pages), the same on every run. */
export function ordinaryPages(sprinkle: Sprinkle, perTemplate = 3): OrdinaryPage[] {
  const pages: OrdinaryPage[] = [];
  TEMPLATES.forEach(([name, template], t) => {
    for (let k = 0; k < perTemplate; k++) {
      const seed = 1_000 + 37 * t + k;
      pages.push({
        name: `${name}-${k + 1}`,
        body: template(
          new Writer(createRng(seed), sprinkle),
          createRng(seed * 7),
          SCALES[k % SCALES.length] ?? 1,
        ),
      });
    }
  });
  return pages;
}
