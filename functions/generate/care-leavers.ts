/**
 * The generator's care leavers: ssd_care_leavers (each young person's latest status) and
 * their ssd_person rows (date of birth; the generator writes no other person). Drawn from a
 * stream of their own, so the earlier families' rows are unchanged.
 *
 * Rates for an authority of 57,600 children aged 0–17. England, former relevant young people
 * aged 19–21 (LAIT, dfe-analytical-services/local-authority-interactive-tool
 * 01_data/02_prod/bds_long_0.parquet at 2e30e3959a6ab8b2d22941b84764da41a40ac91b; its earliest
 * year, 2015/16; DfE's care-leaver cohort began in 2013/14): not in touch 8%, in suitable
 * accommodation 83%, in education, employment or training 49%. The cohort: about 26,000 in
 * England a year, 22.7 per 10,000 children, so about 130 aged 19–21 here, about 43 a year of age.
 */
import { addYears, isoFromDay } from '../core/calendar';
import {
  ACCOMMODATION_DESCRIPTIONS,
  ACTIVITY_DESCRIPTIONS,
  SUITABILITY_DESCRIPTIONS,
} from '../core/extract/care-leaver-codes';
import type { Block } from './block';

const STREAM_SALT = 0xc1ea;
/** Young people per year of age, from 17 to 24 at the reporting month's end. */
const PER_YEAR_OF_AGE = 43;
const YOUNGEST = 17;
const OLDEST = 24;

const IN_TOUCH: ReadonlyArray<readonly [number, string]> = [
  [86, 'YES'],
  [5, 'NO'],
  [3, 'REFU'],
  [3, 'NREQ'],
  [0.5, 'DIED'],
  [2.5, 'RHOM'],
];
const ACCOMMODATION: ReadonlyArray<readonly [number, string]> = [
  [32, 'U'],
  [16, 'D'],
  [15, 'B'],
  [8, 'Z'],
  [6, 'E'],
  [5, 'K'],
  [4, 'T'],
  [2, 'C'],
  [3, 'S'],
  [1, 'W'],
  [1, 'V'],
  [3, 'X'],
  [1, 'G'],
  [3, 'R'],
];
/** Unsuitable by their nature; the rest is judged suitable 19 times in 20. */
const UNSUITABLE = new Set(['S', 'W', 'V', 'X']);
const ACTIVITY: ReadonlyArray<readonly [number, string]> = [
  [6, 'F1'],
  [1, 'P1'],
  [12, 'F2'],
  [3, 'P2'],
  [4, 'F4'],
  [0.5, 'P4'],
  [18, 'F5'],
  [5, 'P5'],
  [10, 'G4'],
  [30, 'G5'],
  [10.5, 'G6'],
];

export function careLeaverFamily(block: Block): void {
  const random = block.stream(STREAM_SALT);
  // The SSD layouts write the accommodation, suitability and activity as descriptions (as SystemC does).
  const asWritten = (code: string, descriptions: Readonly<Record<string, string>>): string =>
    block.out.layout === 'spec' ? code : descriptions[code];
  const count = PER_YEAR_OF_AGE * (OLDEST - YOUNGEST + 1);
  for (let i = 0; i < count; i++) {
    const birth = random.int(addYears(block.end, -(OLDEST + 1)) + 1, addYears(block.end, -YOUNGEST));
    const person = block.newPerson();
    const inTouch = random.weighted(IN_TOUCH);
    const accommodation = random.weighted(ACCOMMODATION);
    const known = !['G', 'H', 'R'].includes(accommodation);
    const suitable = known ? (UNSUITABLE.has(accommodation) || random.chance(0.05) ? '2' : '1') : '';
    block.out.add('ssd_person', { pers_person_id: person, pers_dob: isoFromDay(birth) });
    block.out.add('ssd_care_leavers', {
      clea_table_id: block.newId('CLEA'),
      clea_person_id: person,
      clea_care_leaver_eligibility: random.chance(0.95) ? 'Former Relevant' : 'No Current Eligibility',
      clea_care_leaver_in_touch: inTouch,
      clea_care_leaver_latest_contact: inTouch === 'YES' ? isoFromDay(block.end - random.int(0, 60)) : '',
      clea_care_leaver_accommodation: asWritten(accommodation, ACCOMMODATION_DESCRIPTIONS),
      clea_care_leaver_accom_suitable: suitable === '' ? '' : asWritten(suitable, SUITABILITY_DESCRIPTIONS),
      clea_care_leaver_activity: asWritten(random.weighted(ACTIVITY), ACTIVITY_DESCRIPTIONS),
    });
  }
}
