/**
 * The one error the clinical core throws for an impossible input (a NaN total, a fractional session
 * count, a reliable-change value of 0, ρ outside (0, 1)…). Pure functions refuse such inputs rather
 * than compute a plausible-looking result from them (issue 7, item 17). The server maps it to 400.
 */
export class ClinicalInputError extends RangeError {
  /** Which input was wrong, named as the function's parameter (e.g. `first.depression`). */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'ClinicalInputError';
    this.field = field;
  }
}
