// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { listTextNodes, nodeIndexAt } from '../../../src/content/block-nodes';
import { textBlocks } from '../../../src/content/block-text';

function blocksOf(html: string, includeCode = false): string[] {
  document.body.innerHTML = html;
  return [...textBlocks(document.body, { includeCode })].map((b) => b.text);
}

describe('reading a page as blocks of running text', () => {
  it('joins text across inline elements so a term can span them', () => {
    expect(blocksOf('<p>the <b>Data</b> Security <i>Law</i> applies</p>')).toEqual([
      'the Data Security Law applies',
    ]);
  });

  it('ends a block at every block element and at br', () => {
    expect(blocksOf('<div>one<p>two</p>three<br>four</div><p>five</p>')).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
    ]);
  });

  it('skips scripts, styles, form fields, code, editable regions, hidden and opted-out zones', () => {
    const html = `<p>a</p><script>b</script><style>c{}</style><textarea>d</textarea><pre>e</pre>
      <p>f<code>g</code>h</p><div contenteditable="true">i</div><div aria-hidden="true">j</div>
      <div data-termlight="off">k</div><div data-termlight-ui>l</div><svg><text>m</text></svg><p>n</p>`;
    const text = blocksOf(html).join('|');
    expect(text.replace(/\s+/g, '')).toBe('a|f|h|n');
  });

  it('reads regions whose attributes say they are neither editable nor hidden', () => {
    const html = `<div contenteditable="false">a</div><div contenteditable="">b</div>
      <div aria-hidden="false">c</div><div data-termlight="on">d</div><p>e<span aria-hidden="true">f</span>g</p>`;
    expect(blocksOf(html)).toEqual(['a', 'c', 'd', 'e', 'g']);
  });

  it('reads ruby base text as running text and passes over the annotations', () => {
    const html =
      '<p>国家<ruby>网<rp>(</rp><rt>wǎng</rt><rp>)</rp>信<rt>xìn</rt>办<rtc><rt>bàn</rt></rtc></ruby>7月</p>';
    expect(blocksOf(html)).toEqual(['国家网信办7月']);
    expect(blocksOf('<div><ruby><rb>等</rb><rb>保</rb><rt>děng</rt><rt>bǎo</rt></ruby></div>')).toEqual([
      '等保',
    ]);
  });

  it('ends the running text at a footnote or trademark mark, not at an ordinal', () => {
    expect(blocksOf('<p>the Data Security Law<sup>12</sup> applies</p>')).toEqual([
      'the Data Security Law',
      '12',
      ' applies',
    ]);
    expect(blocksOf('<p>Huawei<sup>TM</sup> and <b>CAC<sup><a>[3]</a></sup></b> rules</p>')).toEqual([
      'Huawei',
      'TM',
      ' and CAC',
      '[3]',
      ' rules',
    ]);
    expect(blocksOf('<p>the MPS 11<sup>th</sup> Bureau</p>')).toEqual(['the MPS 11th Bureau']);
  });

  it('reads code and pre when the setting includes them', () => {
    expect(blocksOf('<p>f<code>g</code>h</p><pre>e</pre>', true)).toEqual(['fgh', 'e']);
  });

  it('reads open shadow roots', () => {
    document.body.innerHTML = '<p>light</p><div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>in the <b>shadow</b></p>';
    expect([...textBlocks(document.body, { includeCode: false })].map((b) => b.text)).toEqual([
      'light',
      'in the shadow',
    ]);
  });

  it('reads the shadow root of the root it starts from (a host rescanned once a root is attached)', () => {
    document.body.innerHTML = '<p>light</p><section id="host"><p>slotted</p></section>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>in the shadow</p>';
    const seen: ShadowRoot[] = [];
    const texts = [...textBlocks(host, { includeCode: false }, { onShadowRoot: (r) => seen.push(r) })];
    expect(texts.map((b) => b.text)).toEqual(['slotted', 'in the shadow']);
    expect(seen).toEqual([host.shadowRoot]);
  });

  it('reads a block of plain running text whole, and walks one that holds more', () => {
    document.body.innerHTML =
      '<p>the <b>Data</b> Security Law</p><p>a<code>b</code>c</p><div>d<p>e</p></div>';
    const blocks = [...textBlocks(document.body, { includeCode: false })];
    expect(blocks.map((b) => [b.text, b.kind === 'whole' ? b.element.tagName : null])).toEqual([
      ['the Data Security Law', 'P'],
      ['a', null],
      ['c', null],
      ['d', null],
      ['e', 'P'],
    ]);
    const first = blocks[0];
    if (!first) throw new Error('no block');
    expect(listTextNodes(first).nodes.map((n) => n.data)).toEqual(['the ', 'Data', ' Security Law']);
  });

  it('lists the nodes of a block read whole, empty ones inside it included, and none past it', () => {
    document.body.innerHTML = '<p>ab<b></b>cd<i>ef</i></p><p>gh</p>';
    const p = document.querySelector('p') as HTMLElement;
    p.querySelector('b')?.append(document.createTextNode(''));
    p.append(document.createTextNode(''));
    const [read] = [...textBlocks(document.body, { includeCode: false })];
    if (!read) throw new Error('no block');
    const { nodes, starts } = listTextNodes(read);
    expect(nodes.map((n) => n.data)).toEqual(['ab', '', 'cd', 'ef']);
    expect(starts).toEqual([0, 2, 2, 4]);
    expect(nodeIndexAt(starts, 2, false)).toBe(2);
  });

  it('reads the shadow root of a span inside a block read whole', () => {
    document.body.innerHTML = '<p>before <span id="host">light</span> after</p><p>next</p>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>in the shadow</b>';
    const seen: ShadowRoot[] = [];
    const texts = [
      ...textBlocks(document.body, { includeCode: false }, { onShadowRoot: (r) => seen.push(r) }),
    ];
    expect(texts.map((b) => b.text)).toEqual(['before light after', 'next', 'in the shadow']);
    expect(seen).toEqual([host.shadowRoot]);
  });

  it('survives a page nested thousands of levels deep', () => {
    const depth = 5000;
    document.body.innerHTML = `${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}`;
    expect([...textBlocks(document.body, { includeCode: false })].map((b) => b.text)).toEqual(['deep']);
  });
});

describe('mapping block offsets back to text nodes', () => {
  it('finds the node of a start and of an end', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const [read] = [...textBlocks(document.body, { includeCode: false })];
    if (!read) throw new Error('no block');
    const block = listTextNodes(read);
    expect(block.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
    expect(nodeIndexAt(block.starts, 3, false)).toBe(1);
    expect(nodeIndexAt(block.starts, 0, false)).toBe(0);
    // An end exactly at a node boundary stays in the earlier node; a start moves to the later one.
    expect(nodeIndexAt(block.starts, 2, true)).toBe(0);
    expect(nodeIndexAt(block.starts, 2, false)).toBe(1);
    expect(nodeIndexAt(block.starts, 6, true)).toBe(2);
  });

  it('resumes a search from a given node, as the matches of a block come in order', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef<i>gh</i></p>';
    const [read] = [...textBlocks(document.body, { includeCode: false })];
    if (!read) throw new Error('no block');
    const block = listTextNodes(read);
    expect(nodeIndexAt(block.starts, 7, false, 2)).toBe(3);
    expect(nodeIndexAt(block.starts, 8, true, 3)).toBe(3);
  });
});
