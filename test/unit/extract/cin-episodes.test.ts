import { CinEpisodesBuilder, NO_EPISODE } from '../../../functions/core/extract/cin-episodes';

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
    const ids = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'];
    expect(ids.map((id) => builder.episodeOf(id))).toEqual([NO_EPISODE, 0, NO_EPISODE, 1, NO_EPISODE, NO_EPISODE]);
    const episodes = builder.build();
    expect(episodes.length).toBe(2);
    // The ids are let go when the episodes are built (only the plans' are looked up, before).
    expect(builder.episodeOf('R1')).toBe(NO_EPISODE);
    expect(builder.referralIds.size).toBe(0);
  });

  it('without the check, keeps the last row naming a referral id', () => {
    const builder = new CinEpisodesBuilder();
    builder.add(episode('R1', 10));
    builder.add(episode('R2', 11));
    builder.add(episode('R1', 12));
    expect([builder.episodeOf('R1'), builder.episodeOf('R2')]).toEqual([2, 1]);
  });
});
