/** Row upgrades between database versions: pure functions over plain objects, tested in node. */
import type { ClippingSelector } from '../shared/clippings/model';
import { hostOf, normalizePageUrl } from '../shared/clippings/page-url';

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isSelector(value: unknown): value is ClippingSelector {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  if (s.type === 'TextQuoteSelector')
    return typeof s.exact === 'string' && typeof s.prefix === 'string' && typeof s.suffix === 'string';
  if (s.type === 'TextPositionSelector')
    return Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) <= (s.end as number);
  return false;
}

/**
 * The version-2 fields of a version-1 clipping row: typed selectors (a quote selector made from the
 * exact text when the row had none), the normalised URL, the site. Nothing is dropped: selectors of
 * a shape it does not know go to `unknownSelectors`, and the URL as stored is kept when normalising
 * would change it (so the row still matches what was saved).
 */
export function upgradeClippingToV2(row: Record<string, unknown>): Record<string, unknown> {
  const selectors = Array.isArray(row.selectors) ? row.selectors : [];
  const known = selectors.filter(isSelector);
  const unknown = selectors.filter((s) => !isSelector(s));
  const exact = asString(row.exact);
  if (!known.some((s) => s.type === 'TextQuoteSelector') && exact) {
    known.unshift({ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' });
  }
  const url = asString(row.url);
  const normalised = normalizePageUrl(url);
  const now = Date.now();
  const upgraded: Record<string, unknown> = {
    url: normalised,
    site: hostOf(normalised),
    title: asString(row.title),
    exact,
    selectors: known,
    note: asString(row.note),
    tags: asStrings(row.tags),
    termIds: asStrings(row.termIds),
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : now,
    updatedAt: typeof row.updatedAt === 'number' ? row.updatedAt : now,
    anchored: row.anchored !== false,
  };
  if (unknown.length > 0) upgraded.unknownSelectors = unknown;
  if (normalised !== url && url) upgraded.savedUrl = url;
  return upgraded;
}
