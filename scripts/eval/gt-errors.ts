/**
 * Edits on ground truth that were checked by hand and found to repair an error of the ground truth
 * itself, not to damage correct text. The do-no-harm section reports them beside the raw count, never
 * instead of it. An entry names the document and text the edit replaced (as `--verbose` shows it, line
 * breaks as `⏎`), and says why the ground truth is wrong there; an entry that no longer matches
 * an edit is reported, so the list cannot go stale silently.
 */
export interface GtError {
  corpus: string;
  doc: string;
  /** Text inside what the edit replaced (widened to whole tokens), line breaks written `⏎`. */
  before: string;
  why: string;
}

export const GT_ERRORS: readonly GtError[] = [
  {
    corpus: 'overproof train',
    doc: '16920000',
    before: 'Marrick⏎ville',
    why: 'the Sydney suburb is one word; the transcription dropped the line-end hyphen',
  },
  {
    corpus: 'overproof train',
    doc: '18235000',
    before: 'Austra⏎lian',
    why: 'one word cut at a line end; the transcription dropped the hyphen',
  },
  {
    corpus: 'impresso-en train',
    doc: 'MRHD-1832-02-03-a-p0003_par38',
    before: 'else⏎where,',
    why: 'one word cut at a line end; the transcription dropped the hyphen',
  },
  {
    corpus: 'icdar2017 pairs',
    doc: '2',
    before: 'Tuile ries.',
    why: 'the same page writes "Tuileries" whole; the transcription kept a line-end split without its hyphen',
  },
  {
    corpus: 'icdar2017 pairs',
    doc: '2',
    before: 'ex pected',
    why: 'the same page writes "expected" whole; the transcription kept a line-end split without its hyphen',
  },
];
