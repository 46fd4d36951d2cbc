/** The typed protocol between contexts: every request and its response type, and `send()`. */
import browser from './browser';
import type { ClipCapture, Clipping } from './clippings/model';
import type { ImportProblem } from './formats/glossary-import';
import type { MergeReport } from './glossary/merge-report';
import type { GlossaryPack, GlossarySource, Term } from './glossary/model';
import type { PageSettings, PageState } from './settings';
import type { PageSnapshot } from './snapshot';
import type { TermDetail } from './term-detail';

/** Problems located in an imported file belong to the format readers; answers carry them. */
export type { ImportProblem };

/** Every request a context can send to the background (validated by `message-schema.ts`). */
export type Request =
  | { type: 'getSnapshot'; knownVersion?: number }
  | { type: 'getDefinition'; id: string }
  | { type: 'listGlossaries' }
  | { type: 'setGlossaryEnabled'; id: string; enabled: boolean }
  | { type: 'importGlossary'; fileName: string; text: string; replace?: boolean }
  | { type: 'previewImport'; fileName: string; text: string }
  | { type: 'getGlossaryPack'; id: string }
  | { type: 'subscribe'; url: string }
  | { type: 'refreshSubscription'; id: string }
  | { type: 'copyToLocalPack'; id: string }
  | { type: 'search'; query: string; limit?: number }
  | { type: 'getRefreshInterval' }
  | { type: 'setRefreshInterval'; hours: 1 | 6 | 12 | 24 | 168 }
  | { type: 'createPack'; name: string; language?: string; description?: string }
  // Terms and packs arrive as data: the glossary validator checks them, as it checks an import.
  | { type: 'saveTerm'; glossaryId: string; term: unknown; previousId?: string }
  | { type: 'deleteTerm'; glossaryId: string; termId: string }
  | { type: 'restoreTerm'; glossaryId: string; term: unknown; order: number }
  | { type: 'deletePack'; id: string }
  | { type: 'restorePack'; deleted: DeletedPack }
  | { type: 'getSettings' }
  | { type: 'updateSettings'; changes: Partial<Omit<PageSettings, 'disabledSites'>> }
  | { type: 'setSiteEnabled'; site: string; enabled: boolean }
  /** Whether Termlight runs in the asking frame, decided from its tab's top-level page. */
  | { type: 'getPageState' }
  /** The names of terms, by id, in one request (the popup's "On this page"). */
  | { type: 'getTermNames'; ids: string[] }
  | { type: 'listTerms'; glossaryId: string }
  | { type: 'openLibrary'; termId?: string; newTerm?: string }
  | { type: 'saveClipping'; clip: ClipCapture }
  | { type: 'updateClipping'; id: string; note?: string; tags?: string[] }
  | { type: 'getPageClippings'; canonicalUrl?: string }
  | { type: 'reportAnchoring'; anchored: string[]; orphaned: string[]; canonicalUrl?: string }
  | { type: 'listClippings' }
  | { type: 'deleteClippings'; ids: string[] }
  | { type: 'restoreClippings'; clippings: Clipping[] }
  | { type: 'reattachClipping'; id: string }
  | { type: 'loadContentUi' }
  /** A frame's distinct term ids, for the toolbar badge (the tab and frame come from the sender). */
  | { type: 'reportPageTerms'; ids: string[] }
  /** What went wrong with storage since the reader last looked (library only). */
  | { type: 'getStorageHealth' }
  | { type: 'dismissStorageProblems' };

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** A pack as the library lists it. */
export interface GlossarySummary {
  id: string;
  name: string;
  description?: string;
  source: string;
  enabled: boolean;
  termCount: number;
  updated?: string;
  /** Highlight colour slot (see highlight-colours.ts). */
  colour: number;
  /** A subscription's URL, its last good refresh, and its last failure (cleared by a good one). */
  url?: string;
  lastRefresh?: number;
  lastError?: string;
  /** The same failure's first problems, which the library writes in its language (see GlossaryRow). */
  lastProblems?: ImportProblem[];
  lastErrorAt?: number;
}

/** One search result: a term of an enabled pack, or a clipping. */
export type SearchHit =
  | { kind: 'term'; id: string; term: string; pack: string; definition: string }
  | { kind: 'clipping'; id: string; exact: string; title: string; url: string; link: string; note: string };

/** The best hits for a query, best first. */
export interface SearchResults {
  query: string;
  hits: SearchHit[];
}

/** A term saved, with the validator's warnings, or why it was not (nothing was written). */
export type SaveTermResult =
  | { ok: true; term: Term; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[] };

/** A deleted pack, whole, so an undo can put it back as it was. */
export interface DeletedPack {
  pack: unknown;
  source: GlossarySource;
  enabled: boolean;
  url?: string;
  etag?: string;
}

/** A subscribe or refresh: the pack as it now stands, or why it could not be read (nothing changed). */
export type SubscriptionResult =
  | { ok: true; packId: string; name: string; termCount: number; changed: boolean }
  | { ok: false; errors: ImportProblem[] };

/** A term as the library lists it. */
export interface TermSummary {
  id: string;
  term: string;
  definition: string;
  aliases: string[];
  category?: string;
  status: string;
}

export type ImportResult =
  | {
      ok: true;
      packId: string;
      name: string;
      termCount: number;
      replaced: boolean;
      warnings: ImportProblem[];
    }
  | { ok: false; errors: ImportProblem[] };

/**
 * What an import would do, before it does it: the pack it holds and, when a pack with its id is
 * stored, the terms it would add, change and remove.
 */
/** The stored pack an import would replace: its name and source, and what replacing it would change. */
export interface ExistingPack {
  name: string;
  source: GlossarySource;
  report: MergeReport;
}

export type ImportPreview =
  | {
      ok: true;
      packId: string;
      name: string;
      termCount: number;
      warnings: ImportProblem[];
      /** The stored pack with this id, if any, and what replacing it would change. */
      existing?: ExistingPack;
    }
  | { ok: false; errors: ImportProblem[] };

/** The response type of each request. */
export interface ResponseMap {
  getSnapshot: PageSnapshot | { version: number; unchanged: true };
  getDefinition: TermDetail | null;
  listGlossaries: GlossarySummary[];
  setGlossaryEnabled: { enabled: boolean };
  importGlossary: ImportResult;
  previewImport: ImportPreview;
  getGlossaryPack: GlossaryPack;
  subscribe: SubscriptionResult;
  refreshSubscription: SubscriptionResult;
  copyToLocalPack: { packId: string; name: string };
  search: SearchResults;
  getRefreshInterval: { hours: number };
  setRefreshInterval: { hours: number };
  createPack: { packId: string; name: string };
  saveTerm: SaveTermResult;
  deleteTerm: { term: Term; order: number };
  restoreTerm: SaveTermResult;
  deletePack: DeletedPack;
  restorePack: { packId: string };
  getSettings: PageSettings;
  updateSettings: PageSettings;
  setSiteEnabled: PageSettings;
  getPageState: PageState;
  /** Names of the ids that exist; unknown ids are left out. */
  getTermNames: Record<string, string>;
  listTerms: TermSummary[];
  openLibrary: { opened: boolean };
  saveClipping: { clipping: Clipping; reattached: boolean };
  updateClipping: Clipping;
  getPageClippings: PageClippings;
  reportAnchoring: { updated: number };
  listClippings: ClippingList;
  deleteClippings: { deleted: Clipping[] };
  restoreClippings: { restored: number };
  reattachClipping: { opened: boolean };
  loadContentUi: { loaded: boolean };
  reportPageTerms: { count: number };
  getStorageHealth: { problems: StorageProblem[] };
  dismissStorageProblems: { dismissed: number };
}

/**
 * A storage failure the reader must hear of: the built-in pack could not be written at start, a
 * write failed (quota), the database was blocked or closed for an upgrade, or the browser emptied
 * it (`lost` says what of the reader's own data was there before).
 */
export interface StorageProblem {
  kind: 'seeding' | 'write' | 'blocked' | 'versionchange' | 'evicted';
  message: string;
  at: number;
  lost?: { userPacks: number; clippings: number };
}

/** A page's own clippings, and the orphan the reader is re-attaching there (if any). */
export interface PageClippings {
  clippings: Clipping[];
  reattach?: { id: string; exact: string };
}

/** Every clipping, newest first, with the names of the terms they contain (for filters and exports). */
export interface ClippingList {
  clippings: Clipping[];
  termNames: Record<string, string>;
}

/** The wire envelope: handlers' failures come back as values, never as a dead worker. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Which requests a content script (a page) may make; everything else needs an extension page. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set([
  'getSnapshot',
  'getDefinition',
  // Its own state only: the background decides it from the sender's tab, never from the message.
  'getPageState',
  'openLibrary',
  // A page's own clippings only: the background takes the page from the sender, never the message.
  'saveClipping',
  'updateClipping',
  'getPageClippings',
  'reportAnchoring',
  // Injects the extension's own UI script into the asking frame; the page chooses nothing.
  'loadContentUi',
  // The sender's own tab and frame only: the badge of its tab.
  'reportPageTerms',
]);

/** Sends a request to the background and unwraps its envelope, throwing the background's error. */
export async function send<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<ResponseMap[T]> | undefined;
  if (!envelope) throw new Error('No answer from the Termlight background');
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

// ---------------------------------------------------------------------------------------------
// The import port. A glossary file too large for one message (see MAX_IMPORT_CHARS) is parsed in
// the library page's worker and travels to the background over a `runtime.connect` Port, in
// batches: src/library/import-stream.ts speaks it, src/background/import-port.ts answers it.

/** The name of the Port a library page opens to import a large glossary in batches. */
export const IMPORT_PORT_NAME = 'termlight-import';

/** The most terms one `terms` message may carry. */
export const MAX_IMPORT_BATCH_TERMS = 5_000;

/** A pack's own fields (everything but its terms), as an import announces them first. */
export interface ImportPackHeader {
  id: string;
  name: string;
  description?: string;
  language?: string;
  updated?: string;
}

/**
 * What the library page says over the import port, in this order: `begin`, `terms` until all
 * `termCount` terms are sent, `preview` (optional), `commit`. `keepAlive` may come at any time: it
 * keeps the background awake while the reader reads the merge report, and is not answered.
 */
export type ImportPortRequest =
  | { type: 'begin'; header: ImportPackHeader; termCount: number }
  // Terms arrive as data: the glossary validator checks the whole pack once all have arrived.
  | { type: 'terms'; terms: unknown[] }
  | { type: 'preview' }
  | { type: 'commit'; replace: boolean }
  | { type: 'keepAlive' };

/**
 * The background's answer to each request but `keepAlive`. After a `failed` answer the import is
 * over: nothing was written, and every later request on the port is refused.
 */
export type ImportPortAnswer =
  /** `begin` or `terms` accepted: how many terms have arrived so far. */
  | { type: 'received'; termCount: number }
  /** The stored pack with the same id, if any, and what replacing it would change. */
  | { type: 'preview'; report?: MergeReport; existing?: Omit<ExistingPack, 'report'> }
  | { type: 'committed'; ok: true; packId: string; name: string; termCount: number; replaced: boolean }
  | { type: 'failed'; ok: false; errors: ImportProblem[] };

// ---------------------------------------------------------------------------------------------
// Tab requests: what the background or an extension page (the popup) sends to a tab's content
// scripts with `tabs.sendMessage`. Content scripts answer only messages from this extension.

/** The keyboard commands (and the context-menu item) the background relays to the page. */
export type TabCommand = 'next-term' | 'previous-term' | 'save-clipping' | 'add-to-glossary';

/** Every request a content script answers. */
export type TabRequest =
  | { type: 'command'; command: TabCommand }
  /** This frame's terms and clippings. */
  | { type: 'pageTerms' }
  /** Scrolls to the next occurrence of term `id` in this frame and opens its card (keyboard mode). */
  | { type: 'showTerm'; id: string }
  /** From the background: the settings changed what this tab's frames should do. */
  | { type: 'pageState'; state: PageState };

export type TabRequestType = TabRequest['type'];

/** One term found in a frame: its id, its occurrences, and its first one's index in reading order. */
export interface FrameTerm {
  id: string;
  count: number;
  first: number;
}

/** One frame's answer to `pageTerms`. */
export interface FramePageTerms {
  terms: FrameTerm[];
  clippings: number;
}

/** The response type of each tab request. */
export interface TabResponseMap {
  command: undefined;
  pageTerms: FramePageTerms;
  showTerm: { shown: boolean };
  pageState: undefined;
}

const TAB_COMMANDS: ReadonlySet<unknown> = new Set([
  'next-term',
  'previous-term',
  'save-clipping',
  'add-to-glossary',
]);

/** A cheap runtime check of a tab request (the content script carries no schema library). */
export function parseTabRequest(message: unknown): TabRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { type?: unknown; command?: unknown; id?: unknown; state?: unknown };
  switch (m.type) {
    case 'command':
      return TAB_COMMANDS.has(m.command) ? { type: 'command', command: m.command as TabCommand } : null;
    case 'pageTerms':
      return { type: 'pageTerms' };
    case 'showTerm':
      return typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 300
        ? { type: 'showTerm', id: m.id }
        : null;
    case 'pageState':
      return isPageState(m.state) ? { type: 'pageState', state: m.state } : null;
    default:
      return null;
  }
}

function isPageState(value: unknown): value is PageState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.on === 'boolean' &&
    typeof s.firstOccurrenceOnly === 'boolean' &&
    typeof s.includeCode === 'boolean'
  );
}
