/** The limits a file must stay within before ExcelJS (with its open DoS advisories) reads it. */
export interface FileLimits {
  /** upload size, bytes */
  readonly maxFileBytes: number;
  /** entries in the zip */
  readonly maxZipEntries: number;
  /** the zip's parts inflated, in total (declared and actual), bytes */
  readonly maxUncompressedBytes: number;
  /** inflated / compressed size of one part larger than `ratioFloorBytes` */
  readonly maxCompressionRatio: number;
  readonly ratioFloorBytes: number;
  /** data rows of a sheet (its dimension, its rows, and the rows a reader yields) */
  readonly maxRows: number;
  /** columns of a sheet (its dimension and the cells of any row) */
  readonly maxColumns: number;
  /** cells of all sheets */
  readonly maxCells: number;
  /** shared strings: how many, and their XML's inflated size */
  readonly maxSharedStrings: number;
  readonly maxSharedStringBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxFileBytes: 50 * MB,
  maxZipEntries: 1000,
  maxUncompressedBytes: 600 * MB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxRows: 200_000,
  maxColumns: 200,
  maxCells: 10_000_000,
  maxSharedStrings: 2_000_000,
  maxSharedStringBytes: 150 * MB,
};
