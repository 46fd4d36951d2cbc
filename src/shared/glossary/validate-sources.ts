/**
 * The source lint: a source should be the page that says what the definition says, so a URL that
 * is only a site's home page is reported (a warning; strict validation, as for the shipped packs,
 * makes it an error).
 */

import type { GlossaryPack } from './model';
import { say } from './problem-words';
import type { ValidationError } from './validate-types';

/** Last path segments that serve a directory's front page (`index.html`, `default.aspx`, …). */
const FRONT_PAGE_FILE = /\/(?:index|default|home|main)\.[a-z]{2,5}$/i;

/** Site roots kept per language (`/en/`, `/eng/`, `/english/`, `/zh/`, …): still a home page. */
const LANGUAGE_ROOT = /^\/(?:en|eng|english|zh|zh-cn|zh-hans|zh-hant|cn|chn|chinese)\/?$/i;

/**
 * Whether an http(s) URL is a bare home page: no query, and a path that is empty, `/`, a front-page
 * file such as `/index.html`, or a language root such as `/eng/`. A fragment does not make a page.
 */
export function isHomePageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.search !== '') return false;
  const path = parsed.pathname.replace(FRONT_PAGE_FILE, '/');
  return path === '/' || LANGUAGE_ROOT.test(path);
}

/** Reports to `report` each source URL of the pack that is a bare home page, at its JSON path. */
export function lintSourceUrls(pack: GlossaryPack, report: (warning: ValidationError) => void): void {
  pack.terms.forEach((term, termIndex) => {
    term.sources?.forEach((source, sourceIndex) => {
      if (!isHomePageUrl(source.url)) return;
      report({
        path: `$.terms[${termIndex}].sources[${sourceIndex}].url`,
        ...say('homePageSource', source.url),
      });
    });
  });
}
