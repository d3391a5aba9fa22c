/**
 * The schema check of CI (scripts/schema-check.js) on a throwaway repository: a breaking change of
 * schema/api.graphql fails unless a commit marks it [breaking-schema] or schema/intended-changes.txt
 * lists it; a compatible change passes; the changes are written to schema/CHANGELOG.md; a clone
 * whose only commit is HEAD passes with nothing to compare.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/schema-check.js');
const V1 = 'type Query {\n  teachers(first: Int): [Teacher!]!\n}\n\ntype Teacher {\n  id: ID!\n  name: String!\n  school: String\n}\n';

describe('the schema check', () => {
  let dir: string;
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@local', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const check = (...args: string[]) => {
    const r = spawnSync(process.execPath, [SCRIPT, '--root', dir, ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-schema-check-'));
    git('init', '-q');
    write('schema/api.graphql', V1);
    git('add', '-A');
    git('commit', '-qm', 'first');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes on a repository whose only commit is HEAD', () => {
    expect(check()).toMatchObject({ code: 0, out: 'schema check: schema/api.graphql has no change to check\n' });
  });

  it('fails on a field removed in the working tree, naming it and the way to mark it intended', () => {
    write('schema/api.graphql', V1.replace('  school: String\n', ''));
    const r = check();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/against HEAD \(uncommitted change\): 1 change\(s\), 1 breaking/);
    expect(r.err).toContain('1 breaking change(s) not marked as intended');
    expect(r.err).toContain('Teacher.school');
    expect(r.err).toContain('[breaking-schema]');
  });

  it('fails on a breaking commit, and passes the same change committed with the marker or listed as intended', () => {
    write('schema/api.graphql', V1.replace('teachers(first: Int)', 'teachers(first: Int!)'));
    git('commit', '-qam', 'first is required now');
    const r = check();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/against HEAD\^/);
    expect(r.err).toContain('Query.teachers.first');

    git('commit', '-q', '--amend', '-m', 'first is required now [breaking-schema]');
    expect(check().code).toBe(0);

    git('commit', '-q', '--amend', '-m', 'first is required now');
    write('schema/intended-changes.txt', '# agreed with the console team\nQuery.teachers.first\n');
    expect(check().code).toBe(0);
  });

  it('passes a compatible change and lists every change in schema/CHANGELOG.md, once', () => {
    write('schema/api.graphql', V1.replace('  school: String\n', '  school: String\n  birthYear: Int\n'));
    const r = check('--changelog', '--date', '2026-12-03');
    expect(r.code).toBe(0);
    expect(r.out).toContain("safe                 Field 'birthYear' was added to object type 'Teacher'");
    const log = fs.readFileSync(path.join(dir, 'schema/CHANGELOG.md'), 'utf8');
    expect(log).toMatch(/^# API schema changes\n/);
    expect(log).toMatch(/## 2026-12-03 <!-- schema [0-9a-f]{12} -->\n\n### Added or safe\n\n- Field 'birthYear' was added to object type 'Teacher'\n/);
    check('--changelog', '--date', '2026-12-04');
    expect(fs.readFileSync(path.join(dir, 'schema/CHANGELOG.md'), 'utf8')).toBe(log);
  });
});
