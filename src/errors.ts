/** Thrown when the API is misused: an option has a value threadlens cannot work with. */
export class ThreadlensOptionError extends TypeError {
  /** The option's name, e.g. `maxInputBytes`. */
  readonly option: string;
  /** The value received, as given. */
  readonly received: unknown;
  constructor(option: string, received: unknown, expected: string) {
    super(`threadlens: option \`${option}\` ${expected}; received ${describe(received)}`);
    this.name = 'ThreadlensOptionError';
    this.option = option;
    this.received = received;
  }
}

/** Thrown by the throwing API forms when the input is larger than `maxInputBytes`. */
export class ThreadlensInputError extends RangeError {
  /** Stable identifier of the problem, e.g. `input/too-large`. */
  readonly ruleId: string;
  constructor(ruleId: string, message: string) {
    super(`threadlens: ${message}`);
    this.name = 'ThreadlensInputError';
    this.ruleId = ruleId;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
}
