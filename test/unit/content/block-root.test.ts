// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockRootOf, outermostRoots } from '../../../src/content/block-root';

const options = { includeCode: false };

describe('finding what to rescan after a change', () => {
  it('rescans the paragraph around changed inline text', () => {
    document.body.innerHTML = '<div><p id="p">a <b id="b">bold</b> word</p></div>';
    const text = document.getElementById('b')?.firstChild as Node;
    expect(blockRootOf(text, options)).toBe(document.getElementById('p'));
  });

  it('ignores changes inside editable regions and opted-out zones', () => {
    document.body.innerHTML =
      '<div contenteditable="true"><p id="e">typing</p></div><div data-termlight="off"><p id="o">x</p></div>';
    expect(blockRootOf(document.getElementById('e') as Node, options)).toBeNull();
    expect(blockRootOf(document.getElementById('o') as Node, options)).toBeNull();
  });

  it('ignores nodes that are no longer in the page', () => {
    const p = document.createElement('p');
    expect(blockRootOf(p, options)).toBeNull();
  });

  it('uses the shadow root around text in a shadow tree', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span id="s">inline</span>';
    expect(blockRootOf(shadow.getElementById('s') as Node, options)).toBe(shadow);
  });

  it('keeps only the outermost of nested roots', () => {
    document.body.innerHTML = '<section id="a"><p id="b">x</p></section><p id="c">y</p>';
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id) as Node);
    expect(outermostRoots([b as Node, a as Node, c as Node])).toEqual([a, c]);
  });
});
