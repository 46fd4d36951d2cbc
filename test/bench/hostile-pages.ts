/**
 * Generated pages for the hostile-page benchmarks: a large page that mutates without pause, and a
 * page that makes and drops web components. Both carry their own script and check their own state:
 * `window.expectedTerms()` lists, from the page's side, what Termlight should have highlighted.
 */
import { createRng } from './prng';

/** Terms of the default pack (case-sensitive acronyms) planted in text nobody else matches. */
export const PLANTED = ['MLPS', 'TC260', 'CAC'] as const;

/** Made-up words: no glossary term matches them, so the planted terms are the only matches. */
const SYLLABLES = ['zan', 'thor', 'quib', 'lor', 'vex', 'mir', 'dop', 'sul', 'kra', 'fen', 'wob', 'tiz'];

function words(rng: ReturnType<typeof createRng>, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(SYLLABLES) + rng.pick(SYLLABLES));
  return out.join(' ');
}

/** Page-side: the highlighted term texts as `index:offset:text` of text nodes in document order. */
const EXPECTED_TERMS = `
window.termRegex = /(?<![A-Za-z0-9])(${PLANTED.join('|')})(?![A-Za-z0-9])/g;
window.textNodeIndex = (root) => {
  const index = new Map();
  const walk = (r) => {
    const w = document.createTreeWalker(r, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n.nodeType === 3) index.set(n, index.size);
      else if (n.shadowRoot) walk(n.shadowRoot);
    }
  };
  walk(root);
  return index;
};
window.expectedTerms = () => {
  const out = [];
  for (const [node, i] of textNodeIndex(document.body)) {
    if (node.parentElement.closest('[aria-hidden="true"], script')) continue;
    for (const m of node.data.matchAll(termRegex)) out.push(i + ':' + m.index + ':' + m[1]);
  }
  return out.sort();
};
window.highlightedTerms = () => {
  const index = textNodeIndex(document.body);
  const out = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('termlight-term')) continue;
    for (const r of h) {
      const i = index.get(r.startContainer);
      out.push((i === undefined ? 'gone' : i) + ':' + r.startOffset + ':' + r.startContainer.data.slice(r.startOffset, r.endOffset));
    }
  }
  return out.sort();
};`;

/**
 * A page of about `nodes` DOM nodes (paragraphs of text and inline elements, some with a planted
 * term) whose `startStorm(ms, perSecond)` mutates it at that rate for that long: text edits,
 * paragraphs added and removed, inline elements rewritten, regions hidden and shown. It resolves
 * with the number of mutations made and the page's time when it ended.
 */
export function stormPage(nodes: number): string {
  const rng = createRng(7);
  const paragraphs: string[] = [];
  // Each paragraph: <p>, 3 inline elements, 7 text nodes = 11 nodes.
  for (let i = 0; i * 11 < nodes; i++) {
    const term = i % 5 === 0 ? ` ${PLANTED[i % PLANTED.length]} ` : ' ';
    paragraphs.push(
      `<p>${words(rng, 4)}${term}${words(rng, 3)} <b>${words(rng, 2)}</b> ${words(rng, 3)} <i>${words(rng, 2)}</i> ${words(rng, 3)} <span>${words(rng, 2)}</span> ${words(rng, 2)}</p>`,
    );
  }
  const sections: string[] = [];
  for (let i = 0; i < paragraphs.length; i += 50)
    sections.push(`<section>${paragraphs.slice(i, i + 50).join('\n')}</section>`);
  const script = `${EXPECTED_TERMS}
window.startStorm = (ms, perSecond) => new Promise((done) => {
  let seed = 11;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const syl = ${JSON.stringify(SYLLABLES)};
  const terms = ${JSON.stringify(PLANTED)};
  const text = (n) => Array.from({ length: n }, () => pick(syl) + pick(syl)).join(' ');
  const withTerm = (n) => (rnd() < 0.3 ? text(n) + ' ' + pick(terms) + ' ' + text(2) : text(n));
  const sections = [...document.querySelectorAll('section')];
  const paragraphs = [...document.querySelectorAll('p')];
  const inline = [...document.querySelectorAll('b, i, span')];
  const added = [];
  const mutate = () => {
    const kind = rnd();
    if (kind < 0.4) {
      const p = pick(paragraphs);
      if (p.firstChild && p.firstChild.nodeType === 3) p.firstChild.data = withTerm(4) + ' ';
    } else if (kind < 0.6) {
      pick(inline).textContent = withTerm(2);
    } else if (kind < 0.8) {
      const p = document.createElement('p');
      p.textContent = withTerm(6);
      pick(sections).append(p);
      added.push(p);
      if (added.length > 200) added.shift().remove();
    } else if (kind < 0.9) {
      const p = pick(paragraphs);
      if (p.getAttribute('aria-hidden') === 'true') p.removeAttribute('aria-hidden');
      else p.setAttribute('aria-hidden', 'true');
    } else {
      const s = pick(sections);
      const p = pick(paragraphs);
      if (p.parentNode === s) s.append(p);
      else s.prepend(p);
    }
  };
  const start = performance.now();
  let made = 0;
  const tick = () => {
    const elapsed = performance.now() - start;
    const due = Math.floor((Math.min(elapsed, ms) * perSecond) / 1000);
    while (made < due) { mutate(); made++; }
    if (elapsed < ms) setTimeout(tick, 0);
    else done({ made, end: performance.now() });
  };
  setTimeout(tick, 0);
});`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mutation storm</title></head>
<body><main>${sections.join('\n')}</main><script>${script}</script></body></html>`;
}

/**
 * A page whose `churn(total, perBatch, peek)` makes `total` web components (each an element with an
 * open shadow root holding planted terms) and removes each batch again two frames after adding it.
 * With `peek` it resolves with the most term ranges it saw inside shadow trees at once.
 */
export function componentsPage(): string {
  const rng = createRng(5);
  const body = Array.from(
    { length: 40 },
    (_, i) => `<p>${words(rng, 8)} ${PLANTED[i % PLANTED.length]} ${words(rng, 8)}</p>`,
  ).join('\n');
  const script = `${EXPECTED_TERMS}
class TermCard extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<p>Filed under ${PLANTED[0]} by the ${PLANTED[2]} today.</p>';
  }
}
customElements.define('term-card', TermCard);
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
window.churn = async (total, perBatch, peek) => {
  const box = document.getElementById('box');
  let peak = 0;
  for (let made = 0; made < total; made += perBatch) {
    const batch = [];
    for (let i = 0; i < perBatch; i++) batch.push(box.appendChild(document.createElement('term-card')));
    await frame();
    await frame();
    if (peek) {
      let inShadow = 0;
      for (const [, h] of CSS.highlights)
        for (const r of h) if (r.startContainer.getRootNode() !== document) inShadow++;
      peak = Math.max(peak, inShadow);
    }
    for (const el of batch) el.remove();
  }
  await frame();
  return peak;
};`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Components</title></head>
<body><main>${body}<div id="box"></div></main><script>${script}</script></body></html>`;
}
