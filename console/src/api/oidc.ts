import { httpJson } from './client';

/**
 * Sign-in with the identity provider: authorization code with PKCE (RFC 7636, S256). The browser
 * goes to the provider and comes back to /console/oidc/callback with a code; the gateway exchanges
 * it, so the page itself talks to no other origin.
 */
const STATE_KEY = 'tw.console.oidc';

function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 challenge of a verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export function redirectUri(): string {
  return `${location.origin}/console/oidc/callback`;
}

/** Sends the browser to the provider's login; `returnTo` is where the console goes after. */
export async function startOidcSignIn(o: { authorizationEndpoint: string; clientId: string; scopes: string }, returnTo: string): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(STATE_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(o.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', o.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', o.scopes);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await codeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.toString());
}

/** Back from the provider: checks the state, has the gateway exchange the code, returns the token and where to go. */
export async function finishOidcSignIn(search: string): Promise<{ token: string; returnTo: string }> {
  const params = new URLSearchParams(search);
  const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(STATE_KEY);
  const error = params.get('error');
  if (error) throw new Error(`身份提供方未完成登录：${params.get('error_description') ?? error}`);
  const code = params.get('code');
  if (!saved || !code || params.get('state') !== saved.state) throw new Error('登录回调无效或已过期，请重新登录');
  const { token } = await httpJson<{ token: string }>('/console/oidc/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, codeVerifier: saved.verifier, redirectUri: redirectUri() }),
  });
  return { token, returnTo: saved.returnTo };
}
