// The error shape of the import contract (CONTRACTS §1: "names every bad row (file, line,
// column, value, why)"). A bad 2 M-row file could produce millions of errors; the answer keeps
// the first MAX_ERRORS and counts the rest, so a refusal stays small enough to send over HTTP.

export interface ImportError {
  /** The CSV file name ("members.csv") or, for a workbook, the sheet name ("members"). */
  file: string;
  /** 1-based line in the file, header = 1; 0 when the error is about the whole source. */
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export const MAX_ERRORS = 1000;

export class ErrorList {
  readonly items: ImportError[] = [];
  /** Every error seen, including those past the cap. */
  count = 0;

  add(file: string, line: number, column: string | null, value: string | null, reason: string): void {
    this.count++;
    if (this.items.length < MAX_ERRORS) this.items.push({ file, line, column, value, reason });
  }

  get full(): boolean {
    return this.items.length >= MAX_ERRORS;
  }
}
