/** The console's folder, and its build (index.html, ide.html, assets/) that the gateway serves. */
export declare const CONSOLE_ROOT: string;
export declare const CONSOLE_DIST: string;
/** Whether a source is newer than the last build (or there is none). */
export declare function consoleIsStale(): boolean;
/**
 * Builds the console with Vite when a source changed; returns whether it built.
 * @example ensureConsoleBuilt({ log: console.log })
 */
export declare function ensureConsoleBuilt(o?: { log?: (s: string) => void }): boolean;
