/** Correct text comes out unchanged: the whole pipeline, on sentences with every known trap. */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/index.js';
import { evidence } from './helpers.js';

const SENTENCES = [
  ['in to', 'He turned himself in to police on Monday.'],
  ['a lot', 'It rained a lot last week.'],
  ['well-known', 'She is a well-known author.'],
  ['U.S.-led', 'The U.S.-led coalition met again.'],
  ['Jeff', 'Jeff Smith spoke first.'],
  ['staff', 'The staff voted on Friday.'],
  ['offline', 'The system went offline at noon.'],
  ['affluent', 'It is an affluent suburb.'],
  ['Affleck', 'Ben Affleck attended the event.'],
  ['score', 'The home team won 9-2 on Sunday.'],
  ['money compound', 'The $4.2-million grant was approved.'],
  ['e-mail', 'Send an e-mail to the clerk.'],
  ['URL', 'Details are at https://example.com/staff-offices/fifty-fifty?id=3 today.'],
  ['e-mail address', 'Write to jane.o’neill@example.org for details.'],
  ['name no dictionary has', 'Councillor Oyelaran-Whitcombe and Mr. Szczepański agreed.'],
  ['air base', 'An air base near the city closed.'],
  ['may be', 'The vote may be delayed.'],
  ['every one', 'Every one of them agreed.'],
  ['suspended hyphen', 'Pre- and post-war housing differ.'],
  ['decimal and ellipsis', 'Prices rose 0.5 percent ... then fell.'],
  ['time', 'The meeting starts at 7:30 p.m. sharp.'],
  ['co-founder', 'She was a co-founder of the group.'],
  ['curly quotes', '“It’s done,” she said. ‘Fine.’'],
  ['accents', 'The café in São Paulo served crème brûlée.'],
  ['initials', 'J.R.R. Tolkien and U.S. Sen. John Doe met.'],
  ['list line', 'Votes: 12 for, 3 against.'],
];

describe('the pipeline leaves correct text alone', () => {
  it.each(SENTENCES)('%s', (_name, sentence) => {
    const { text, steps } = runPipeline(sentence, { evidence });
    expect(text).toBe(sentence);
    expect(steps.flatMap((s) => s.edits)).toEqual([]);
  });
});
