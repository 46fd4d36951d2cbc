/**
 * Page URLs as clippings store them: one key per page however the reader arrived at it, so a
 * clipping saved from a newsletter link shows again on the plain article URL.
 */

// Click identifiers and campaign tags that never select content: the list-based query stripping
// of Brave (which Firefox's query stripping documentation points to), plus Google Analytics'
// cross-domain linker (_ga, _gl), Twitter's ref_src and Alibaba's spm. Generic names that sites
// also use for content (ref, cid, source, campaign) are deliberately absent. Compared lower-cased.
const TRACKING_PARAMS = new Set([
  '__hsfp',
  '__hssc',
  '__hstc',
  '__s',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '_openstat',
  'dclid',
  'fbclid',
  'gbraid',
  'gclid',
  'gclsrc',
  'hsctatracking',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'ml_subscriber',
  'ml_subscriber_hash',
  'msclkid',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  'ref_src',
  's_cid',
  'spm',
  'ttclid',
  'twclid',
  'vero_conv',
  'vero_id',
  'wbraid',
  'yclid',
]);

/** The URL without its fragment (Text Fragment directives included) and tracking parameters; unparsable input is returned as is. */
export function normalizePageUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed) return url;
  parsed.hash = '';
  // Kept parameters are copied as written: URLSearchParams would re-encode them (%20 → +, a bare
  // `flag` → `flag=`), and a page that reads its own query may not treat those alike.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

/** Whether two URLs share scheme, host and port; false if either is unparsable or opaque (data:, about:). */
export function sameOrigin(a: string, b: string): boolean {
  const origin = parse(a)?.origin;
  return origin !== undefined && origin !== 'null' && origin === parse(b)?.origin;
}

/** The URL's lower-cased host name, or '' when it has none (file:, about:) or cannot be parsed. */
export function hostOf(url: string): string {
  return parse(url)?.hostname ?? '';
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isTrackingParam(pair: string): boolean {
  const rawName = pair.split('=', 1)[0] ?? '';
  const name = decodeName(rawName).toLowerCase();
  return name.startsWith('utm_') || TRACKING_PARAMS.has(name);
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    // A malformed escape cannot name a tracking parameter; the pair is kept as written.
    return raw;
  }
}
