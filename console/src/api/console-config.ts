import { httpJson } from './client';

/** What the gateway says about sign-in and the IDE (/console/config.json). */
export interface ConsoleConfig {
  readonly production: boolean;
  /** the development role picker (a route that signs tokens; never in production) */
  readonly devSignIn: boolean;
  readonly ide: boolean;
  readonly oidc: { readonly authorizationEndpoint: string; readonly clientId: string; readonly scopes: string } | { readonly error: string } | null;
}

let cached: Promise<ConsoleConfig> | undefined;
export function consoleConfig(): Promise<ConsoleConfig> {
  cached ??= httpJson<ConsoleConfig>('/console/config.json').catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

/** A development token for a role (the gateway refuses in production). */
export async function devToken(role: string, scope: { school?: string; teacher?: string } = {}): Promise<string> {
  const r = await httpJson<{ token: string }>('/console/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, ...scope }),
  });
  return r.token;
}
