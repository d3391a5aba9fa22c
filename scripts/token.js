#!/usr/bin/env node
// npm run token -- --role DISTRICT_ADMIN|SCHOOL_ADMIN|TEACHER|ANALYST [--school ID] [--teacher ID] [--subject NAME] [--expires 12h]
// Prints a bearer token signed with the configured JWT_SECRET (or the development secret in the data folder).
const path = require('node:path');
const { parseArgs } = require('node:util');

const kernel = require(path.resolve(__dirname, '../packages/kernel/dist'));

const usage = 'usage: npm run token -- --role DISTRICT_ADMIN|SCHOOL_ADMIN|TEACHER|ANALYST [--school <school id>] [--teacher <teacher id>] [--subject <name>] [--expires 12h]';
let args;
try {
  args = parseArgs({
    options: {
      role: { type: 'string' },
      school: { type: 'string' },
      teacher: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  }).values;
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (!args.role || !kernel.USER_ROLES.includes(args.role)) {
  console.error(`--role must be one of ${kernel.USER_ROLES.join(', ')}\n${usage}`);
  process.exit(2);
}
try {
  const { keys } = kernel.readCommonConfig();
  if (keys.user.kind !== 'HS256') throw new Error('JWT_PUBLIC_KEY or JWT_JWKS_URL is set: tokens come from your identity provider, not from this script');
  const principal = { subject: args.subject ?? `dev-${args.role.toLowerCase()}`, role: args.role, schoolId: args.school, teacherId: args.teacher };
  process.stdout.write(`${kernel.signUserToken(principal, keys.user.secret, args.expires, { issuer: keys.user.issuer, audience: keys.user.audience })}\n`);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
