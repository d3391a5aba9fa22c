import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { readCommonConfig, signUserToken } from '@tw/kernel';

/**
 * The settings the CLI runs with: the process's environment over the `.env` file of the folder it
 * runs in (the file the platform's `.env.example` says to copy), so `npm run import` finds the
 * gateway and the development secret wherever `npm start` put them.
 */
export function cliEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv {
  const file = path.join(cwd, '.env');
  let fromFile: Record<string, string> = {};
  if (fs.existsSync(file)) fromFile = parseEnv(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  const merged: NodeJS.ProcessEnv = { ...fromFile };
  // a variable set but empty (GATEWAY_SECRET= in .env) means unset, as the platform reads it
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v;
  for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
  return merged;
}

/**
 * Where the gateway is: --url, else IMPORT_URL, else GATEWAY_URL (what the services use), else
 * GATEWAY_PORT on this machine, else http://localhost:4000. Answered as an origin (no /graphql).
 */
export function gatewayOrigin(url: string | undefined, env: NodeJS.ProcessEnv): { origin: string; from: string } {
  const pick = (value: string | undefined, from: string) => (value ? { origin: value.replace(/\/graphql\/?$/, '').replace(/\/$/, ''), from } : undefined);
  const port = env.GATEWAY_PORT && /^\d+$/.test(env.GATEWAY_PORT) ? `http://127.0.0.1:${env.GATEWAY_PORT}` : undefined;
  return (
    pick(url, '--url') ??
    pick(env.IMPORT_URL, 'IMPORT_URL') ??
    pick(env.GATEWAY_URL, 'GATEWAY_URL') ??
    pick(port, 'GATEWAY_PORT') ?? { origin: 'http://localhost:4000', from: '默认' }
  );
}

/** A development DISTRICT_ADMIN token signed with the data folder's development secret (or JWT_SECRET). */
export function devToken(env: NodeJS.ProcessEnv): string {
  const { keys } = readCommonConfig(env);
  if (keys.user.kind !== 'HS256') throw new Error('已设置 JWT_PUBLIC_KEY（令牌由身份提供方签发）：请用 --token 或 IMPORT_TOKEN 提供您的令牌');
  return signUserToken({ subject: 'dev-district-admin', role: 'DISTRICT_ADMIN' }, keys.user.secret, '12h');
}

/** Why the platform refused a token, in Chinese, with what to do. */
export function tokenRefusal(message: string | undefined, tokenFrom: string): string {
  const m = message ?? '';
  const why = /expired/i.test(m)
    ? '令牌已过期'
    : /not a JWT/i.test(m)
      ? '令牌格式不对（不是 JWT），可能复制时缺了字符'
      : /not valid yet/i.test(m)
        ? '令牌尚未生效（请检查本机时间）'
        : /signature|refused/i.test(m)
          ? '令牌的签名与本平台的密钥不符（可能是别的环境签发的，或 JWT_SECRET/数据目录已更换）'
          : /role|school|subject/i.test(m)
            ? '令牌中的角色或学校不完整'
            : /请先登录|no .*token|Bearer/i.test(m)
              ? '请求中没有令牌'
              : `令牌无效（${m || '未说明原因'}）`;
  return [
    `令牌被拒绝：${why}。当前令牌来自 ${tokenFrom}。`,
    '请重新获取令牌：开发环境运行 npm run token -- --role DISTRICT_ADMIN（学校管理员：--role SCHOOL_ADMIN --school <学校 id>），',
    '再用 --token <令牌> 或环境变量 IMPORT_TOKEN 传入；正式环境请向区教育局的系统管理员索取。',
  ].join('\n');
}
