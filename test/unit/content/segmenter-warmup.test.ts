// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mayShowCjk } from '../../../src/content/segmenter-warmup';
import { failingItems } from '../support/data-table';

describe('mayShowCjk: which pages make the segmenter before their first scan', () => {
  it('says yes for Chinese or Japanese in the title or the text, and no for anything else', () => {
    const pages = [
      { title: '网信办', body: '<p>Notice</p>', cjk: true },
      { title: 'News', body: '<p>The <b>网信办</b> said</p>', cjk: true },
      { title: 'News', body: '<p>サイバー</p>', cjk: true },
      { title: 'News', body: '<p>々</p>', cjk: true },
      { title: 'News', body: '<p>The CAC and MLPS</p>', cjk: false },
      { title: 'News', body: '<p>사이버 보안</p>', cjk: false },
      { title: 'News', body: '<p>Ｆｕｌｌ-width Latin，punctuation。</p>', cjk: false },
    ];
    const failing = failingItems(
      pages,
      ({ title, body, cjk }) => {
        document.title = title;
        document.body.innerHTML = body;
        return mayShowCjk(document) === cjk;
      },
      ({ title, body }) => `${title} ${body}`,
    );
    expect(failing).toEqual([]);
  });
});
