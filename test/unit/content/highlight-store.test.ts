// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { HighlightStore, TERM_HIGHLIGHT, type TermRange } from '../../../src/content/highlight-store';
import { type FakeHighlight, installHighlightFakes } from '../fakes/highlights';

beforeAll(installHighlightFakes);

function range(start: Node, startOffset: number, end: Node, endOffset: number): StaticRange {
  return {
    startContainer: start,
    startOffset,
    endContainer: end,
    endOffset,
    collapsed: false,
  } as StaticRange;
}

function setup() {
  document.body.innerHTML = '<p id="p">The <b>Data</b> Security Law and MLPS</p>';
  const p = document.getElementById('p') as HTMLElement;
  const [the, bold, rest] = [p.firstChild, p.querySelector('b')?.firstChild, p.lastChild] as Text[];
  const store = new HighlightStore(document);
  store.attach();
  // "Data Security Law" runs from inside <b> into the following text node.
  const dsl: TermRange = {
    termId: 'p/dsl',
    range: range(bold as Text, 0, rest as Text, 13),
    nodes: [bold as Text, rest as Text],
  };
  const mlps: TermRange = {
    termId: 'p/mlps',
    range: range(rest as Text, 18, rest as Text, 22),
    nodes: [rest as Text],
  };
  store.add(mlps);
  store.add(dsl);
  return { store, the: the as Text, bold: bold as Text, rest: rest as Text, dsl, mlps };
}

describe('hit-testing the registered ranges', () => {
  it('finds the term under a caret in either node of a term that spans elements', () => {
    const { store, bold, rest, dsl } = setup();
    expect(store.at(bold, 2)).toBe(dsl);
    expect(store.at(rest, 5)).toBe(dsl);
  });

  it('treats range ends as exclusive and finds nothing between terms', () => {
    const { store, rest, the, mlps } = setup();
    expect(store.at(rest, 13)).toBeUndefined();
    expect(store.at(rest, 18)).toBe(mlps);
    expect(store.at(rest, 22)).toBeUndefined();
    expect(store.at(the, 0)).toBeUndefined();
  });

  it('walks the terms in document order whatever order they were added in', () => {
    const { store, dsl, mlps } = setup();
    expect(store.inDocumentOrder()).toEqual([dsl, mlps]);
  });

  it('puts a term in a shadow root where its host stands in the page', () => {
    document.body.innerHTML = '<p id="one">MLPS</p><div id="host"></div><p id="three">TC260</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>CAC <span id="inner"></span></p>';
    const innerHost = shadow.getElementById('inner') as HTMLElement;
    innerHost.attachShadow({ mode: 'open' }).innerHTML = 'TC260';
    const textOf = (el: Element | ShadowRoot | null | undefined) => el?.firstChild as Text;
    const [one, two, deep, three] = [
      textOf(document.getElementById('one')),
      textOf(shadow.firstElementChild),
      innerHost.shadowRoot?.firstChild as Text,
      textOf(document.getElementById('three')),
    ];
    const store = new HighlightStore(document);
    const entries = [three, deep, one, two].map((node, i) => ({
      termId: `p/t${i}`,
      range: range(node, 0, node, 1),
      nodes: [node],
    }));
    for (const entry of entries) store.add(entry);
    expect(store.inDocumentOrder().map((e) => e.range.startContainer)).toEqual([one, two, deep, three]);
  });

  it('forgets a spanning term from every node when one of its nodes changes', () => {
    const { store, bold, rest } = setup();
    store.forgetNode(bold);
    expect(store.at(rest, 5)).toBeUndefined();
    expect(store.size).toBe(1);
    expect(store.countOf('p/dsl')).toBe(0);
  });

  it('paints additions and removals in one batch at commit', () => {
    const { store, bold } = setup();
    const highlight = window.CSS.highlights.get(TERM_HIGHLIGHT) as unknown as FakeHighlight;
    expect(highlight.size).toBe(0);
    store.commit();
    expect(highlight.size).toBe(2);
    store.forgetNode(bold);
    expect(highlight.size).toBe(2);
    store.commit();
    expect(highlight.size).toBe(1);
  });

  it('never paints an addition withdrawn before its commit', () => {
    const { store, bold, rest, mlps } = setup();
    const highlight = window.CSS.highlights.get(TERM_HIGHLIGHT) as unknown as FakeHighlight;
    store.forgetNode(bold);
    store.commit();
    expect([...highlight]).toEqual([mlps.range]);
    expect(store.at(rest, 18)).toBe(mlps);
  });

  it('paints a large batch in full, without a range removed in the same batch', () => {
    document.body.innerHTML = `<p>${'<span>MLPS</span> '.repeat(300)}</p>`;
    const texts = [...document.querySelectorAll('span')].map((span) => span.firstChild as Text);
    const store = new HighlightStore(document);
    store.attach();
    const entries = texts.map((text) => ({
      termId: 'p/mlps',
      range: range(text, 0, text, 4),
      nodes: [text],
    }));
    const painted = () => window.CSS.highlights.get(TERM_HIGHLIGHT) as unknown as FakeHighlight;
    for (const entry of entries.slice(0, 10)) store.add(entry);
    store.commit();
    expect(painted().size).toBe(10);
    // Many more, and one of the committed ones gone, in one commit.
    for (const entry of entries.slice(10)) store.add(entry);
    store.forgetNode(texts[0] as Text);
    store.commit();
    expect(new Set(painted())).toEqual(new Set(entries.slice(1).map((e) => e.range)));
    // Above the page's own highlights (priority 0), like every colour's highlight.
    expect(painted().priority).toBe(1);
    // Later small changes reach what is painted, and detaching takes it all away.
    store.forgetNode(texts[1] as Text);
    store.commit();
    expect(painted().size).toBe(298);
    store.detach();
    expect(window.CSS.highlights.has(TERM_HIGHLIGHT)).toBe(false);
  });

  it('unregisters its highlight when detached', () => {
    const { store } = setup();
    store.detach();
    expect(window.CSS.highlights.has(TERM_HIGHLIGHT)).toBe(false);
    expect(store.size).toBe(0);
  });
});

describe('colours by glossary', () => {
  it('registers the ranges of each glossary under the highlight of its colour slot', () => {
    document.body.innerHTML = '<p id="p">MLPS and cacao</p>';
    const text = document.getElementById('p')?.firstChild as Text;
    const store = new HighlightStore(document);
    store.setColours({ 'china-cyber-policy': 0, team: 1 });
    store.attach();
    store.add({ termId: 'china-cyber-policy/mlps', range: range(text, 0, text, 4), nodes: [text] });
    store.add({ termId: 'team/cacao', range: range(text, 9, text, 14), nodes: [text] });
    store.commit();
    const first = window.CSS.highlights.get(TERM_HIGHLIGHT) as unknown as FakeHighlight;
    const second = window.CSS.highlights.get('termlight-term-2') as unknown as FakeHighlight;
    expect([...first].map((r) => r.startOffset)).toEqual([0]);
    expect([...second].map((r) => r.startOffset)).toEqual([9]);

    store.forgetNode(text);
    store.commit();
    expect(first.size + second.size).toBe(0);
    store.detach();
    expect(window.CSS.highlights.has('termlight-term-2')).toBe(false);
  });
});
