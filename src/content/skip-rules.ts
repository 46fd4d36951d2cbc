/** Which elements the scanner never looks inside, and which ones end a block of running text. */
import { OWN_UI_ATTRIBUTE } from './own-ui';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'svg',
  'SVG',
  'math',
  'MATH',
]);

const CODE_TAGS = new Set(['CODE', 'PRE', 'KBD', 'SAMP']);

/** Elements that flow inline with their neighbours, so a term may run across them. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RB',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/**
 * Ruby annotations: the pinyin or furigana over the base text (`<ruby>网<rt>wǎng</rt>信…`). Their text
 * is not part of the running text, so they are passed over without ending it, and 网信办 written
 * with pinyin over each character is still one term.
 */
const ANNOTATION_TAGS = new Set(['RT', 'RP', 'RTC']);

export interface SkipOptions {
  /** Scan inside `code` and `pre` (off by default). */
  includeCode: boolean;
}

/** How a page is scanned. */
export interface ScanOptions extends SkipOptions {
  /** Highlight only the first occurrence of each term. */
  firstOccurrenceOnly: boolean;
}

/** What an element's tag name says about it, as bits. */
export const TAG_SKIPPED = 1;
/** Skipped unless the code setting is on. */
export const TAG_CODE = 2;
/** Flows inline with its neighbours. */
export const TAG_INLINE = 4;
/** `<br>`: ends the running text without being a block. */
export const TAG_BREAK = 8;
/** May host a shadow root (attachShadow is allowed on it). */
export const TAG_HOST = 16;
/** Not an upper-case HTML name: only its namespace tells whether it is HTML (XHTML, SVG, MathML…). */
export const TAG_CHECK_NAMESPACE = 32;
/** A ruby annotation: skipped, yet inline, so the text on either side of it runs on as one. */
export const TAG_ANNOTATION = 64;
/**
 * `<sup>`: inline, but a footnote mark in it is not part of the word before it, so the reader may
 * end the running text there (see BlockReader). Not in INLINE_TAGS: a block holding one is walked.
 */
export const TAG_SUPERSCRIPT = 128;

/** The elements attachShadow() accepts besides custom elements. */
const SHADOW_HOSTS = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DIV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SPAN',
]);

const tagKinds = new Map<string, number>();

function computeTagKind(tag: string): number {
  const upper = tag.toUpperCase();
  let kind = upper === tag ? 0 : TAG_CHECK_NAMESPACE;
  if (SKIPPED_TAGS.has(tag) || SKIPPED_TAGS.has(upper)) kind |= TAG_SKIPPED;
  if (CODE_TAGS.has(upper)) kind |= TAG_CODE;
  if (INLINE_TAGS.has(upper)) kind |= TAG_INLINE;
  // Not in INLINE_TAGS, so a block holding one is walked rather than read whole as textContent.
  if (ANNOTATION_TAGS.has(upper)) kind |= TAG_ANNOTATION | TAG_INLINE | TAG_SKIPPED;
  if (upper === 'SUP') kind |= TAG_SUPERSCRIPT | TAG_INLINE;
  if (upper === 'BR') kind |= TAG_BREAK;
  if (SHADOW_HOSTS.has(upper) || tag.includes('-')) kind |= TAG_HOST;
  return kind;
}

/**
 * The {@link TAG_SKIPPED}… bits of a tag name, worked out once per name: the scanner asks for
 * every element of a page, and a content script pays more than the page for each DOM call.
 */
export function tagKind(tag: string): number {
  let kind = tagKinds.get(tag);
  if (kind === undefined) {
    kind = computeTagKind(tag);
    tagKinds.set(tag, kind);
  }
  return kind;
}

/** True when nothing inside `el` should be scanned. */
export function isSkipped(el: Element, options: SkipOptions): boolean {
  return isSkippedKind(el, tagKind(el.tagName), options);
}

/** {@link isSkipped} for an element whose {@link tagKind} is known. */
export function isSkippedKind(el: Element, kind: number, options: SkipOptions): boolean {
  if (isSkippedByTag(el, kind, options)) return true;
  // Most elements carry no attributes at all: no selector to match for them.
  return el.hasAttributes() && el.matches(ATTRIBUTE_SKIP_SELECTOR);
}

/** The part of {@link isSkippedKind} that the tag name and namespace decide. */
export function isSkippedByTag(el: Element, kind: number, options: SkipOptions): boolean {
  if ((kind & TAG_SKIPPED) !== 0) return true;
  if (!options.includeCode && (kind & TAG_CODE) !== 0) return true;
  return (kind & TAG_CHECK_NAMESPACE) !== 0 && el.namespaceURI !== 'http://www.w3.org/1999/xhtml';
}

/**
 * The elements under `root` that {@link isSkippedKind} skips for their attributes, found by one
 * selector query: a walk that asked every element would make thousands of calls for a handful of
 * hits. The same selector decides for one element in isSkippedKind.
 */
export function attributeSkipZones(root: Node): ReadonlySet<Element> {
  const query = (root as ParentNode).querySelectorAll?.(ATTRIBUTE_SKIP_SELECTOR);
  // Most roots (a paragraph a page just added) hold none: no set to build for them.
  return query && query.length > 0 ? new Set(query) : NO_ZONES;
}

const NO_ZONES: ReadonlySet<Element> = new Set();

/** A page's own opt-out, on any element (the document's root or body opts out the whole page). */
export const OPT_OUT_SELECTOR = '[data-termlight="off"]';

/** The attributes {@link ATTRIBUTE_SKIP_SELECTOR} looks at, for observers of their changes. */
export const SKIP_ATTRIBUTES = ['aria-hidden', 'hidden', 'data-termlight', 'contenteditable'];

// aria-hidden and contenteditable are read as browsers read them, whatever the case: HTML's
// enumerated values and ARIA's true/false are ASCII case-insensitive ("TRUE" hides, "FALSE" is not
// editable). A `hidden` region (a closed menu or dialog, `until-found` text) is not shown, so it is not read;
// shown, it loses the attribute and is read then.
const ATTRIBUTE_SKIP_SELECTOR = [
  `[${OWN_UI_ATTRIBUTE}]`,
  '[aria-hidden="true" i]',
  '[hidden]',
  OPT_OUT_SELECTOR,
  '[contenteditable]:not([contenteditable="false" i])',
].join(',');

const notPlainSelectors = new Map<boolean, string>();

/**
 * A selector for the elements that are more than plain running text: not an inline HTML element,
 * a break, skipped by tag or by attribute. A block holding none of them reads as its textContent.
 */
export function notPlainSelector(options: SkipOptions): string {
  let selector = notPlainSelectors.get(options.includeCode);
  if (selector === undefined) {
    const plain = [...INLINE_TAGS]
      .filter((tag) => options.includeCode || !CODE_TAGS.has(tag))
      .map((tag) => tag.toLowerCase());
    selector = `:not(${plain.join(',')}),${ATTRIBUTE_SKIP_SELECTOR}`;
    notPlainSelectors.set(options.includeCode, selector);
  }
  return selector;
}

/** True when `el` flows inline (by tag: computing styles for every element would cost a layout). */
export function isInline(el: Element): boolean {
  return (tagKind(el.tagName) & TAG_INLINE) !== 0;
}
