import { CinEpisodesBuilder, referralEpisodes } from '../../../functions/core/extract/cin-episodes';

const episode = (referral: string, person: number) => ({
  referral,
  person,
  start: null,
  close: null,
  nfa: false,
  rc5: false,
});

describe('CIN episodes by referral id', () => {
  it('finds the episode of a referral id, not an id only on rows that were not kept', () => {
    // As the cine_referral_id uniqueness check fills the builder's id table: R0 (row failed validation),
    // R1 (kept), R2 (not kept), R3 (kept), R4 (not kept, after the last kept one).
    const builder = new CinEpisodesBuilder();
    builder.referralIds.ordinal('R0');
    builder.referralIds.ordinal('R1');
    builder.add(episode('R1', 10));
    builder.referralIds.ordinal('R2');
    builder.referralIds.ordinal('R3');
    builder.add(episode('R3', 11));
    builder.referralIds.ordinal('R4');
    const episodes = builder.build();
    expect(episodes.length).toBe(2);
    expect([...referralEpisodes(episodes, ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'])]).toEqual([
      ['R1', 0],
      ['R3', 1],
    ]);
  });

  it('without the check, keeps the last row naming a referral id', () => {
    const builder = new CinEpisodesBuilder();
    builder.add(episode('R1', 10));
    builder.add(episode('R2', 11));
    builder.add(episode('R1', 12));
    expect([...referralEpisodes(builder.build(), ['R1', 'R2'])]).toEqual([
      ['R1', 2],
      ['R2', 1],
    ]);
  });
});
