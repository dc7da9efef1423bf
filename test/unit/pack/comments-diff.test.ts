/** Which comments a reply changed, as the revised preview lists them (worked by hand from two files). */
import { changedComments } from '../../../functions/core/pack/comments-diff';

describe('changedComments', () => {
  it('names each added, changed and removed comment, ignoring whitespace-only edits', () => {
    const before = {
      sections: { 'child-protection': { performance: 'Plans fell.', service: 'Two staff left.' } },
      indicators: { OP380: 'Visits on time.', OP381: 'Same  as before.' },
    };
    const after = {
      sections: { 'child-protection': { performance: 'Plans fell sharply.' } },
      indicators: { OP380: 'Visits on time.', OP381: 'Same as before.', HY64: 'New comment.' },
    };
    expect(changedComments(before, after)).toEqual([
      'section child-protection, performance comment: changed',
      'HY64 comment: added',
      'section child-protection, service comment: removed',
    ]);
  });

  it('counts every comment as added when there was no file, and nothing when the same', () => {
    expect(changedComments(null, { indicators: { OP380: 'x' } })).toEqual(['OP380 comment: added']);
    expect(changedComments({ indicators: { OP380: 'x' } }, { indicators: { OP380: ' x ' } })).toEqual([]);
  });
});
