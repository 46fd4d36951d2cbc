/** The Glossaries tab: every pack with its term count and its switch, and the importer. */

import { useCallback, useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLOURS } from '../shared/highlight-colours';
import { type GlossarySummary, send } from '../shared/messages';
import { ImportGlossary } from './import-glossary';
import { TermList } from './term-list';
import type { StatusMessage } from './use-status';

/** Lists the packs and lets the user switch them, and import new ones. */
export function GlossariesView({
  focusId,
  announce: setStatus,
}: {
  /** The term the page was opened at (a card's "Edit in library"): its pack's terms show straight away. */
  focusId: string | null;
  announce: (status: StatusMessage) => void;
}) {
  const [packs, setPacks] = useState<GlossarySummary[] | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(focusId ? [focusId.split('/')[0] ?? ''] : []),
  );
  const toggleTerms = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const reload = useCallback(async () => {
    try {
      setPacks(await send({ type: 'listGlossaries' }));
    } catch (error) {
      setStatus({ tone: 'error', text: `Could not read the glossaries: ${String(error)}` });
    }
  }, [setStatus]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const toggle = async (pack: GlossarySummary, enabled: boolean) => {
    try {
      await send({ type: 'setGlossaryEnabled', id: pack.id, enabled });
      setStatus({ tone: 'ok', text: `${pack.name} ${enabled ? 'enabled' : 'disabled'}.` });
    } catch (error) {
      setStatus({ tone: 'error', text: `Could not change ${pack.name}: ${String(error)}` });
    }
    await reload();
  };

  return (
    <>
      <h2 class="visually-hidden">Glossaries</h2>
      <div class="toolbar">
        <ImportGlossary
          onDone={(message) => {
            setStatus(message);
            if (message?.tone === 'ok') void reload();
          }}
        />
      </div>
      {packs === null ? (
        <p class="muted">Loading…</p>
      ) : packs.length === 0 ? (
        <p class="muted no-packs">No glossaries yet. Import one to start.</p>
      ) : (
        <ul class="packs">
          {packs.map((pack) => (
            <li class="pack-item" key={pack.id}>
              <div class="pack">
                <div class="about">
                  <div class="name">{pack.name}</div>
                  <div class="muted">
                    {pack.termCount} terms · {pack.source}
                    {pack.updated ? ` · updated ${pack.updated}` : ''} · <ColourSwatch slot={pack.colour} />
                  </div>
                  {pack.description && <div class="muted">{pack.description}</div>}
                </div>
                <label class="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-label={`Enable ${pack.name}`}
                    checked={pack.enabled}
                    aria-checked={pack.enabled}
                    onChange={(event) => void toggle(pack, (event.currentTarget as HTMLInputElement).checked)}
                  />
                  <span aria-hidden="true">{pack.enabled ? 'On' : 'Off'}</span>
                </label>
                <button
                  type="button"
                  aria-expanded={open.has(pack.id)}
                  aria-controls={`terms-${pack.id}`}
                  onClick={() => toggleTerms(pack.id)}
                >
                  {open.has(pack.id) ? 'Hide terms' : 'Show terms'}
                </button>
              </div>
              {open.has(pack.id) && (
                <div id={`terms-${pack.id}`}>
                  <TermList glossaryId={pack.id} focusId={focusId} announce={setStatus} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The colour a pack's terms are highlighted in, as a swatch and its name. */
function ColourSwatch(props: { slot: number }) {
  const colour = HIGHLIGHT_COLOURS[props.slot % HIGHLIGHT_COLOURS.length] ?? HIGHLIGHT_COLOURS[0];
  if (!colour) return null;
  return (
    <span class="colour">
      <span
        class="swatch"
        aria-hidden="true"
        style={{ backgroundColor: colour.light.fill, borderBottomColor: colour.light.line }}
      />
      {colour.name} highlights
    </span>
  );
}
