/**
 * The SSDA903 care-leaver code sets as the SSD records them (data-to-insight/ssd-data-model
 * data/objects/ssd_care_leavers.yml, commit 4987c73f5369395fa873397277fb8a66e9aa5243): the
 * SystemC script writes the in-touch CODE but the accommodation, suitability and activity
 * DESCRIPTIONS (procs/ssd_care_leavers.sql: DIM_LOOKUP_IN_TOUCH_CODE_CODE,
 * DIM_LOOKUP_ACCOMMODATION_CODE_DESC, _ACCOMMODATION_SUITABLE_DESC, _MAIN_ACTIVITY_DESC), so
 * each value is read as either. A value that is neither is treated as not recorded.
 */

/** clea_care_leaver_in_touch codes. DIED and RHOM are outside DfE's cohort (LAIT data dictionary). */
export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export type InTouchCode = (typeof IN_TOUCH_CODES)[number];

/** clea_care_leaver_accommodation: code → the start of its description. */
export const ACCOMMODATION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  B: 'With parent(s) or relative(s)',
  C: 'Community home or other form of residential care',
  D: 'Semi-independent, transitional accommodation',
  E: 'Supported lodgings',
  G: 'Gone abroad',
  H: 'Deported',
  K: 'Ordinary lodgings, without formal support',
  R: 'Residence not known',
  S: 'No fixed abode / homeless',
  T: 'Foyers and similar supported accommodation',
  U: 'Independent living',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other accommodation',
  Z: 'With former foster carer(s)',
};

/** Accommodation whose suitability is not usually known: outside the suitable-accommodation denominator (LAIT). */
export const SUITABILITY_UNKNOWN_ACCOMMODATION: readonly string[] = ['G', 'H', 'R'];

/** clea_care_leaver_accom_suitable: 1 suitable, 2 unsuitable. */
export const SUITABILITY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '1': 'Accommodation is considered suitable',
  '2': 'Accommodation is considered unsuitable',
};

/** clea_care_leaver_activity: code → the start of its description; F/P 1–5 are in EET, G4–G6 are not. */
export const ACTIVITY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  F1: 'Young person engaged full time in higher education',
  P1: 'Young person engaged part time in higher education',
  F2: 'Young person engaged full time in education other than higher education',
  P2: 'Young person engaged part time in education other than higher education',
  F3: 'Young person engaged full time in training or employment',
  P3: 'Young person engaged part time in training or employment',
  F4: 'Young person engaged full time in an apprenticeship',
  P4: 'Young person engaged part time in an apprenticeship',
  F5: 'Young person engaged full time in training or employment (not apprenticeship)',
  P5: 'Young person engaged part time in training or employment (not apprenticeship)',
  G4: 'Young person not in education, employment or training because of illness or disability',
  G5: 'Young person not in education, employment or training: other circumstances',
  G6: 'Young person not in education, employment or training due to pregnancy or parenting',
};

const normal = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The code of a value written as its code or as its description (case and spacing aside); null when neither. */
export function codeOf(value: string | null, descriptions: Readonly<Record<string, string>>): string | null {
  if (value === null) return null;
  const text = normal(value);
  const byCode = Object.keys(descriptions).find((code) => code.toLowerCase() === text);
  if (byCode !== undefined) return byCode;
  // The longest description the value begins with: "…training or employment (not apprenticeship)" is F5, not F3.
  let best: string | null = null;
  for (const [code, description] of Object.entries(descriptions))
    if (text.startsWith(normal(description)) && (best === null || description.length > descriptions[best].length))
      best = code;
  return best;
}

export function inTouchCode(value: string | null): InTouchCode | null {
  const text = value === null ? '' : value.trim().toUpperCase();
  return IN_TOUCH_CODES.find((code) => code === text) ?? null;
}

export const isEetActivity = (code: string): boolean => /^[FP][1-5]$/.test(code);
