/** Thrown when an API is called with a bad option (never for odd text). Names the option and the value received. */
export class ThreadlensOptionError extends Error {
  /** Name of the bad option, e.g. `lexicon`. */
  readonly option: string;
  /** The value that was received. */
  readonly received: unknown;
  constructor(option: string, received: unknown, expected: string) {
    super(`threadlens: option \`${option}\` ${expected}; received ${describe(received)}`);
    this.name = 'ThreadlensOptionError';
    this.option = option;
    this.received = received;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}
