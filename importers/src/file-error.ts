/**
 * A file that cannot be imported at all (not a spreadsheet, a legacy .xls, a zip bomb, no header…):
 * the job fails with this stable code and Chinese message, and nothing is written.
 */
export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

export const isFileError = (e: unknown): e is FileError => e instanceof FileError;
