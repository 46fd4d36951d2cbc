/**
 * The storage problems the background kept (a failed start, a full disk, a blocked upgrade, an
 * emptied database), shown above the tabs until the reader dismisses them.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { type StorageProblem, send } from '../shared/messages';
import { formatDateTime } from './locale';

// Literal keys, so the locale test sees that each message is asked for.
const PROBLEM_TEXT: Record<StorageProblem['kind'], () => string> = {
  seeding: () => t('library_storageProblem_seeding'),
  write: () => t('library_storageProblem_write'),
  blocked: () => t('library_storageProblem_blocked'),
  versionchange: () => t('library_storageProblem_versionchange'),
  evicted: () => t('library_storageProblem_evicted'),
};

/** One problem as the reader reads it: what happened, and the error or loss behind it. */
function ProblemText({ problem }: { problem: StorageProblem }) {
  const when = formatDateTime(problem.at);
  const lost = problem.lost;
  return (
    <li>
      {PROBLEM_TEXT[problem.kind]()} ({when})
      {problem.message && problem.kind !== 'evicted' ? `: ${problem.message}` : ''}.
      {lost && lost.userPacks + lost.clippings > 0 && (
        <>
          {' '}
          {t('library_storageLostPacks')}: {lost.userPacks}. {t('library_storageLostClippings')}:{' '}
          {lost.clippings}. {t('library_storageLostAdvice')}
        </>
      )}
    </li>
  );
}

/** The list of problems (nothing when there are none), read when the page opens or regains focus. */
export function StorageProblems() {
  const [problems, setProblems] = useState<StorageProblem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const read = useCallback(() => {
    send({ type: 'getStorageHealth' }).then(
      (health) => {
        setProblems(health.problems);
        setError(null);
      },
      (e: unknown) => setError(String(e)),
    );
  }, []);
  useEffect(() => {
    read();
    addEventListener('focus', read);
    return () => removeEventListener('focus', read);
  }, [read]);

  const dismiss = async () => {
    try {
      await send({ type: 'dismissStorageProblems' });
      setProblems([]);
    } catch (e) {
      setError(String(e));
    }
  };

  if (error) return <p role="alert">{`${t('library_storageProblemsError')}: ${error}`}</p>;
  if (problems.length === 0) return null;
  return (
    <section class="storage-problems" aria-labelledby="storage-problems-heading">
      <h2 id="storage-problems-heading">{t('library_storageProblemsHeading')}</h2>
      <ul role="alert">
        {problems.map((problem) => (
          <ProblemText key={`${problem.kind}-${problem.at}`} problem={problem} />
        ))}
      </ul>
      <button type="button" onClick={() => void dismiss()}>
        {t('library_storageDismiss')}
      </button>
    </section>
  );
}
