/**
 * The front-door family of the DuckDB baseline: contacts, continuous assessments and section 47
 * enquiries (referrals are ssd_cin_episodes and conferences ssd_initial_cp_conference, loaded by
 * child-protection.ts), with the working tables its measures read, written from
 * docs/EXTRACT-SSD.md ("Front door") and docs/MEASURES.md, not from the pipeline's code.
 */
import type { SqlFamily } from './sql-common';

const TABLES: SqlFamily['tables'] = {
  ssd_contacts: [
    { name: 'cont_contact_id', kind: 'text' },
    { name: 'cont_contact_date', kind: 'date' },
  ],
  ssd_cin_assessments: [
    { name: 'cina_assessment_id', kind: 'text' },
    { name: 'cina_assessment_start_date', kind: 'date' },
    { name: 'cina_assessment_auth_date', kind: 'date' },
  ],
  ssd_s47_enquiry: [
    { name: 's47e_s47_enquiry_id', kind: 'text' },
    { name: 's47e_person_id', kind: 'text' },
    { name: 's47e_s47_start_date', kind: 'date' },
  ],
};

/**
 * referrals: every dated CIN episode. assessments_done: authorised on or after their start.
 * enquiry_conferences: held conferences, not transfers in, not of another authority's plan, with
 * the start of the one enquiry they name (by id, and by child where the conference names one),
 * held on or after it.
 */
function prepareSql(): string {
  return `
CREATE OR REPLACE TABLE referrals AS
  SELECT cine_person_id AS person, cine_referral_date AS referral_date, cine_close_date AS close_date,
         coalesce(cine_referral_nfa, false) AS nfa
  FROM ssd_cin_episodes WHERE cine_referral_date IS NOT NULL;
CREATE OR REPLACE TABLE assessments_done AS
  SELECT cina_assessment_start_date AS start_date, cina_assessment_auth_date AS done_date FROM ssd_cin_assessments
  WHERE cina_assessment_start_date IS NOT NULL AND cina_assessment_auth_date >= cina_assessment_start_date;
CREATE OR REPLACE TABLE enquiry_conferences AS
  WITH candidates AS (
    SELECT c.rowid AS conference, c.icpc_icpc_date AS held, s.s47e_s47_start_date AS s47_start
    FROM ssd_initial_cp_conference c JOIN ssd_s47_enquiry s
      ON s.s47e_s47_enquiry_id = c.icpc_s47_enquiry_id
     AND (c.icpc_person_id IS NULL OR s.s47e_person_id = c.icpc_person_id)
    WHERE c.icpc_icpc_date IS NOT NULL AND NOT coalesce(c.icpc_icpc_transfer_in, false)
      AND (c.icpc_cp_plan_id IS NULL OR c.icpc_cp_plan_id NOT IN (SELECT id FROM cp_all WHERE ola)))
  SELECT any_value(held) AS held, any_value(s47_start) AS s47_start FROM candidates
  GROUP BY conference
  HAVING count(*) = 1 AND any_value(s47_start) IS NOT NULL AND any_value(held) >= any_value(s47_start);
`;
}

export const FRONT_DOOR: SqlFamily = { tables: TABLES, prepare: prepareSql };
