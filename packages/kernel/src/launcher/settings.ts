import { env, readEnv } from '../config/env';

export interface LauncherSettings {
  /** TW_SKIP_BUILD=1: run what dist/ holds instead of building first (a test run of a half-edited tree) */
  readonly skipBuild: boolean;
  /** TW_KEEP_DATA_DIR=1: keep an isolated platform's data dir (SQLite files, logs), to read after a failed run */
  readonly keepDataDir: boolean;
}

/** The launcher's own settings, read like every other variable. */
export function readLauncherSettings(source: NodeJS.ProcessEnv = process.env): LauncherSettings {
  const s = readEnv({ TW_SKIP_BUILD: env.bool(false), TW_KEEP_DATA_DIR: env.bool(false) }, source);
  return { skipBuild: s.TW_SKIP_BUILD, keepDataDir: s.TW_KEEP_DATA_DIR };
}
