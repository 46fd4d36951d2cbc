/**
 * The limits and text rules of the `termlight-glossary` v1 format, shared by the runtime validator
 * (valibot) and mirrored by `glossary/schema.json` (a unit test keeps the two in step).
 */

import type { ProblemWords } from './problem-words';

/** Size limits that keep a hostile file from exhausting memory or time. */
export const GLOSSARY_LIMITS = {
  terms: 500_000,
  aliasesPerTerm: 200,
  sourcesPerTerm: 50,
  relatedPerTerm: 200,
  tagsPerTerm: 50,
  /** `definition` and the pack `description`. */
  longText: 10_000,
  /** `term`, alias text, pack `name`, source `title`. */
  shortText: 1_000,
  /** Term and pack ids, `category`, tags, `lang`. */
  label: 200,
  url: 2_048,
  /** Entries of an alias's `notFollowedBy` / `notPrecededBy`. */
  guardsPerAlias: 50,
  /** Length of one guard text: a guard looks at the few characters next to a match. */
  guardText: 48,
} as const;

/** How many errors a validation reports before it stops looking. */
export const MAX_REPORTED_ERRORS = 50;

/** How many warnings a validation reports, of all kinds together; the rest are only counted. */
export const MAX_REPORTED_WARNINGS = 1_000;

/** Term and pack ids: lower-case ASCII letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9-]+$/;

/**
 * A plausible BCP 47 language tag: language (with up to three extlangs), optional script, region,
 * variants, extensions and private use; or a private-use tag on its own (`x-…`).
 */
export const LANGUAGE_TAG_PATTERN =
  /^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$/;

/** `updated`: a calendar date, optionally with a time and offset (ISO 8601 / RFC 3339). */
export const DATE_PATTERN =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/**
 * Whether a {@link DATE_PATTERN} value names a day and a time that exist: a month of 12, its own
 * number of days (29 February in leap years only), 24 hours, 60 minutes and seconds (a leap
 * second's 60 too), an offset within ±23:59. A pattern alone lets 2026-13-45 through.
 */
export function isRealDate(value: string): boolean {
  const [, y, m, d, hh = '0', mm = '0', ss = '0', oh = '0', om = '0'] =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(?:Z|[+-](\d{2}):(\d{2}))?$/.exec(
      value.replace(/\.\d+/, ''),
    ) ?? [];
  if (y === undefined || m === undefined || d === undefined) return false;
  const year = Number(y);
  const month = Number(m);
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    Number(d) >= 1 &&
    Number(d) <= daysIn &&
    Number(hh) <= 23 &&
    Number(mm) <= 59 &&
    Number(ss) <= 60 &&
    Number(oh) <= 23 &&
    Number(om) <= 59
  );
}

/** An absolute http(s) URL with a host and no whitespace (the schema's `pattern` for source URLs). */
export const HTTP_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/;

/** Contains at least one non-whitespace character. */
export const NON_BLANK_PATTERN = /\S/;

/** Term statuses in v1. */
export const TERM_STATUSES = ['current', 'superseded', 'draft'] as const;

/**
 * Why a source URL is unacceptable, or `undefined` when it is an absolute http: or https: URL.
 * A scheme other than http(s) (`javascript:`, `data:`, `ftp:`) is named in the reason.
 */
export function sourceUrlProblem(url: string): ProblemWords | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { key: 'urlScheme', values: [scheme] };
  }
  if (!HTTP_URL_PATTERN.test(url)) return { key: 'urlNotAbsolute', values: [] };
  try {
    new URL(url);
  } catch {
    return { key: 'urlUnparsable', values: [] };
  }
  return undefined;
}
