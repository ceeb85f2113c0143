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
];
