/** An error's message, for the status region (without the "Error: " a bare `String(error)` adds). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
