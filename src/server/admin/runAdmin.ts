import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../db/createDatabase.ts';
import { createEnrollmentCode, findEnrollment, listEnrollments, revokeEnrollment } from '../queries/enrollments.ts';
import { ingestBatch } from '../queries/ingestBatch.ts';
import { parseRescueFile } from '../../sync/rescueFile.ts';
import { createFacility, createOrganisation, listFacilities, listOrganisations } from '../queries/organisations.ts';
import { purgeExpired } from '../queries/purgeExpired.ts';
import { purgeSpokenAudio } from '../media/purgeSpokenAudio.ts';
import { rotateOrganisationKey } from '../queries/organisationKeys.ts';
import { clearFailedLogins, createStaff, findStaffByEmail, STAFF_ROLES, updateStaffAccount, type StaffRole } from '../queries/staff.ts';
import { deleteSessionsOfStaff } from '../auth/staffSessions.ts';
import { publishSurveyVersion } from '../queries/surveyVersions.ts';
import { rebuildReportCells } from '../reports/rebuildReportCells.ts';
import { whoAssisted } from '../queries/whoAssisted.ts';
import { makeSecret } from '../../survey/responseMac.ts';
import { importPaperFile } from '../paper/import/importPaperFile.ts';
import { importXlsformFiles } from '../xlsform/importXlsformCommand.ts';
import { exportXlsformFile } from '../xlsform/exportXlsformCommand.ts';
import { xlsformOptions } from '../xlsform/xlsformOptions.ts';

export const ADMIN_HELP = `Sayso administration: npm run admin -- <command> [options]

Commands:
  create-organisation --name NAME [--retention-days DAYS]
  create-facility --organisation ID --name NAME --time-zone ZONE      (IANA zone, e.g. Europe/Brussels)
  create-staff --organisation ID --email EMAIL --role ROLE [--facility ID]... [--password-stdin]
                                   roles: ${STAFF_ROLES.join(', ')}; prints a generated password unless --password-stdin
  set-password --email EMAIL [--password-stdin]                       (prints a generated password unless --password-stdin; lifts a lock, ends the account's sessions)
  unlock-staff --email EMAIL                                          (lifts the lock after 5 wrong passwords before its 15 minutes are up)
  create-enrollment-code --facility ID [--valid-minutes MINUTES]     (default 1440, one day)
  list-organisations
  list-facilities [--organisation ID]
  list-devices [--organisation ID]
  revoke-device --device ID                                           (the tablet gets 401 and keeps its data)
  publish-survey FILE --organisation ID                               (a new immutable version)
  backup FILE                                                         (SQLite online backup; PostgreSQL: use pg_dump)
  purge-expired                                                       (deletes data past each organisation's retention)
  purge-spoken                                                        (deletes the sound of spoken comments past each organisation's spoken retention, keeps transcripts; the server also does it hourly)
  import-rescue FILE                                                  (a tablet's rescue file; counts each response once, like a sync)
  import-xlsform FILE... [--dry-run] [--organisation ID] [--id SURVEY_ID] [--languages en,fr] [--json]
                                   (XLSForm .xlsx or .xls, docs/xlsform.md; prints every problem by sheet, row and column, then the
                                   survey made; publishes each publishable one as a new version unless --dry-run; exit 1 if any is not)
  export-xlsform --organisation ID --survey ID [--version N] --out FILE   (a published version, the latest by default, as an XLSForm .xlsx)
  import-paper FILE --facility ID [--dry-run] [--only-clean]          (CSV or XLSX of paper answers, docs/paper-import.md; prints every problem by row and column; --only-clean imports the clean rows despite others' problems)
  rotate-key --organisation ID                                        (tablets seal to the new key from their next bundle; old keys still open older responses)
  rebuild-report-cells [--force]                                      (counts stored responses into empty report cells; --force recounts all, losing purged ones)
  who-assisted RESPONSE_ID                                            (the account whose tablet PIN opened mediator mode for an assisted response: email and role)
  --help

The database is the server's: DATABASE_URL (PostgreSQL) or SAYSO_DB (SQLite file, default data/sayso.db).
Add --json to any list command for machine-readable output.`;

export class AdminUsageError extends Error {}

type Output = { log: (line: string) => void };

const OPTIONS = {
  name: { type: 'string' }, 'retention-days': { type: 'string' }, organisation: { type: 'string' }, 'time-zone': { type: 'string' },
  email: { type: 'string' }, role: { type: 'string' }, facility: { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' },
  'valid-minutes': { type: 'string' }, device: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'only-clean': { type: 'boolean' },
  id: { type: 'string' }, languages: { type: 'string' }, survey: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' },
} as const;

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new AdminUsageError(`--${name} is required`);
  return value.trim();
}

function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new AdminUsageError(`--${name} must be a whole number above 0`);
  return n;
}

/** Runs one admin command against a database; throws AdminUsageError for a wrong call. */
export async function runAdmin(argv: string[], database: DatabaseHandle, out: Output, stdin: () => string = () => readFileSync(0, 'utf8')): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AdminUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const db = database.db;
  const print = (rows: unknown[], line: (row: never) => string) => {
    if (values.json) out.log(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) out.log('(none)');
    else for (const row of rows) out.log(line(row as never));
  };

  if (values.help || !command) {
    out.log(ADMIN_HELP);
    return;
  }
  switch (command) {
    case 'create-organisation': {
      const org = await createOrganisation(db, { name: required(values, 'name'), retentionDays: positiveInteger(values['retention-days'], 'retention-days') ?? null });
      out.log(`Created organisation ${org.id} "${org.name}"`);
      return;
    }
    case 'create-facility': {
      const facility = await createFacility(db, { organisationId: required(values, 'organisation'), name: required(values, 'name'), timeZone: required(values, 'time-zone') });
      out.log(`Created facility ${facility.id} "${facility.name}" (${facility.time_zone})`);
      return;
    }
    case 'create-staff': {
      const role = required(values, 'role');
      if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new AdminUsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
      const password = values['password-stdin'] ? stdin().trim() : makeSecret().slice(0, 20);
      const staff = await createStaff(db, { organisationId: required(values, 'organisation'), email: required(values, 'email'), role: role as StaffRole, password, facilityIds: values.facility ?? [] });
      out.log(`Created ${staff.role} ${staff.email} (${staff.id})`);
      if (!values['password-stdin']) out.log(`Password (shown once): ${password}`);
      return;
    }
    case 'set-password':
    case 'unlock-staff': {
      const email = required(values, 'email');
      const staff = await findStaffByEmail(db, email);
      if (!staff) throw new AdminUsageError(`no staff account ${email}`);
      if (command === 'unlock-staff') {
        await clearFailedLogins(db, staff.id);
        out.log(`Unlocked ${staff.email}: it may sign in again now`);
        return;
      }
      const password = values['password-stdin'] ? stdin().trim() : makeSecret().slice(0, 20);
      if (password.length < 12) throw new AdminUsageError('the password must have at least 12 characters');
      await updateStaffAccount(db, staff.id, { password });
      await deleteSessionsOfStaff(db, staff.id);
      out.log(`Set a new password for ${staff.email}; its sessions were ended`);
      if (!values['password-stdin']) out.log(`Password (shown once): ${password}`);
      return;
    }
    case 'create-enrollment-code': {
      const facilities = values.facility ?? [];
      if (facilities.length !== 1) throw new AdminUsageError('--facility is required, once');
      const { code, expiresAt } = await createEnrollmentCode(db, { facilityId: facilities[0]!, validMinutes: positiveInteger(values['valid-minutes'], 'valid-minutes') });
      out.log(`Enrollment code ${code}, valid until ${expiresAt}, for one tablet`);
      return;
    }
    case 'list-organisations':
      print(await listOrganisations(db), (o: { id: string; name: string; retention_days: number | null }) => `${o.id}  ${o.name}  retention: ${o.retention_days ?? 'kept'} days`);
      return;
    case 'list-facilities':
      print(await listFacilities(db, values.organisation), (f: { id: string; name: string; time_zone: string }) => `${f.id}  ${f.name}  ${f.time_zone}`);
      return;
    case 'list-devices':
      print(await listEnrollments(db, values.organisation), (d: { id: string; name: string; facility_name: string; last_seen_at: string | null; revoked_at: string | null }) =>
        `${d.id}  ${d.name}  at ${d.facility_name}  last sync: ${d.last_seen_at ?? 'never'}${d.revoked_at ? `  REVOKED ${d.revoked_at}` : ''}`);
      return;
    case 'revoke-device': {
      const id = required(values, 'device');
      if (!(await revokeEnrollment(db, id))) throw new AdminUsageError(`no active device ${id} (see list-devices)`);
      out.log(`Revoked device ${id}: it gets 401 from now on and keeps its data until it is enrolled again`);
      return;
    }
    case 'publish-survey': {
      const file = rest[0];
      if (!file) throw new AdminUsageError('publish-survey needs a FILE');
      let definition: unknown;
      try {
        definition = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new AdminUsageError(`cannot read ${file} as JSON: ${(error as Error).message}`);
      }
      const survey = await publishSurveyVersion(db, { organisationId: required(values, 'organisation'), definition });
      out.log(`Published ${survey.id} version ${survey.version}; tablets get it with their next bundle`);
      return;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) throw new AdminUsageError('backup needs a FILE to write');
      if (!database.sqlite) {
        throw new AdminUsageError('on PostgreSQL, back up with pg_dump, e.g.: pg_dump --format=custom --file=sayso.dump "$DATABASE_URL" (restore with pg_restore)');
      }
      await database.sqlite.backup(file);
      out.log(`Backed up ${database.describe} to ${file} (online: the server may keep running)`);
      return;
    }
    case 'purge-expired': {
      const report = await purgeExpired(db);
      if (report.length === 0) out.log('No organisation has a retention period: nothing deleted');
      for (const r of report) out.log(`Organisation ${r.organisationId}: deleted ${r.responses} responses and ${r.quarantined} quarantined items past retention`);
      return;
    }
    case 'purge-spoken': {
      const report = await purgeSpokenAudio(db);
      for (const r of report.organisations) out.log(`Organisation ${r.organisationId}: deleted the sound of ${r.sounds} spoken comments past retention (transcripts kept)`);
      out.log(`Also dropped ${report.orphans} spoken comments of deleted responses and ${report.replacedClips} prompt clips replaced over 30 days ago`);
      return;
    }
    case 'import-rescue': {
      const file = rest[0];
      if (!file) throw new AdminUsageError('import-rescue needs a FILE');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AdminUsageError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const parsed = parseRescueFile(text);
      if (!parsed.ok) throw new AdminUsageError(`${file} ${parsed.message}`);
      const device = await findEnrollment(db, parsed.file.enrollmentId);
      if (!device) throw new AdminUsageError(`${file} comes from enrollment ${parsed.file.enrollmentId}, which this database does not know`);
      const counts = { accepted: 0, duplicate: 0, rejected: 0 };
      for (let i = 0; i < parsed.file.responses.length; i += 200) {
        for (const result of await ingestBatch(db, { device, items: parsed.file.responses.slice(i, i + 200) })) counts[result.status] += 1;
      }
      out.log(`Imported ${file}: ${counts.accepted} new, ${counts.duplicate} already received, ${counts.rejected} refused (see the quarantine)`);
      return;
    }
    case 'import-paper': {
      const file = rest[0];
      if (!file) throw new AdminUsageError('import-paper needs a FILE (CSV or XLSX)');
      const facilities = values.facility ?? [];
      if (facilities.length !== 1) throw new AdminUsageError('--facility is required, once');
      await importPaperFile(db, { file, facilityId: facilities[0]!, dryRun: values['dry-run'] === true, onlyClean: values['only-clean'] === true }, out);
      return;
    }
    case 'import-xlsform': {
      if (rest.length === 0) throw new AdminUsageError('import-xlsform needs at least one FILE (.xlsx or .xls)');
      const dryRun = values['dry-run'] === true;
      if (!dryRun && !values.organisation) throw new AdminUsageError('--organisation is required to publish (or add --dry-run to only check)');
      if (values.id !== undefined && rest.length > 1) throw new AdminUsageError('--id goes with one FILE only: several files would become versions of one survey');
      const options = xlsformOptions({ surveyId: values.id, languages: values.languages });
      if (!options.ok) throw new AdminUsageError(options.message);
      await importXlsformFiles(db, { files: rest, dryRun, organisationId: values.organisation, ...options.options, json: values.json === true }, out);
      return;
    }
    case 'export-xlsform':
      await exportXlsformFile(db, { organisationId: required(values, 'organisation'), surveyId: required(values, 'survey'), version: positiveInteger(values.version, 'version'), out: required(values, 'out') }, out.log);
      return;
    case 'rotate-key': {
      const key = await rotateOrganisationKey(db, required(values, 'organisation'));
      out.log(`New sealing key ${key.keyId}; tablets use it from their next bundle, older keys are kept to open what was sealed under them`);
      return;
    }
    case 'rebuild-report-cells': {
      const result = await rebuildReportCells(db, { force: values.force === true });
      out.log(result.rebuilt
        ? `Counted ${result.responses} responses into ${result.cells} report cells`
        : 'Report cells already hold counts (or there are no responses): nothing done; --force recounts them from the stored responses');
      return;
    }
    case 'who-assisted': {
      const responseId = rest[0];
      if (!responseId) throw new AdminUsageError('who-assisted needs a RESPONSE_ID');
      const found = await whoAssisted(db, responseId);
      if (!found) throw new AdminUsageError(`no assistant is recorded for response ${responseId} (not assisted, sent without a staff reference, or unknown)`);
      if (values.json) out.log(JSON.stringify(found, null, 2));
      else if (found.email === null) out.log(`Response ${responseId} was assisted by staff reference ${found.staffRef}, which no account holds now`);
      else out.log(`Response ${responseId} was assisted by ${found.email} (${found.role})${found.disabled ? ', an account since disabled' : ''}`);
      return;
    }
    default:
      throw new AdminUsageError(`unknown command "${command}" (see --help)`);
  }
}
