import { RecipientNotAllowedError } from '../../../functions/core/errors';
import { assertRecipientsAllowed, batchRecipients } from '../../../functions/run/recipients';

const addresses = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@haringey.example`);

describe('batching recipients', () => {
  test('120 recipients (100 to, 20 cc) go in three messages of 50, 50 and 20, in order', () => {
    const to = addresses('to', 100);
    const cc = addresses('cc', 20);
    const batches = batchRecipients(to, cc);
    expect(batches.map((b) => b.to.length + b.cc.length)).toEqual([50, 50, 20]);
    expect(batches[0].to).toEqual(to.slice(0, 50));
    expect(batches[1].to).toEqual(to.slice(50, 100));
    expect(batches[2]).toEqual({ index: 2, to: [], cc });
  });

  test('a batch can hold both roles; a repeated address (any case) is sent to once', () => {
    const batches = batchRecipients(['a@x.example', 'b@x.example'], ['A@X.example', 'c@x.example'], 2);
    expect(batches).toEqual([
      { index: 0, to: ['a@x.example', 'b@x.example'], cc: [] },
      { index: 1, to: [], cc: ['c@x.example'] },
    ]);
  });

  test('exactly 50 is one message; none is no message', () => {
    expect(batchRecipients(addresses('t', 50), [])).toHaveLength(1);
    expect(batchRecipients([], [])).toEqual([]);
  });
});

describe('allowed domains', () => {
  test('every address outside is named and nothing passes', () => {
    const check = (): void =>
      assertRecipientsAllowed(
        ['a@haringey.example', 'b@gmail.example', 'c@haringey.example.evil.example'],
        ['haringey.example'],
        'previewTo',
      );
    expect(check).toThrow(RecipientNotAllowedError);
    expect(check).toThrow(
      /b@gmail\.example, c@haringey\.example\.evil\.example in previewTo are outside the allowed domains \(haringey\.example\)/,
    );
  });

  test('addresses inside pass, whatever their case', () => {
    expect(() => assertRecipientsAllowed(['A@Haringey.Example'], ['haringey.example'], 'to')).not.toThrow();
  });
});
