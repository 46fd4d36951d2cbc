/** Library page entry (also the options page): the Clippings, Glossaries and Settings tabs. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { ClippingsView } from './clippings-view';
import { GlossariesView } from './glossaries-view';
import { LIBRARY_TABS, type LibraryRoute, type LibraryTab, routeFromHash } from './library-route';
import { applyDocumentLanguage } from './locale';
import { SettingsView } from './settings-view';
import { StatusRegion } from './status-region';
import { StorageProblems } from './storage-problems';
import { Tabs } from './tabs';
import { useStatus } from './use-status';

/** The route in the URL hash, following hash changes (a link, the address bar, history). */
function useRoute(): [LibraryRoute, (tab: LibraryTab) => void] {
  const [route, setRoute] = useState(() => routeFromHash(location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(routeFromHash(location.hash));
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  const selectTab = (tab: LibraryTab) => {
    // Replaced, not pushed: arrowing across the tabs should not fill the history with stops.
    history.replaceState(history.state, '', `#${tab}`);
    // The term stays: coming back to Glossaries keeps its pack open rather than starting over.
    setRoute((current) => ({ ...current, tab }));
  };
  return [route, selectTab];
}

/** Each tab's visible name. */
const TAB_LABELS: Record<LibraryTab, () => string> = {
  clippings: () => t('library_tabClippings'),
  glossaries: () => t('library_tabGlossaries'),
  settings: () => t('library_tabSettings'),
};

function Library() {
  // One live region for the whole page, so every outcome is announced in the same place.
  const [status, setStatus] = useStatus();
  const [route, selectTab] = useRoute();
  return (
    <main>
      <h1>{t('library_heading')}</h1>
      <StorageProblems />
      <StatusRegion status={status} />
      <Tabs
        label={t('library_sections')}
        tabs={LIBRARY_TABS.map((id) => ({ id, label: TAB_LABELS[id]() }))}
        selected={route.tab}
        onSelect={selectTab}
        panel={(tab, active) => {
          switch (tab) {
            case 'clippings':
              return <ClippingsView announce={setStatus} active={active} />;
            case 'glossaries':
              // Keyed by the term so that opening another term (a new hash) opens its pack afresh.
              return (
                <GlossariesView
                  key={route.termId ?? ''}
                  focusId={route.termId}
                  newTerm={route.newTerm}
                  announce={setStatus}
                />
              );
            case 'settings':
              return <SettingsView announce={setStatus} />;
          }
        }}
      />
    </main>
  );
}

applyDocumentLanguage(document);
const app = document.getElementById('app');
if (app) render(<Library />, app);
