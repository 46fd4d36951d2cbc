/**
 * The Settings tab's storage section: how much the extension's storage uses of what the browser
 * allows, whether the browser keeps it when the disk runs low, and a button to ask it to.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { StatusMessage } from './use-status';

interface StorageState {
  usage?: number;
  quota?: number;
  persisted: boolean;
}

/** Bytes as the reader reads them: "12.3 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

async function readStorage(): Promise<StorageState> {
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted(),
  ]);
  return { usage: estimate.usage, quota: estimate.quota, persisted };
}

/** Usage, quota and persistence, with "Keep data when space is low" while it is not persistent. */
export function StorageStatus({ announce }: { announce: (status: StatusMessage) => void }) {
  const [state, setState] = useState<StorageState | null>(null);

  useEffect(() => {
    readStorage().then(setState, (error: unknown) =>
      announce({ tone: 'error', text: `${t('library_storageUnknown')}: ${String(error)}` }),
    );
  }, [announce]);

  // Called from the button's click: Firefox asks the reader only for a request made in a gesture.
  const persist = async () => {
    try {
      const granted = await navigator.storage.persist();
      setState(await readStorage());
      announce(
        granted
          ? { tone: 'ok', text: t('library_storagePersistGranted') }
          : { tone: 'error', text: t('library_storagePersistRefused') },
      );
    } catch (error) {
      announce({ tone: 'error', text: `${t('library_storagePersistRefused')} (${String(error)})` });
    }
  };

  return (
    <section aria-labelledby="storage-heading">
      <h3 id="storage-heading">{t('library_storageHeading')}</h3>
      {state && (
        <>
          <p>
            {state.usage === undefined || state.quota === undefined
              ? t('library_storageUnknown')
              : `${t('library_storageUsed')}: ${formatBytes(state.usage)} · ${t('library_storageQuota')}: ${formatBytes(state.quota)}`}
          </p>
          <p>{state.persisted ? t('library_storagePersistent') : t('library_storageNotPersistent')}</p>
          {!state.persisted && (
            <button type="button" onClick={() => void persist()}>
              {t('library_storagePersist')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
