/**
 * A file that cannot be imported at all (not a spreadsheet, a legacy .xls, a zip bomb, no header…):
 * the job fails with this stable code and Chinese message, and nothing is written. `detail` is what
 * a library said about it (in English): logged for whoever runs the importer, not shown to the clerk.
 */
export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

export const isFileError = (e: unknown): e is FileError => e instanceof FileError;
