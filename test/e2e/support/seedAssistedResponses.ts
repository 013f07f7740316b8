import type { Answers } from '../../../src/survey/answers.ts';
import type { Assistance, ResponseEnvelope } from '../../../src/survey/responseEnvelope.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { validateAnswers } from '../../../src/survey/validateAnswers.ts';
import { createDatabase } from '../../../src/server/db/createDatabase.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { signedResponse } from '../../server/support/signedResponse.ts';
import { residentAnswers, type EnrolledTablet } from './seedStaffResults.ts';

/** One more staff account, written before the server opens the file (seedOrganisation's sibling). */
export async function addStaffAccount(
  dbPath: string,
  account: { organisationId: string; email: string; password: string; role: 'mediator' | 'inspector' | 'designer' | 'analyst' | 'manager' | 'admin'; facilityIds?: string[] },
): Promise<{ email: string; password: string }> {
  const database = createDatabase({ sqlitePath: dbPath });
  try {
    await createStaff(database.db, { organisationId: account.organisationId, email: account.email, password: account.password, role: account.role, facilityIds: account.facilityIds ?? [] });
    return { email: account.email, password: account.password };
  } finally {
    await database.close();
  }
}

/** How one assisted response was helped; the note, when given, goes as text (a tablet with no organisation key). */
export interface AssistedPlan {
  assistance: Assistance;
  notes?: string;
}

/**
 * Complete resident responses in mode 'assisted', one per plan, signed by the tablet: answers
 * as residentAnswers gives them (room satisfied for the first `roomYes`), reported on the
 * given days. Returns the envelopes and what each answered.
 */
export async function assistedResponses(
  survey: SurveyDefinition,
  tablet: EnrolledTablet,
  plan: { helped: AssistedPlan[]; roomYes: number; days: string[]; language?: string },
): Promise<{ envelopes: ResponseEnvelope[]; answers: Answers[] }> {
  const envelopes: ResponseEnvelope[] = [];
  const given: Answers[] = [];
  for (const [n, helped] of plan.helped.entries()) {
    const answers = residentAnswers(survey, n, plan.roomYes);
    const problems = validateAnswers(survey, answers, 'complete');
    if (problems.length) throw new Error(`assisted seed response ${n} breaks the survey: ${JSON.stringify(problems.slice(0, 3))}`);
    const day = plan.days[n % plan.days.length]!;
    const completedAt = `${day}T${String(10 + (n % 6)).padStart(2, '0')}:${String((n * 11) % 60).padStart(2, '0')}:00.000Z`;
    envelopes.push(
      await signedResponse(tablet, {
        surveyId: survey.id,
        surveyVersion: survey.version,
        answers,
        status: 'complete',
        mode: 'assisted',
        assistance: helped.assistance,
        ...(helped.notes ? { mediatorNotes: { text: helped.notes } } : {}),
        language: plan.language ?? 'ar',
        startedAt: new Date(Date.parse(completedAt) - 12 * 60_000).toISOString(),
        completedAt,
      }),
    );
    given.push(answers);
  }
  return { envelopes, answers: given };
}

/** PUT /api/v1/device/withdrawals, as a tablet reports its running totals. */
export async function sendWithdrawals(serverUrl: string, tablet: EnrolledTablet, counts: Array<{ surveyId: string; period: string; count: number }>): Promise<void> {
  const response = await fetch(`${serverUrl}/api/v1/device/withdrawals`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tablet.token}` },
    body: JSON.stringify({ counts }),
  });
  if (response.status !== 200) throw new Error(`withdrawals answered ${response.status}: ${await response.text()}`);
}
