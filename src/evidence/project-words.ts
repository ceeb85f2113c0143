/**
 * Words the dictionary (SCOWL size 70) lacks but news text uses, lowercase. Kept short on purpose:
 * every entry becomes a candidate that repairs may produce. Users add their own with `--words FILE`.
 */
export const PROJECT_WORDS: readonly string[] = [
  // Modern vocabulary newer than the word list.
  'offline',
  'online',
  'email',
  'emails',
  'website',
  'websites',
  'smartphone',
  'smartphones',
  'livestream',
  'cyberattack',
  'cyberattacks',
  'airstrike',
  'airstrikes',
  'coronavirus',
  'covid',
  'lockdown',
  'lockdowns',
  // Names in the news that are commonly damaged by ligature or split-word artifacts.
  'daesh',
  'isil',
  'isis',
  'latakia',
  'hezbollah',
  'taliban',
  'qaeda',
  // Latin words of phrases English writes open (`post mortem`, `de facto`, `bona fide`, `ad hoc`): not
  // in the word list, so without them a split-word join would close the phrase.
  'mortem',
  'facto',
  'fide',
  'hoc',
  'facie',
  'officio',
  'situ',
  'infinitum',
];
