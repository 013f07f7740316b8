import type { Generated } from 'kysely';

/**
 * The server's tables as Kysely sees them. Portable across SQLite and PostgreSQL:
 * times are ISO 8601 text (sortable, zone-free), flags are 0/1 integers, JSON is text.
 */
export interface Database {
  organisations: {
    id: string;
    name: string;
    /** Days an acknowledged response is kept before deletion; null keeps it. */
    retention_days: number | null;
    created_at: string;
    /** Report cells built from fewer responses than this are hidden (at least 5). */
    min_cell_size: Generated<number>;
  };
  facilities: {
    id: string;
    organisation_id: string;
    name: string;
    /** IANA zone: reporting periods follow it. */
    time_zone: string;
    created_at: string;
  };
  enrollment_codes: {
    code_hash: string;
    facility_id: string;
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  /** A tablet's registration: its token authenticates requests, its secret MACs responses. */
  enrollments: {
    id: string;
    facility_id: string;
    name: string;
    token_hash: string;
    secret: string;
    created_at: string;
    revoked_at: string | null;
    last_seen_at: string | null;
  };
  survey_versions: {
    organisation_id: string;
    survey_id: string;
    version: number;
    definition: string;
    published_at: string;
  };
  responses: {
    id: string;
    organisation_id: string;
    facility_id: string;
    enrollment_id: string | null;
    survey_id: string;
    survey_version: number;
    language: string;
    status: string;
    source: string;
    mode: string;
    started_at: string;
    completed_at: string | null;
    received_at: string;
    /** The time reports use: the device's, unless its clock was implausible. */
    reported_at: string;
    clock_flagged: number;
    answers: string;
    assistance: string | null;
    content_hash: string;
    meta: string | null;
  };
  /** Counts for reports, updated in the same transaction as the responses they count. */
  rollup_counts: {
    survey_id: string;
    survey_version: number;
    facility_id: string;
    /** Local date in the facility's time zone, YYYY-MM-DD. */
    period_day: string;
    question_id: string;
    answer_value: string;
    count: number;
  };
  quarantine: {
    id: string;
    response_id: string | null;
    enrollment_id: string | null;
    received_at: string;
    reason: string;
    payload: string;
  };
  staff: {
    id: string;
    organisation_id: string;
    email: string;
    /** scrypt, with its salt and parameters (hashPassword.ts). */
    password_hash: string;
    role: string;
    created_at: string;
    disabled_at: string | null;
    /** Wrong passwords in a row; reset by a good one. */
    failed_logins: Generated<number>;
    /** Set after too many wrong passwords: sign-in is refused until then. */
    locked_until: string | null;
  };
  /** A signed-in staff member: the cookie holds the token, the table its hash. */
  staff_sessions: {
    token_hash: string;
    staff_id: string;
    /** Sent back in X-CSRF-Token on every state change. */
    csrf_token: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  };
  /** Residents staff counted for a facility and period: the base of the participation rate. */
  resident_counts: {
    facility_id: string;
    /** "2026-Q3" */
    period: string;
    residents: number;
    updated_at: string;
    updated_by: string | null;
  };
  /** Target share satisfied per indicator, in percent; absent means the default (60). */
  indicator_targets: {
    organisation_id: string;
    survey_id: string;
    question_id: string;
    target_percent: number;
  };
  /** Staff's tag on a free-text answer (IND practice); the id is opaque (see src/server/reports). */
  comment_tags: {
    comment_id: string;
    facility_id: string;
    tag: string;
    tagged_by: string | null;
    tagged_at: string;
  };
  /**
   * Report counts per survey version, facility, quarter and breakdown: dimension '' is
   * every response; otherwise 'language', 'mode', 'source' or a demographic question's id,
   * with dimension_value the response's value ('_none' when not given). Updated in the
   * same transaction as the responses they count.
   */
  report_cells: {
    survey_id: string;
    facility_id: string;
    /** "2026-Q3", in the facility's time zone. */
    period: string;
    dimension: string;
    dimension_value: string;
    question_id: string;
    answer_value: string;
    survey_version: number;
    count: number;
  };
  staff_facilities: {
    staff_id: string;
    facility_id: string;
  };
  organisation_keys: {
    key_id: string;
    organisation_id: string;
    public_jwk: string;
    /** PKCS#8 PEM of the private key; it never leaves the server. */
    private_pkcs8: string;
    created_at: string;
    retired_at: string | null;
  };
}
