import fc from 'fast-check';
import { detached, IdStrings } from '../../../functions/core/extract/id-strings';

describe('id strings', () => {
  it('a detached copy and a stored id equal the text they were made from, whatever its characters', () => {
    const ids = new IdStrings();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(20), (text, cut) => {
        // long enough to be a slice of its parent
        const slice = `${text}${'x'.repeat(30)}`.slice(cut % (text.length + 1));
        expect(detached(slice)).toBe(slice);
        expect(ids.own(slice)).toBe(slice);
        expect(ids.own(slice)).toBe(slice); // the second time, from the store
      }),
      { numRuns: 500 },
    );
  });
});
