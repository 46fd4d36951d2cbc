// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { OWN_UI_ATTRIBUTE } from '../../../src/content/own-ui';
import {
  attributeSkipZones,
  isInline,
  isSkipped,
  notPlainSelector,
  type SkipOptions,
} from '../../../src/content/skip-rules';
import { failingItems } from '../support/data-table';

const DEFAULTS: SkipOptions = { includeCode: false };
const WITH_CODE: SkipOptions = { includeCode: true };

/**
 * The first element of `html` as the HTML parser makes it (namespaces included), parsed in a
 * template so that nothing loads (an iframe would).
 */
function element(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  const el = template.content.firstElementChild;
  if (!el) throw new Error(`no element in ${html}`);
  return el;
}

describe('what the scanner never looks inside', () => {
  it('skips the zones DESIGN.md lists, by tag and by attribute', () => {
    const skipped = [
      '<script></script>',
      '<style></style>',
      '<noscript></noscript>',
      '<textarea></textarea>',
      '<input>',
      '<select><option>x</option></select>',
      '<template></template>',
      '<iframe></iframe>',
      '<object></object>',
      '<canvas></canvas>',
      '<video></video>',
      '<audio></audio>',
      '<img>',
      '<svg><text>MLPS</text></svg>',
      '<math><mi>x</mi></math>',
      '<code>MLPS</code>',
      '<pre>MLPS</pre>',
      '<kbd>MLPS</kbd>',
      '<samp>MLPS</samp>',
      '<div contenteditable>MLPS</div>',
      '<div contenteditable="true">MLPS</div>',
      '<div contenteditable="plaintext-only">MLPS</div>',
      '<div aria-hidden="true">MLPS</div>',
      '<div hidden>MLPS</div>',
      '<div hidden="until-found">MLPS</div>',
      '<div data-termlight="off">MLPS</div>',
      `<div ${OWN_UI_ATTRIBUTE}>MLPS</div>`,
    ];
    const failing = failingItems(skipped, (html) => isSkipped(element(html), DEFAULTS));
    expect(failing).toEqual([]);
  });

  // Values in other cases ("TRUE", "FALSE") are checked in a real browser (tricky-pages e2e): happy-dom
  // does not know the selector's case-insensitive flag.
  it('reads ordinary text, including values that only look like an opt-out', () => {
    const read = [
      '<p>MLPS</p>',
      '<div>MLPS</div>',
      '<span>MLPS</span>',
      '<my-widget>MLPS</my-widget>',
      '<div contenteditable="false">MLPS</div>',
      '<div aria-hidden="false">MLPS</div>',
      '<div data-termlight="on">MLPS</div>',
    ];
    const failing = failingItems(read, (html) => !isSkipped(element(html), DEFAULTS));
    expect(failing).toEqual([]);
  });

  it('reads code blocks when the code setting is on, and nothing else changes', () => {
    const code = ['<code>MLPS</code>', '<pre>MLPS</pre>', '<kbd>MLPS</kbd>', '<samp>MLPS</samp>'];
    expect(failingItems(code, (html) => !isSkipped(element(html), WITH_CODE))).toEqual([]);
    expect(isSkipped(element('<script></script>'), WITH_CODE)).toBe(true);
    expect(isSkipped(element('<div aria-hidden="true">x</div>'), WITH_CODE)).toBe(true);
  });

  it('skips a lower-case svg-named element only outside the HTML namespace', () => {
    const svgText = element('<svg><text>MLPS</text></svg>').firstElementChild as Element;
    expect(svgText.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(isSkipped(svgText, DEFAULTS)).toBe(true);
    // An XHTML-looking custom element in the HTML namespace is read.
    expect(isSkipped(element('<x-note>MLPS</x-note>'), DEFAULTS)).toBe(false);
  });

  it('finds every attribute-skipped zone under a root in one query, and none where there are none', () => {
    document.body.innerHTML =
      '<section><p aria-hidden="true">a</p><p>b</p><div contenteditable>c</div><span data-termlight="off">d</span><ul hidden><li>e</li></ul></section>';
    const zones = attributeSkipZones(document.body);
    expect([...zones].map((el) => el.textContent)).toEqual(['a', 'c', 'd', 'e']);
    expect(attributeSkipZones(document.createElement('p')).size).toBe(0);
  });
});

describe('what ends a block of running text', () => {
  it('lets a term run across inline elements and ends it at blocks', () => {
    const inline = ['a', 'b', 'em', 'strong', 'span', 'code', 'abbr', 'sub', 'sup', 'rt', 'mark', 'time'];
    const blocks = ['p', 'div', 'li', 'td', 'h1', 'section', 'br', 'my-widget', 'blockquote'];
    expect(failingItems(inline, (tag) => isInline(document.createElement(tag)) || 'not inline')).toEqual([]);
    expect(failingItems(blocks, (tag) => !isInline(document.createElement(tag)) || 'inline')).toEqual([]);
  });

  it('reads a block as plain text only when it holds nothing but inline elements', () => {
    const plain = (html: string) => element(html).querySelector(notPlainSelector(DEFAULTS)) === null;
    expect(plain('<p>The <b>Data</b> <a href="#">Security</a> Law</p>')).toBe(true);
    expect(plain('<p>The <code>MLPS</code> flag</p>')).toBe(false);
    expect(element('<p>The <code>MLPS</code></p>').querySelector(notPlainSelector(WITH_CODE))).toBeNull();
    expect(plain('<p>Data<br>Security</p>')).toBe(false);
    expect(plain('<p>Data <span aria-hidden="true">x</span> Law</p>')).toBe(false);
  });
});
