import { ConfigError, env, readConsoleSettings, readEnv } from '@tw/kernel';

/** The ConfigError readEnv throws for `source`, so its message can be checked. */
function configError(spec: Parameters<typeof readEnv>[0], source: NodeJS.ProcessEnv): ConfigError {
  try {
    readEnv(spec, source);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).name).toBe('ConfigError');
    return e as ConfigError;
  }
  throw new Error(`readEnv accepted ${JSON.stringify(source)}`);
}

describe('readEnv: defaults and optional variables', () => {
  it('uses the fallback of each unset variable', () => {
    const cfg = readEnv(
      { HOST: env.string('127.0.0.1'), PORT: env.port(4001), WORKERS: env.int(2), DEBUG: env.bool(false), MODE: env.oneOf(['a', 'b'] as const, 'b') },
      {},
    );
    expect(cfg).toEqual({ HOST: '127.0.0.1', PORT: 4001, WORKERS: 2, DEBUG: false, MODE: 'b' });
  });

  it('counts an empty or blank value as unset', () => {
    expect(readEnv({ PORT: env.port(4001), NAME: env.string('x') }, { PORT: '', NAME: '   ' })).toEqual({ PORT: 4001, NAME: 'x' });
  });

  it('prefers a set value over the fallback, trimmed', () => {
    expect(readEnv({ PORT: env.port(4001), NAME: env.string('x') }, { PORT: ' 8080 ', NAME: ' school ' })).toEqual({ PORT: 8080, NAME: 'school' });
  });

  it('reads an unset optional variable as undefined, and a set one parsed', () => {
    const spec = { SECRET: env.optional(env.string()), LIMIT: env.optional(env.int(undefined, 1, 10)) };
    expect(readEnv(spec, {})).toEqual({ SECRET: undefined, LIMIT: undefined });
    expect(readEnv(spec, { LIMIT: '' })).toEqual({ SECRET: undefined, LIMIT: undefined });
    expect(readEnv(spec, { SECRET: 's3cret', LIMIT: '7' })).toEqual({ SECRET: 's3cret', LIMIT: 7 });
  });

  it('checks an optional variable that is set', () => {
    const e = configError({ LIMIT: env.optional(env.int(undefined, 1, 10)) }, { LIMIT: '11' });
    expect(e.message).toContain('LIMIT="11" is invalid');
  });

  it('drops the fallback of a variable made optional', () => {
    expect(readEnv({ PORT: env.optional(env.port(4001)) }, {})).toEqual({ PORT: undefined });
  });

  it('reads process.env when no source is given', () => {
    const name = `TW_KERNEL_TEST_${process.pid}`;
    process.env[name] = '42';
    try {
      expect(readEnv({ [name]: env.int() })).toEqual({ [name]: 42 });
    } finally {
      delete process.env[name];
    }
  });
});

describe('readEnv: whole numbers and ports', () => {
  it('reads whole numbers inside the range, including its ends', () => {
    const spec = { N: env.int(undefined, 1, 10) };
    expect(readEnv(spec, { N: '1' })).toEqual({ N: 1 });
    expect(readEnv(spec, { N: '10' })).toEqual({ N: 10 });
    expect(readEnv({ N: env.int(undefined, -5, 5) }, { N: '-5' })).toEqual({ N: -5 });
  });

  it.each([['0'], ['11'], ['-1'], ['1.5'], ['1e3'], ['ten'], ['0x10'], ['5 apples']])('refuses %p for a number from 1 to 10', (raw) => {
    const e = configError({ N: env.int(undefined, 1, 10) }, { N: raw });
    expect(e.message).toContain(`N=${JSON.stringify(raw)} is invalid: it must be a whole number from 1 to 10`);
  });

  it('refuses a negative number by default (the range starts at 0)', () => {
    expect(configError({ N: env.int(3) }, { N: '-1' }).message).toContain('N="-1" is invalid');
    expect(readEnv({ N: env.int(3) }, { N: '0' })).toEqual({ N: 0 });
  });

  it('reads ports from 1 to 65535 only', () => {
    expect(readEnv({ P: env.port() }, { P: '65535' })).toEqual({ P: 65535 });
    expect(readEnv({ P: env.port() }, { P: '1' })).toEqual({ P: 1 });
    expect(configError({ P: env.port() }, { P: '65536' }).message).toContain('P="65536" is invalid: it must be a whole number from 1 to 65535');
    expect(configError({ P: env.port() }, { P: '0' }).message).toContain('P="0" is invalid');
  });
});

describe('readEnv: booleans, choices and URLs', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['0', false],
    ['false', false],
    ['False', false],
    ['no', false],
  ])('reads %p as %p', (raw, value) => {
    expect(readEnv({ B: env.bool() }, { B: raw })).toEqual({ B: value });
  });

  it.each([['2'], ['on'], ['是'], ['truthy']])('refuses %p as a boolean', (raw) => {
    expect(configError({ B: env.bool(true) }, { B: raw }).message).toContain(`B=${JSON.stringify(raw)} is invalid: it must be one of 1, 0, true, false`);
  });

  it('keeps a false or 0 fallback (they are not "unset")', () => {
    expect(readEnv({ B: env.bool(false), N: env.int(0) }, {})).toEqual({ B: false, N: 0 });
  });

  it('reads one of a list of values, exactly', () => {
    const spec = { NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development') };
    expect(readEnv(spec, { NODE_ENV: 'production' })).toEqual({ NODE_ENV: 'production' });
    expect(configError(spec, { NODE_ENV: 'prod' }).message).toContain('NODE_ENV="prod" is invalid: it must be one of development, production, test');
  });

  it('reads URLs with the allowed protocols only', () => {
    const spec = { DB: env.url(['mysql:', 'mariadb:']) };
    expect(readEnv(spec, { DB: 'mysql://root@127.0.0.1:3306/tw' })).toEqual({ DB: 'mysql://root@127.0.0.1:3306/tw' });
    expect(configError(spec, { DB: 'postgres://x/y' }).message).toContain('DB="postgres://x/y" is invalid: it must be a URL starting with mysql:// or mariadb://');
    expect(configError(spec, { DB: 'not a url' }).message).toContain('DB="not a url" is invalid');
  });
});

describe('readEnv: reporting', () => {
  it('reports a missing required variable by name and what it must be', () => {
    const e = configError({ JWT_SECRET: env.string() }, {});
    expect(e.message).toContain('JWT_SECRET is not set: it must be a non-empty string');
  });

  it('reports a bad value and a missing required value together, in one ConfigError naming each variable', () => {
    const spec = { PORT: env.port(4001), DATABASE_URL: env.url(['mysql:']), DEBUG: env.bool(false), NAME: env.string('ok') };
    const e = configError(spec, { PORT: 'abc', DEBUG: 'maybe' });
    expect(e.message).toContain('PORT="abc" is invalid: it must be a whole number from 1 to 65535');
    expect(e.message).toContain('DATABASE_URL is not set: it must be a URL starting with mysql://');
    expect(e.message).toContain('DEBUG="maybe" is invalid: it must be one of 1, 0, true, false');
    expect(e.message).not.toContain('NAME');
    expect(e.message.startsWith('Configuration error:')).toBe(true);
    expect(e.message).toContain('.env.example');
    // one line per problem
    expect(e.message.split('\n').filter((l) => /^\s+\S+( is not set|=)/.test(l))).toHaveLength(3);
  });

  it('lists the problems in the order of the spec', () => {
    const e = configError({ A: env.int(), B: env.int(), C: env.int() }, { A: 'x', C: 'y' });
    const a = e.message.indexOf('A="x"');
    const b = e.message.indexOf('B is not set');
    const c = e.message.indexOf('C="y"');
    expect(a).toBeGreaterThan(-1);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });
});

describe('readConsoleSettings: the console, the IDE and the OIDC sign-in', () => {
  it('turns the console on, and the IDE on in development only, unless told otherwise', () => {
    expect(readConsoleSettings({}, false)).toEqual({ enabled: true, graphqlIde: true, oidc: undefined });
    expect(readConsoleSettings({}, true)).toEqual({ enabled: true, graphqlIde: false, oidc: undefined });
    expect(readConsoleSettings({ GRAPHQL_IDE: '1', CONSOLE_ENABLED: 'no' }, true)).toEqual({ enabled: false, graphqlIde: true, oidc: undefined });
  });

  it('reads the issuer (without its trailing slash), the client and which token to send', () => {
    expect(readConsoleSettings({ OIDC_ISSUER: 'https://sso.edu.example/realms/bureau/', OIDC_CLIENT_ID: 'tw-console', OIDC_BEARER: 'id_token' }, true).oidc).toEqual({
      issuer: 'https://sso.edu.example/realms/bureau',
      clientId: 'tw-console',
      clientSecret: undefined,
      scopes: 'openid profile',
      token: 'id_token',
    });
  });

  it('refuses an issuer without a client, and a plain-HTTP issuer in production, naming the variable', () => {
    expect(() => readConsoleSettings({ OIDC_ISSUER: 'https://sso.edu.example' }, false)).toThrow(/OIDC_ISSUER is set but OIDC_CLIENT_ID is not/);
    expect(() => readConsoleSettings({ OIDC_ISSUER: 'http://sso.edu.example', OIDC_CLIENT_ID: 'c' }, true)).toThrow(/OIDC_ISSUER=http:\/\/sso.edu.example must be an https:\/\/ URL in production/);
    expect(readConsoleSettings({ OIDC_ISSUER: 'http://127.0.0.1:8080/realm', OIDC_CLIENT_ID: 'c' }, false).oidc?.issuer).toBe('http://127.0.0.1:8080/realm');
    expect(() => readConsoleSettings({ OIDC_BEARER: 'refresh_token' }, false)).toThrow(/OIDC_BEARER="refresh_token" is invalid: it must be one of access_token, id_token/);
  });
});
