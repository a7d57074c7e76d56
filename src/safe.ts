/** What the safe API forms return: the result, or the error the throwing form would have thrown. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: Error };

/** Runs `run` and returns its result or its error as a `SafeResult`, never throwing (zod's `safeParse` shape). */
export function safely<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    return { success: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
