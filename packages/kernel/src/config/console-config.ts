import { ConfigError } from '../errors';
import { env, readEnv } from './env';

/** Sign-in through an OpenID Connect provider: authorization code with PKCE, the code exchanged by the gateway. */
export interface OidcSettings {
  /** the issuer; its /.well-known/openid-configuration names the endpoints */
  readonly issuer: string;
  readonly clientId: string;
  /** for a confidential client; a public client (PKCE alone) has none */
  readonly clientSecret?: string;
  readonly scopes: string;
  /** which token of the provider's answer the console sends as its bearer token */
  readonly token: 'access_token' | 'id_token';
}

/** What the gateway serves to browsers: the console at /console/ and the GraphQL IDE at /graphql. */
export interface ConsoleSettings {
  readonly enabled: boolean;
  /** GraphiQL at /graphql for a browser: always in development, in production only when enabled */
  readonly graphqlIde: boolean;
  readonly oidc?: OidcSettings;
}

/**
 * Reads CONSOLE_ENABLED, GRAPHQL_IDE and the OIDC_* settings (see .env.example).
 * @example readConsoleSettings(process.env, false).graphqlIde // true
 */
export function readConsoleSettings(source: NodeJS.ProcessEnv, production: boolean): ConsoleSettings {
  const c = readEnv(
    {
      CONSOLE_ENABLED: env.bool(true),
      GRAPHQL_IDE: env.bool(!production),
      OIDC_ISSUER: env.optional(env.url(['https:', 'http:'])),
      OIDC_CLIENT_ID: env.optional(env.string()),
      OIDC_CLIENT_SECRET: env.optional(env.string()),
      OIDC_SCOPES: env.string('openid profile'),
      OIDC_BEARER: env.oneOf(['access_token', 'id_token'] as const, 'access_token'),
    },
    source,
  );
  if (c.OIDC_ISSUER && !c.OIDC_CLIENT_ID) throw new ConfigError('Configuration error:\n  OIDC_ISSUER is set but OIDC_CLIENT_ID is not: the console signs in as a client of the issuer\nSee .env.example.');
  // a production sign-in must not send the authorization code over plain HTTP
  if (production && c.OIDC_ISSUER && new URL(c.OIDC_ISSUER).protocol !== 'https:') {
    throw new ConfigError(`Configuration error:\n  OIDC_ISSUER=${c.OIDC_ISSUER} must be an https:// URL in production\nSee .env.example.`);
  }
  const oidc = c.OIDC_ISSUER
    ? { issuer: c.OIDC_ISSUER.replace(/\/+$/, ''), clientId: c.OIDC_CLIENT_ID!, clientSecret: c.OIDC_CLIENT_SECRET, scopes: c.OIDC_SCOPES, token: c.OIDC_BEARER }
    : undefined;
  return { enabled: c.CONSOLE_ENABLED, graphqlIde: c.GRAPHQL_IDE, oidc };
}
