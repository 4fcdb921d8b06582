-- SPDX-FileCopyrightText: 2026 Refund Guard contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Roles for a shared Refund Guard audit store on PostgreSQL.
-- 1. As the database owner, create the schema once:
--      refundguard-cli audit init --db postgresql://OWNER:PASS@HOST:5432/DB
-- 2. As the same owner, run this file:  psql "postgresql://OWNER@HOST/DB" -f roles.sql
-- 3. Give each person a login in one of the two groups, e.g.
--      CREATE ROLE agent_alice LOGIN PASSWORD '...' IN ROLE refundguard_agent;
--      CREATE ROLE sup_bob LOGIN PASSWORD '...' IN ROLE refundguard_supervisor;
-- Agents may only add records to the log, to their own chain: no SELECT, UPDATE, DELETE or
-- TRUNCATE. They learn where their chain ends through audit_chain_head(). Supervisors read everything and may
-- add dispositions (and their own session records and checkpoints), never change anything; the
-- review's override table needs a supervisor's login.
-- The tables' triggers refuse UPDATE, DELETE and TRUNCATE even to the owner. Safe to run again.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'refundguard_agent') THEN
    CREATE ROLE refundguard_agent NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'refundguard_supervisor') THEN
    CREATE ROLE refundguard_supervisor NOLOGIN;
  END IF;
END
$$;

REVOKE ALL ON audit_records, audit_checkpoints, audit_meta, audit_chain_owners FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_chain_head(text), audit_owns_chain(text), audit_claim_chain(text)
  FROM PUBLIC;

GRANT SELECT ON audit_meta TO refundguard_agent, refundguard_supervisor;
GRANT EXECUTE ON FUNCTION audit_chain_head(text), audit_owns_chain(text), audit_claim_chain(text)
  TO refundguard_agent, refundguard_supervisor;
GRANT SELECT ON audit_chain_owners TO refundguard_supervisor;
-- audit_records' generated columns (the supervisor's override table reads them) call these on
-- every insert: granted outright, so a server that revokes PUBLIC's EXECUTE keeps appending.
GRANT EXECUTE ON FUNCTION audit_json_number(jsonb), audit_override_field(jsonb, text[]),
  audit_override_amount(jsonb), audit_override_risk_score(jsonb), audit_override_risk_level(jsonb),
  audit_override_risk_key(jsonb), audit_override_policies(jsonb), audit_override_cues(jsonb),
  audit_override_text(jsonb), audit_disposition_name(jsonb), audit_disposition_seq(jsonb),
  audit_disposition_chain(jsonb, text)
  TO refundguard_agent, refundguard_supervisor;

GRANT INSERT ON audit_records, audit_checkpoints TO refundguard_agent;

GRANT SELECT, INSERT ON audit_records, audit_checkpoints TO refundguard_supervisor;

-- Which kinds each group may add, and only to chains it owns: a chain belongs to the login
-- that wrote its first record (audit_claim_chain). The owner is not subject to these policies.
ALTER TABLE audit_records ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS agent_adds_own_work ON audit_records;
CREATE POLICY agent_adds_own_work ON audit_records FOR INSERT TO refundguard_agent
  WITH CHECK (kind IN ('override', 'escalation', 'verdict', 'session_start', 'session_end')
              AND audit_owns_chain(chain_id));
DROP POLICY IF EXISTS supervisor_reads ON audit_records;
CREATE POLICY supervisor_reads ON audit_records FOR SELECT TO refundguard_supervisor
  USING (true);
DROP POLICY IF EXISTS supervisor_adds_dispositions ON audit_records;
CREATE POLICY supervisor_adds_dispositions ON audit_records FOR INSERT TO refundguard_supervisor
  WITH CHECK (kind IN ('disposition', 'session_start', 'session_end')
              AND audit_owns_chain(chain_id));

ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS signs_own_chain ON audit_checkpoints;
CREATE POLICY signs_own_chain ON audit_checkpoints FOR INSERT
  TO refundguard_agent, refundguard_supervisor WITH CHECK (audit_owns_chain(chain_id));
DROP POLICY IF EXISTS supervisor_reads_checkpoints ON audit_checkpoints;
CREATE POLICY supervisor_reads_checkpoints ON audit_checkpoints FOR SELECT
  TO refundguard_supervisor USING (true);
