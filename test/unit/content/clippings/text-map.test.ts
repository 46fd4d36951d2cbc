// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { offsetOf, pointAt, readTextMapNow } from '../../../../src/content/clippings/text-map';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the page text clippings are anchored in', () => {
  it('reads text in tree order, an open shadow root where its host stands, and skips scripts and Termlight UI', () => {
    document.body.innerHTML =
      '<p>One <b>two</b></p><script>var x = 1;</script><div id="host">light</div><p>three</p><div data-termlight-ui>card</div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>shadow </span>';
    expect(readTextMapNow(document).text).toBe('One twoshadow lightthree');
  });

  it('turns boundary points in text nodes and between elements into offsets, and back', () => {
    document.body.innerHTML = '<p id="a">Alpha <b>beta</b> gamma</p><p id="b">delta</p>';
    const map = readTextMapNow(document);
    const a = document.getElementById('a') as HTMLElement;
    const b = document.getElementById('b') as HTMLElement;
    const beta = a.querySelector('b')?.firstChild as Text;
    const failing: string[] = [];
    const expectOffset = (label: string, got: number | null, want: number) => {
      if (got !== want) failing.push(`${label}: ${got} instead of ${want}`);
    };
    expectOffset('inside "beta"', offsetOf(map, beta, 2, 'start'), 8);
    expectOffset('before <b> as a start', offsetOf(map, a, 1, 'start'), 6);
    expectOffset('after <b> as an end', offsetOf(map, a, 2, 'end'), 10);
    expectOffset('start of the second paragraph', offsetOf(map, b, 0, 'start'), 16);
    expectOffset('end of the first paragraph, from the body', offsetOf(map, document.body, 1, 'end'), 16);
    const start = pointAt(map, 16, 'start');
    const end = pointAt(map, 16, 'end');
    if (start?.node.data !== 'delta' || start.offset !== 0)
      failing.push('start at 16 is not the start of "delta"');
    if (end?.node.data !== ' gamma' || end.offset !== 6) failing.push('end at 16 is not the end of " gamma"');
    expect(failing).toEqual([]);
  });
});
