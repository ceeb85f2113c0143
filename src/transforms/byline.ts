/**
 * byline: write the byline as `By <name>`.
 *
 * Among the first blocks of the text, the one that names the author (`- By Qassim Abdul-Zahra`,
 * `BY NADIA HADDAD`, `By Tom Reyes, Staff Writer`, `Samuel Okafor, Staff Writer`, or a name over a role
 * line) becomes `By` and the name: a leading dash or bullet goes, a name in capitals is title-cased,
 * and a role after the name goes. The text format writes the article as the text holds it, so this is
 * where the byline's form changes, and `--explain` lists it.
 *
 * A role line under the name stays as it is (`By SARAH KIM` / `Staff Writer` -> `By Sarah Kim` /
 * `Staff Writer`), and a byline set with a full stop (`By W. S. JEWETT.`, a historic paper's) is left
 * as printed: rewriting it would drop its full stop.
 *
 * False positives avoided: a sentence that starts with "By" (`By the end of the day, ...`), a byline
 * below the first five blocks, a block of more lines than a name and a role (`src/core/byline.ts`).
 * Example: `- By QASSIM ABDUL-ZAHRA\n\nThe story.` -> `By Qassim Abdul-Zahra\n\nThe story.`
 */
import { bylineLine, findByline } from '../core/byline.js';
import { blocksOf } from '../core/lines.js';
import { defineTransform } from './define.js';

export const byline = defineTransform({
  id: 'byline',
  description: 'Write the byline as "By <name>" (- By QASSIM ABDUL-ZAHRA -> By Qassim Abdul-Zahra)',
  example: { before: '- By QASSIM ABDUL-ZAHRA\n\nThe story.', after: 'By Qassim Abdul-Zahra\n\nThe story.' },
  defaults: {},
  stage: 'layout',
  rules: ['by-name'],
  run({ text, recorder }) {
    const blocks = blocksOf(text);
    const found = findByline(blocks.map((b) => b.text));
    if (found === undefined) return;
    const block = blocks[found.index]!;
    // A role line under the name (`Staff Writer`) stays: only the name's line is written anew.
    const line = block.text.split('\n')[0]!.trimEnd();
    // A byline set with a full stop (`By W. S. JEWETT.`, as historic papers print them) is written as
    // it stands: `By` and a name are there, and its capitals and full stop are the paper's.
    if (/^By\s.*[^.\s]\.$/.test(line) && !/[,|—–]/.test(line)) return;
    const written = bylineLine(found.name);
    if (written === line) return;
    recorder.replace(block.start, line, written, 'by-name', 'a byline is written "By" and the name');
  },
});
