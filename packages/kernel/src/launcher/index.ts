/**
 * The one process launcher: starts the platform's processes (every subgraph SERVICES lists, then the
 * gateway) on the ports, environment and data dir given, waits until each answers /ready, keeps or
 * streams their output, and stops, kills, freezes or restarts one of them or stops all. npm start
 * (scripts/start.js), the benches and the process tests all start the platform through it.
 */
export { ensureBuilt } from './build';
export { freePort } from './free-port';
export { IsolatedPlatform, launchIsolatedPlatform } from './isolated';
export type { IsolatedPlatformOptions } from './isolated';
export { launchPlatform, Platform, platformScript } from './platform';
export type { LaunchOptions, PlatformOutput } from './platform';
export { machineEnv, PlatformProcess, processStats, runToExit } from './platform-process';
export type { ExitStatus, PlatformProcessOptions, ProcessOutput, ProcessStats } from './platform-process';
export { ROOT } from './root';
export { readLauncherSettings } from './settings';
export type { LauncherSettings } from './settings';
