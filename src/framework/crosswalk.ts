import type { FrameworkChange } from './types.js';

/** Paper §3.7: where a 2018 QI replaces or retitles a QI of the 2014 framework. */
export const changesFrom2014: readonly FrameworkChange[] = [
  { qi: '1.1', previousId: '1.1', previousTitle: 'Improvements in the wellbeing of children and young people' },
  { qi: '5.1', previousId: '5.1', previousTitle: 'Provide help and support at an early stage' },
  { qi: '5.2', previousId: '5.2', previousTitle: 'Assessing and responding to risk and need' },
  { qi: '5.3', previousId: '5.3', previousTitle: 'Planning for individual children' },
  {
    qi: '6.5',
    previousId: '8.3',
    previousTitle: 'Securing improvement through self-evaluation',
    note: 'Moved from area 8 (Partnership and resources) to area 6 (Policy, service development and planning).',
  },
  { qi: '9.3', previousId: '9.3', previousTitle: 'Leadership of People' },
];
