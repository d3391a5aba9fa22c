#!/usr/bin/env node
// The schema check of CI: compares schema/api.graphql (the API the frontend teams see) with the
// last committed one, offline, with @graphql-inspector/core, and fails on a breaking change that is
// not marked as intended. Which "last committed one":
//   - the working tree's file differs from HEAD's: HEAD (a change not committed yet);
//   - otherwise HEAD's first parent (CI on a clean clone checks the commit it was given);
//   - no parent, or the file is new: nothing to compare, the check passes.
// A breaking change is intended when a commit message in the range compared carries
// [breaking-schema], or when schema/intended-changes.txt lists its path (Type.field, one a line).
// With --changelog, the changes are added to schema/CHANGELOG.md (npm run compose does this).
// Options: --root <dir> (a repository other than this one), --date YYYY-MM-DD (the changelog's date).
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { buildSchema } = require('graphql');
const { diff, CriticalityLevel } = require('@graphql-inspector/core');

const MARKER = '[breaking-schema]';
const FILE = 'schema/api.graphql';
const INTENDED = 'schema/intended-changes.txt';
const CHANGELOG = 'schema/CHANGELOG.md';

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const root = path.resolve(arg('--root') ?? path.join(__dirname, '..'));
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return null;
  }
};

/** What to compare the working tree's schema with, and the commit messages that may mark it intended. */
function baseline(current) {
  const atHead = tryGit('show', `HEAD:${FILE}`);
  if (atHead !== null && atHead !== current) return { base: atHead, against: 'HEAD (uncommitted change)', messages: '' };
  if (tryGit('rev-parse', '--verify', '--quiet', 'HEAD^') === null) return null;
  const before = tryGit('show', `HEAD^:${FILE}`);
  if (before === null) return null;
  return { base: before, against: 'HEAD^ (the commit before this one)', messages: tryGit('log', '--format=%B', 'HEAD^..HEAD') ?? '' };
}

function intendedPaths() {
  const file = path.join(root, INTENDED);
  if (!fs.existsSync(file)) return new Set();
  return new Set(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

function changelogSection(changes, date, hash) {
  const group = (level, title) => {
    const list = changes.filter((c) => c.criticality.level === level);
    return list.length ? [`### ${title}`, '', ...list.map((c) => `- ${c.message}`), ''] : [];
  };
  return [
    `## ${date} <!-- schema ${hash} -->`,
    '',
    ...group(CriticalityLevel.Breaking, 'Breaking (clients must change)'),
    ...group(CriticalityLevel.Dangerous, 'Dangerous (may change what clients get)'),
    ...group(CriticalityLevel.NonBreaking, 'Added or safe'),
  ].join('\n');
}

async function main() {
  const current = fs.readFileSync(path.join(root, FILE), 'utf8');
  const b = baseline(current);
  if (!b || b.base === current) {
    console.log(`schema check: ${FILE} has no change to check`);
    return;
  }
  const changes = await diff(buildSchema(b.base), buildSchema(current));
  const intended = intendedPaths();
  const marked = b.messages.includes(MARKER);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const unintended = marked ? [] : breaking.filter((c) => !c.path || !intended.has(c.path));
  console.log(`schema check: ${FILE} against ${b.against}: ${changes.length} change(s), ${breaking.length} breaking`);
  for (const c of changes) {
    const tag = c.criticality.level === CriticalityLevel.Breaking ? (unintended.includes(c) ? 'BREAKING' : 'breaking (intended)') : c.criticality.level === CriticalityLevel.Dangerous ? 'dangerous' : 'safe';
    console.log(`  ${tag.padEnd(20)} ${c.message}`);
  }
  if (process.argv.includes('--changelog') && changes.length) {
    const hash = crypto.createHash('sha256').update(current).digest('hex').slice(0, 12);
    const file = path.join(root, CHANGELOG);
    const head = '# API schema changes\n\nEvery change of `schema/api.graphql`, newest first, written by `npm run compose` (scripts/schema-check.js).\n';
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : head;
    if (!old.includes(`<!-- schema ${hash} -->`)) {
      const date = arg('--date') ?? new Date().toISOString().slice(0, 10);
      const rest = old.startsWith(head) ? old.slice(head.length) : `\n${old}`;
      fs.writeFileSync(file, `${head}\n${changelogSection(changes, date, hash)}${rest.startsWith('\n') ? '' : '\n'}${rest}`);
      console.log(`schema check: wrote ${CHANGELOG}`);
    }
  }
  if (unintended.length) {
    console.error(
      `schema check: ${unintended.length} breaking change(s) not marked as intended. If they are, put ${MARKER} in the commit message, or list their paths in ${INTENDED}:\n` +
        unintended.map((c) => `  ${c.path ?? '?'}    (${c.message})`).join('\n'),
    );
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`schema check failed: ${e.message ?? e}`);
  process.exit(2);
});
