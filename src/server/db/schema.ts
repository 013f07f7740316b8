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
    /** Days the sound of a spoken comment is kept (1 to 730); its transcript stays. */
    spoken_retention_days: Generated<number>;
    /** 1: every keyed paper sheet waits for a second, blind keying by someone else before it counts. */
    paper_double_entry: Generated<number>;
  };
  facilities: {
    id: string;
    organisation_id: string;
    name: string;
    /** IANA zone: reporting periods follow it. */
    time_zone: string;
    created_at: string;
    /** JSON list of the language codes tablets cache audio for; null: all launch languages. */
    languages: string | null;
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
    /** JSON SealedKey of a sealed response: its wrapped content key opens its spoken comments. */
    sealed_key: string | null;
    /** The wave the response belongs to (a tablet in a wave's facility and dates, or an invitation); null: none. */
    wave_id: string | null;
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
    /** Typed on a tablet before the personal PIN; unique in the organisation, given when a PIN is first set. */
    tablet_number: number | null;
    /** Opaque reference ("sr_…") assisted responses carry instead of the staff id. */
    tablet_ref: string | null;
    /** JSON {salt, hash, iterations} of the tablet PIN (src/survey/staffPins.ts); null: no PIN. */
    pin_verifier: string | null;
    pin_set_at: string | null;
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
  /** A recorded prompt clip of an organisation; the current one per (key, language) has no replaced_at. */
  media_clips: {
    /** 128 random bits, base64url: the URL is unguessable, so GET /media/:id needs no sign-in. */
    id: string;
    organisation_id: string;
    prompt_key: string;
    language: string;
    mime: string;
    audio: Uint8Array;
    byte_length: number;
    sha256: string;
    text_hash: string;
    duration_ms: number;
    /** The recorder's UUID: a retry with it is a duplicate (unique per organisation). */
    client_clip_id: string;
    recorded_by_kind: 'device' | 'staff';
    /** Enrollment or staff id, for accountability; never sent to tablets. */
    recorded_by: string;
    created_at: string;
    replaced_at: string | null;
  };
  /** A respondent's recorded comment, sealed with its response's content key; the sound goes after retention. */
  spoken_comments: {
    /** Opaque (128 random bits): staff see this, never the response id. */
    id: string;
    response_id: string;
    question_id: string;
    organisation_id: string;
    facility_id: string;
    survey_id: string;
    /** "2026-Q3": the response's quarter in the facility's time zone, as comments are listed. */
    period: string;
    client_clip_id: string;
    mime: string;
    /** AES-GCM IV, base64url. */
    iv: string;
    /** Ciphertext with its 16-byte tag; null once retention deleted the sound. */
    audio: Uint8Array | null;
    byte_length: number;
    /** SHA-256 of the ciphertext, hex: tells a retry from a different clip. */
    sha256: string;
    duration_ms: number;
    received_at: string;
    audio_deleted_at: string | null;
    transcript: string | null;
    transcribed_at: string | null;
  };
  /** Who assisted an assisted response, for accountability; kept apart from the response and its exports. */
  response_assistants: {
    response_id: string;
    organisation_id: string;
    staff_ref: string;
    staff_id: string | null;
    received_at: string;
  };
  /** A mediator's observations on one response, opened from the tablet's sealed note; listed apart from answers. */
  mediator_notes: {
    /** Opaque (128 random bits): staff see this, never the response id. */
    id: string;
    response_id: string;
    organisation_id: string;
    facility_id: string;
    survey_id: string;
    /** "2026-Q3", the response's quarter in the facility's time zone. */
    period: string;
    text: string;
    received_at: string;
  };
  /** Respondents who withdrew ("I changed my mind"): a count per tablet, survey and quarter, nothing else. */
  withdrawal_counts: {
    enrollment_id: string;
    facility_id: string;
    survey_id: string;
    period: string;
    /** The tablet's running total for this survey and quarter: a resend sets it again (idempotent). */
    count: number;
    updated_at: string;
  };
  paper_serial_counters: { facility_id: string; next_serial: number };
  /** A printed run of numbered sheets: serials first_serial .. first_serial + count - 1 of one facility. */
  paper_batches: {
    id: string; organisation_id: string; facility_id: string; survey_id: string; survey_version: number; language: string;
    first_serial: number; count: number; created_by: string; created_at: string;
  };
  /** A sheet that became a response (id = UUID v5 of facility, survey, serial). */
  paper_sheets: {
    response_id: string; organisation_id: string; facility_id: string; survey_id: string; serial: number;
    via: 'keyed' | 'import'; entered_by: string; checked_by: string | null; import_id: string | null;
    /** JSON list of question ids whose mark could not be read. */
    unreadable: string; received_at: string;
  };
  /** One keying of a sheet under double entry, kept until the sheet is final. */
  paper_entries: {
    id: string; organisation_id: string; facility_id: string; survey_id: string; survey_version: number; language: string;
    serial: number; filled_on: string; answers: string; unreadable: string; content_hash: string; entered_by: string;
    keyed_at: string; received_at: string;
  };
  paper_mismatches: {
    id: string; organisation_id: string; facility_id: string; survey_id: string; serial: number;
    first_entry_id: string; second_entry_id: string; created_at: string; resolved_at: string | null; resolved_by: string | null;
  };
  paper_imports: {
    id: string; organisation_id: string; facility_id: string; survey_id: string; survey_version: number; staff_id: string | null;
    file_name: string; file_sha256: string; rows: number; imported: number; duplicates: number; rejected: number; created_at: string;
  };
  /** The draft a designer is editing: any JSON object (it is checked only when published), saved with a revision for optimistic concurrency. */
  survey_drafts: {
    organisation_id: string; survey_id: string; definition: string; revision: number;
    /** "blank", "template:<id>", "xlsform:<file name>" or "version:<n>". */
    origin: string; based_on_version: number | null; updated_by: string; updated_at: string;
  };
  /** A survey version run in chosen facilities from starts_on to ends_on (local days, inclusive). */
  waves: {
    id: string; organisation_id: string; name: string; survey_id: string; survey_version: number;
    starts_on: string; ends_on: string;
    /** Who is invited, in staff's words ("residents staying two months or more"). */
    eligibility: string; min_stay_days: number | null;
    created_by: string; created_at: string; cancelled_at: string | null;
  };
  /** A facility in a wave, with the residents eligible there (the base of its participation rate). */
  wave_facilities: { wave_id: string; facility_id: string; eligible_residents: number | null };
  invitation_batches: { id: string; wave_id: string; facility_id: string; count: number; created_by: string; created_at: string };
  /** A single-use invitation: only the code's hash, and the local day it was used (never the response). */
  invitation_codes: { code_hash: string; batch_id: string; wave_id: string; facility_id: string; used_on: string | null };
}
