/**
 * The toolbar badge: the number of distinct terms on each tab's page, all frames together. Each
 * frame's content script reports its term ids after a scan pass; a report replaces that frame's
 * previous one, and a navigation of the tab forgets them all.
 */

/** The most ids one frame's report may carry (checked by the message schema too). */
export const MAX_REPORTED_IDS = 10_000;

/** What the badge of one tab should say: `''` for none. */
export type BadgeText = string;

/** Per-tab, per-frame bookkeeping of the reported term ids. Pure: no browser API. */
export class PageBadges {
  private readonly tabs = new Map<number, Map<number, ReadonlySet<string>>>();

  /** Records frame `frameId`'s term ids for `tabId`; returns the tab's badge text. */
  report(tabId: number, frameId: number, ids: readonly string[]): BadgeText {
    let frames = this.tabs.get(tabId);
    if (!frames) {
      frames = new Map();
      this.tabs.set(tabId, frames);
    }
    if (ids.length === 0) frames.delete(frameId);
    else frames.set(frameId, new Set(ids.slice(0, MAX_REPORTED_IDS)));
    if (frames.size === 0) this.tabs.delete(tabId);
    return this.textOf(tabId);
  }

  /** Forgets a tab (navigated or closed). */
  clearTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** The number of distinct terms over the tab's frames. */
  countOf(tabId: number): number {
    const frames = this.tabs.get(tabId);
    if (!frames) return 0;
    if (frames.size === 1) return ([...frames.values()][0] as ReadonlySet<string>).size;
    const all = new Set<string>();
    for (const ids of frames.values()) for (const id of ids) all.add(id);
    return all.size;
  }

  /** The badge text of a tab: the count, `999+` past 999, or empty when there are none. */
  textOf(tabId: number): BadgeText {
    const count = this.countOf(tabId);
    if (count === 0) return '';
    return count > 999 ? '999+' : String(count);
  }

  /** Every tab with terms, and its badge text. */
  entries(): [number, BadgeText][] {
    return [...this.tabs.keys()].map((tabId) => [tabId, this.textOf(tabId)]);
  }
}

/** The part of `browser.action` the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

export const BADGE_COLOUR = '#3b5bdb';

/** Keeps each tab's badge in step with its frames' reports, while the setting allows it. */
export class BadgeController {
  readonly badges = new PageBadges();

  constructor(
    private readonly api: BadgeApi,
    private enabled: boolean,
  ) {}

  /** A frame's report; returns the tab's distinct term count. */
  async report(tabId: number, frameId: number, ids: readonly string[]): Promise<number> {
    const text = this.badges.report(tabId, frameId, ids);
    if (this.enabled) await this.show(tabId, text);
    return this.badges.countOf(tabId);
  }

  /** A frame of the tab loads a new document: the top frame starts the tab afresh. */
  async navigated(tabId: number, frameId: number): Promise<void> {
    if (frameId === 0) this.badges.clearTab(tabId);
    else this.badges.report(tabId, frameId, []);
    if (this.enabled) await this.show(tabId, this.badges.textOf(tabId));
  }

  /** The tab is gone. */
  closed(tabId: number): void {
    this.badges.clearTab(tabId);
  }

  /** The setting changed: every known tab's badge is shown or cleared. */
  async setEnabled(enabled: boolean): Promise<void> {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    await Promise.all(this.badges.entries().map(([tabId, text]) => this.show(tabId, enabled ? text : '')));
  }

  private async show(tabId: number, text: string): Promise<void> {
    // A tab closed meanwhile has no badge to set.
    await this.api.setBadgeText({ tabId, text }).catch(() => undefined);
    if (text) await this.api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }).catch(() => undefined);
  }
}
