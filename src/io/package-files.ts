/**
 * Where the package's own files are: `package.json` and the built data under `dist/`. The modules
 * under `src/<folder>/` and `dist/<folder>/` sit two folders below the package root; the bundled CLI
 * (`dist/clean-article.js`) sits one below, and the bundler tells it so.
 */
import fs from 'node:fs';

declare const __BUNDLED__: boolean | undefined;

const PACKAGE_ROOT = new URL(typeof __BUNDLED__ === 'boolean' ? '../' : '../../', import.meta.url);

/** The URL of `relative` (a path inside the package, such as `dist/lexicon.bin`). */
export function packageFile(relative: string): URL {
  return new URL(relative, PACKAGE_ROOT);
}

let tool: { name: string; version: string } | undefined;

/** The package's name and version, from its own `package.json` (read once). */
export function toolVersion(): { name: string; version: string } {
  if (tool === undefined) {
    const pkg = JSON.parse(fs.readFileSync(packageFile('package.json'), 'utf8')) as { name: string; version: string };
    tool = { name: pkg.name, version: pkg.version };
  }
  return tool;
}

/** `clean-article <version>`. */
export function toolName(): string {
  const { name, version } = toolVersion();
  return `${name} ${version}`;
}
