/** Comments for a section id or an indicator code the configuration lacks are warnings naming the closest known one. */
import { closest, editDistance, unknownCommentTargets } from '../../../functions/core/pack/comment-targets';
import { configWith } from './pack-fixtures';

const config = configWith([
  {
    id: 'child-protection',
    title: 'Child protection',
    indicators: [
      { code: 'OP388a', title: 'Rate', measure: 'cp_rate' },
      { code: 'HY64', title: 'Repeats', measure: 'cp_repeat_pct' },
    ],
  },
  { id: 'cp-reviews-visits', title: 'Reviews', indicators: [{ code: 'OP380', title: 'R', measure: 'cp_children' }] },
]);

it('measures edit distance case-insensitively', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('op388a', 'OP388a')).toBe(0);
  expect(closest('HY46', ['OP388a', 'HY64', 'OP380'])).toBe('HY64');
});

it('warns for each unknown section id and indicator code, naming the closest, and not for known ones', () => {
  const problems = unknownCommentTargets(
    {
      sections: { 'child-protectoin': { service: 'x' }, 'cp-reviews-visits': { service: 'y' } },
      indicators: { OP388a: 'known', OP388: 'typo', HY46: 'swapped' },
    },
    config,
    'comments/2013-11.json',
  );
  expect(problems.map((p) => [p.kind, p.value])).toEqual([
    ['unknown-comment-section', 'child-protectoin'],
    ['unknown-comment-indicator', 'OP388'],
    ['unknown-comment-indicator', 'HY46'],
  ]);
  expect(problems[0].message).toBe(
    'The comments file has a comment for the section id "child-protectoin", which the pack configuration does not ' +
      'have; it is not shown. Did you mean "child-protection"?',
  );
  expect(problems[1].message).toMatch(/indicator code "OP388".*Did you mean "OP388a"\?$/);
  expect(problems[2].message).toMatch(/Did you mean "HY64"\?$/);
});
