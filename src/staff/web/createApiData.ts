import { createEffect, createMemo, createSignal, untrack } from 'solid-js';

/**
 * Data from the server for the current choice (survey, facility, period...), as plain signals:
 * an error is a value to show, never thrown into the render. A newer choice wins over an older
 * answer arriving late. `source` returns undefined while the choice is incomplete.
 */
export function createApiData<S, T>(source: () => S | undefined, fetcher: (choice: S) => Promise<T>) {
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(false);
  let latest = 0;
  const key = createMemo(() => {
    const choice = source();
    return choice === undefined ? undefined : JSON.stringify(choice);
  });

  const run = async (choice: S) => {
    const mine = ++latest;
    setLoading(true);
    setError(undefined);
    try {
      const answer = await fetcher(choice);
      if (mine === latest) setData(() => answer);
    } catch (caught) {
      if (mine === latest) {
        setError(() => caught);
        setData(undefined);
      }
    } finally {
      if (mine === latest) setLoading(false);
    }
  };

  createEffect(() => {
    const current = key();
    untrack(() => {
      // Another choice: never leave the previous one's figures on screen under the new labels.
      setData(undefined);
      if (current !== undefined) void run(JSON.parse(current) as S);
    });
  });

  return {
    data,
    error,
    loading,
    /** Asks again for the current choice (after a change was saved). */
    refetch: () => {
      const current = untrack(key);
      if (current !== undefined) void run(JSON.parse(current) as S);
    },
    mutate: (update: (current: T | undefined) => T | undefined) => setData((current) => update(current)),
  };
}
