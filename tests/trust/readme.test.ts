import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/main.js';
import { generateReadme, README } from '../../scripts/docs.js';

const readme = fs.readFileSync(README, 'utf8');

describe('README', () => {
  it('is up to date with the code (run `npm run docs` if this fails)', async () => {
    // Trailing spaces (a diff's context line for an empty line) may be trimmed by editors.
    const trim = (s: string) => s.replace(/[ \t]+$/gm, '');
    expect(trim(await generateReadme(readme))).toBe(trim(readme));
  });

  it('documents every command-line option', () => {
    const program = createProgram(
      { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
      async () => {},
    );
    for (const option of program.options) {
      const name = option.long ?? option.short!;
      const documented = new RegExp(`\`[^\`\\n]*${name}(?![\\w-])`);
      expect(readme, `${name} is not in README.md`).toMatch(documented);
    }
  });
});
