import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { COMMENT_TAGS, type CommentTag } from '../../survey/reportTypes.ts';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../auth/staffAuth.ts';
import { commentQuestions } from '../comments/commentQuestions.ts';
import { parseCommentId } from '../comments/commentId.ts';
import { listComments, type CommentFilter } from '../comments/listComments.ts';
import { tagComment } from '../comments/tagComment.ts';
import type { Database } from '../db/schema.ts';
import { loadSurveyVersions } from '../exports/loadSurveyVersions.ts';
import { singleParam } from '../exports/singleParam.ts';
import { apiError } from '../http/apiError.ts';
import { parseFacilityQuery } from '../reports/parseReportQuery.ts';

export interface CommentRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

const TagChange = v.strictObject({
  tag: v.nullable(v.picklist(COMMENT_TAGS, `must be one of ${COMMENT_TAGS.join(', ')}, or null to clear it`)),
});

/** GET /reports/comments and PUT /reports/comments/:id/tag (docs/staff-api.md). */
export function commentRoutes(options: CommentRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });

  app.get('/reports/comments', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const raw = c.req.queries();
    const parsed = parseFacilityQuery(raw);
    if (!parsed.ok) return apiError(c, 400, 'invalid_query', parsed.message);
    const { period } = parsed.query;
    if (!('quarter' in period)) return apiError(c, 400, 'invalid_query', 'period must be a quarter such as 2026-Q3: comments are listed by quarter, not by date range');
    const filter: CommentFilter = {};
    for (const name of ['question', 'tag', 'q'] as const) {
      const param = singleParam(raw, name);
      if (!param.ok) return apiError(c, 400, 'invalid_query', param.message);
      if (param.value === undefined) continue;
      if (name === 'question') filter.questionId = param.value;
      else if (name === 'q') filter.search = param.value;
      else if (param.value === 'none' || (COMMENT_TAGS as readonly string[]).includes(param.value)) filter.tag = param.value as CommentTag | 'none';
      else return apiError(c, 400, 'invalid_query', `tag must be one of ${COMMENT_TAGS.join(', ')} or none`);
    }

    const staff = c.get('staff');
    const facility = await visibleFacility(db, staff, parsed.query.facility);
    if (!facility) return apiError(c, 404, 'unknown_facility', 'no such facility among yours');
    const versions = await loadSurveyVersions(db, staff.organisationId, parsed.query.survey);
    if (versions.length === 0) return apiError(c, 404, 'unknown_survey', 'no such survey in your organisation');
    if (filter.questionId !== undefined && !commentQuestions(versions).has(filter.questionId)) {
      return apiError(c, 400, 'invalid_query', `question must be a free-text question of ${parsed.query.survey}`);
    }
    const list = await listComments(db, {
      organisationId: staff.organisationId, versions, period: period.quarter, filter,
      facility: { id: facility.id, name: facility.name, timeZone: facility.time_zone },
    });
    c.header('Cache-Control', 'no-store');
    return c.json(list);
  });

  app.put('/reports/comments/:id/tag', signedIn, requireRole('admin', 'manager'), async (c) => {
    const body = await readStaffBody(c, TagChange);
    if (!body.ok) return body.response;
    const staff = c.get('staff');
    const unknown = () => apiError(c, 404, 'unknown_comment', 'no such comment among your facilities');
    const ref = parseCommentId(c.req.param('id'));
    if (!ref) return unknown();
    // Another facility's comment looks like one that does not exist, so ids cannot be probed.
    const facility = await visibleFacility(db, staff, ref.facilityId);
    if (!facility) return unknown();
    const tagged = await tagComment(db, {
      organisationId: staff.organisationId, facility: { id: facility.id, timeZone: facility.time_zone }, ref, tag: body.body.tag, staffId: staff.id,
    }, now());
    if (!tagged) return unknown();
    return c.json({ id: c.req.param('id'), tag: body.body.tag });
  });

  return app;
}
