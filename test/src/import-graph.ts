/**
 * The repository's import graph, read the way the compiler reads it: for every workspace, each
 * TypeScript file's imports (`import`, `import type`, `export … from`, `import()`, `require('…')`),
 * relative ones resolved to files, bare ones to the package they name. Two checks use it:
 * - no import cycle between source files (a cycle is named file by file);
 * - every package a workspace's code imports is declared in its package.json, and no file reaches
 *   into another workspace by a relative path.
 *
 * Built on TypeScript's own scanner (`ts.preProcessFile`): the dependency the build already has, the
 * same reading of an import the build makes, and one pass gives both the file edges and the package
 * names. A graph library (madge, dpdm) would add a dependency tree of its own and still leave the
 * package.json check to be written here.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface Workspace {
  /** folder relative to the root, e.g. services/personnel */
  readonly folder: string;
  readonly name: string;
  readonly dependencies: ReadonlySet<string>;
  readonly devDependencies: ReadonlySet<string>;
}

export interface SourceFile {
  /** path relative to the root */
  readonly file: string;
  readonly workspace: Workspace;
  /** under the workspace's src/ (shipped code), or elsewhere in it (tests, benches, scripts) */
  readonly shipped: boolean;
  /** files of the repository this one imports (relative imports, resolved) */
  readonly imports: readonly string[];
  /** packages this one imports, by package name */
  readonly packages: readonly string[];
  /** relative imports that resolve to no TypeScript file (JSON, a missing file) */
  readonly unresolved: readonly string[];
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '__generated__', 'fixtures']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The workspaces the root package.json lists (folder globs of the form `dir/*` or `dir`). */
export function readWorkspaces(root: string): Workspace[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const folders = (pkg.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return fs
      .readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${parent}/${d.name}`);
  });
  return folders
    .filter((folder) => fs.existsSync(path.join(root, folder, 'package.json')))
    .map((folder) => {
      const p = JSON.parse(fs.readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      return { folder, name: p.name, dependencies: new Set(Object.keys(p.dependencies ?? {})), devDependencies: new Set(Object.keys(p.devDependencies ?? {})) };
    });
}

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return SKIP_DIRS.has(d.name) ? [] : tsFiles(full);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `lodash/fp` → lodash, `@scope/pkg/sub` → @scope/pkg */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => /\.tsx?$/.test(c) && fs.existsSync(c) && fs.statSync(c).isFile());
}

/** Every TypeScript file of every workspace with what it imports. */
export function readSourceFiles(root: string, workspaces = readWorkspaces(root)): SourceFile[] {
  const out: SourceFile[] = [];
  for (const workspace of workspaces) {
    const dir = path.join(root, workspace.folder);
    for (const full of tsFiles(dir)) {
      const info = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, true);
      const imports: string[] = [];
      const packages = new Set<string>();
      const unresolved: string[] = [];
      for (const { fileName: spec } of info.importedFiles) {
        if (spec.startsWith('.') || spec.startsWith('/')) {
          const target = resolveRelative(full, spec);
          if (target) imports.push(path.relative(root, target));
          else unresolved.push(spec);
        } else if (!BUILTINS.has(spec) && !BUILTINS.has(packageOf(spec))) {
          packages.add(packageOf(spec));
        }
      }
      const rel = path.relative(dir, full);
      out.push({ file: path.relative(root, full), workspace, shipped: rel.startsWith(`src${path.sep}`), imports, packages: [...packages].sort(), unresolved });
    }
  }
  return out;
}

/**
 * The import cycles among `files`, each as the files in import order, the first again at the end.
 * Knots (strongly connected components, Tarjan) are found first; then shortest cycles are named
 * until every file of a knot is in one, so a report names every file that has to change.
 */
export function importCycles(files: readonly SourceFile[]): string[][] {
  const edges = new Map(files.map((f) => [f.file, f.imports.filter((i) => i !== f.file)]));
  const self = files.filter((f) => f.imports.includes(f.file)).map((f) => [f.file, f.file]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // iterative Tarjan: the graph of a monorepo is deep enough to make recursion a risk
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const out = edges.get(top.node) ?? [];
      if (top.next < out.length) {
        const to = out[top.next++];
        if (!edges.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        if (component.length > 1) components.push(component);
      }
    }
  }
  // a knot may hold several cycles: name shortest ones until every file of it is in one
  const cycles = components.flatMap((component) => {
    const inside = new Set(component);
    const named = new Set<string>();
    const out: string[][] = [];
    for (const first of [...component].sort()) {
      if (named.has(first)) continue;
      const cycle = shortestCycle(first, edges, inside);
      cycle.forEach((n) => named.add(n));
      out.push(cycle);
    }
    return out;
  });
  return [...self, ...cycles].sort((a, b) => a[0].localeCompare(b[0]));
}

/** The shortest path from `first` back to itself through `inside` (breadth-first). */
function shortestCycle(first: string, edges: ReadonlyMap<string, readonly string[]>, inside: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [first];
  while (queue.length && !previous.has(first)) {
    const n = queue.shift()!;
    for (const to of edges.get(n) ?? []) {
      if (!inside.has(to) || previous.has(to)) continue;
      previous.set(to, n);
      queue.push(to);
    }
  }
  const cycle = [first];
  for (let n = previous.get(first)!; n !== first; n = previous.get(n)!) cycle.unshift(n);
  cycle.unshift(first);
  return cycle;
}

export interface DeclarationProblem {
  readonly file: string;
  readonly problem: string;
}

/**
 * What a workspace's code imports and its package.json does not say: a package its shipped code
 * (src/) imports must be a dependency; one its tests, benches or scripts import, a dependency or a
 * devDependency. A relative import may not leave the workspace (use the other package's name).
 */
export function declarationProblems(root: string, files: readonly SourceFile[]): DeclarationProblem[] {
  const problems: DeclarationProblem[] = [];
  for (const f of files) {
    const w = f.workspace;
    for (const pkg of f.packages) {
      if (pkg === w.name) continue;
      if (w.dependencies.has(pkg)) continue;
      if (w.devDependencies.has(pkg)) {
        if (f.shipped) problems.push({ file: f.file, problem: `imports ${pkg}, which ${w.folder}/package.json lists only under devDependencies: src/ code needs it in dependencies` });
        continue;
      }
      problems.push({ file: f.file, problem: `imports ${pkg}, which ${w.folder}/package.json does not declare` });
    }
    const home = path.join(root, w.folder) + path.sep;
    for (const target of f.imports) {
      if (!path.join(root, target).startsWith(home)) problems.push({ file: f.file, problem: `imports ${target} by a relative path, outside ${w.folder}: import its package instead` });
    }
  }
  return problems;
}
