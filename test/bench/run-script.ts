/**
 * Runs a bench script's `main` and exits when it ends: 0 when it resolves, 1 (with the error
 * printed, after `label` when given) when it throws. The browsers and servers a script starts
 * would otherwise keep node up.
 */
export function runScript(main: () => Promise<void>, label?: string): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (label === undefined) console.error(error);
      else console.error(label, error);
      process.exit(1);
    },
  );
}
