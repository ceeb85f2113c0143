/** What package.json promises about installing: no install script needs a decision, engines fit ESM. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASKS_PER_WORKER } from '../src/run/pool.js';
import { repo } from './run.js';

const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
  files: string[];
};
const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');

describe('package.json', () => {
  it('records a decision for every dependency with an install script (npm allowScripts)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });

  it('ships no script that would run when the package is installed', () => {
    // prepare runs for tarball and git installs, and needs the dev dependencies; prepack builds instead.
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts).not.toHaveProperty(hook);
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.files).toContain('dist');
  });

  it('asks for a Node.js that can require() an ES module (20.19)', () => {
    const [major, minor] = /^>=(\d+)\.(\d+)/.exec(pkg.engines.node)!.slice(1).map(Number);
    expect(major! > 20 || (major === 20 && minor! >= 19)).toBe(true);
    expect(readme).toContain(`Node.js ${major}.${minor} or later`);
  });
});

describe('README facts', () => {
  it('names the size of the word index as built', () => {
    const size = fs.statSync(path.join(repo, 'dist', 'lexicon.bin')).size;
    const mb = (size / 1e6).toFixed(1);
    expect(readme).toContain(`into one ${mb} MB binary`);
  });

  it('names the tasks a worker holds', () => {
    expect(readme).toContain(`holds up to ${TASKS_PER_WORKER} tasks at a time`);
  });
});
