/** The page settings as the popup shows and changes them, with the error of the last attempt. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { type Request, send } from '../shared/messages';
import type { PageSettings } from '../shared/settings';

/** A request that changes the settings and answers with them. */
type SettingsChange = Extract<Request, { type: 'updateSettings' | 'setSiteEnabled' }>;

export interface PageSettingsState {
  /** Null until read (and when reading failed). */
  settings: PageSettings | null;
  /** What went wrong reading or saving, in the reader's language; null when nothing did. */
  error: string | null;
  change: (request: SettingsChange) => Promise<void>;
}

/** Reads the settings once, and applies changes through the background (which tells the pages). */
export function usePageSettings(): PageSettingsState {
  const [settings, setSettings] = useState<PageSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send({ type: 'getSettings' }).then(setSettings, (e: unknown) =>
      setError(t('popup_settingsReadError', errorText(e))),
    );
  }, []);
  const change = useCallback(async (request: SettingsChange) => {
    try {
      setSettings(await send(request));
      setError(null);
    } catch (e) {
      setError(t('popup_settingsSaveError', errorText(e)));
    }
  }, []);
  return { settings, error, change };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
