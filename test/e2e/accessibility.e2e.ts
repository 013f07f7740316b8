import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/survey/answers.ts';
import type { Question } from '../../src/survey/schema.ts';
import { visibleQuestions } from '../../src/survey/visibleQuestions.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { KioskDriver } from './support/kioskDriver.ts';
import { putDeviceSetting, waitForAppDatabase } from './support/promptFixtures.ts';
import { seriousAxeFindings, type AxeFinding } from './support/runAxe.ts';
import { touchTargetProblems, type TouchTargetProblem } from './support/touchTargets.ts';
import { useAppInBrowser } from './support/useAppInBrowser.ts';

const resident = loadBuiltInSurvey('resident-satisfaction');
const centre = loadBuiltInSurvey('centre-satisfaction');
const children = loadBuiltInSurvey('children-satisfaction');

describe('accessibility of every kiosk screen (axe-core, WCAG 2.2 AA; touch targets ≥ 48 px, 8 px apart)', () => {
  const env = useAppInBrowser();

  for (const language of ['en', 'ar']) {
    it(`has no serious or critical violation in ${language}`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.clock.install();
      const findings: Record<string, AxeFinding[]> = {};
      const targets: Record<string, TouchTargetProblem[]> = {};
      const en = loadLocale('en');
      const tl = loadLocale(language);
      /** Respondent screens also carry the large replay button (meaning by a speaker pictogram). */
      const check = async (screen: string, respondent = true) => {
        findings[screen] = await seriousAxeFindings(page);
        targets[screen] = await touchTargetProblems(page);
        if (respondent) {
          const replay = page.getByRole('button', { name: new RegExp(`^(${en('audio.replay')}|${tl('audio.replay')})$`) });
          expect(await replay.count(), `replay button on ${screen}`).toBeGreaterThanOrEqual(1);
          const box = await replay.last().boundingBox();
          expect(Math.min(box!.width, box!.height), `replay button size on ${screen}`).toBeGreaterThanOrEqual(64);
        }
      };

      await page.goto(`${env.server.url}/?survey=resident-satisfaction`);
      await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
      await check('attract');
      await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
      await check('language');

      const driver = new KioskDriver(page, resident, language);
      const t = driver.t;
      await page.getByRole('button', { name: driver.language === 'ar' ? 'العربية' : 'English' }).click();
      await page.getByRole('heading', { name: t('consent.title') }).waitFor();
      await check('consent');
      await page.getByRole('button', { name: t('consent.agree') }).click();

      // One screen of each kind the resident survey has: yes/no, reasons, 0-10, comment, single choice.
      const seen = new Set<string>();
      const answers: Answers = { 'room.satisfied': false };
      const shown = visibleQuestions(resident, answers);
      for (let i = 0; i < shown.length; i++) {
        const question: Question = shown[i]!.question;
        await driver.expectQuestion(question);
        if (!seen.has(question.kind)) {
          seen.add(question.kind);
          await check(`question ${question.kind}`);
        }
        if (question.id === 'room.satisfied') await driver.give(question, false);
        else if (question.kind === 'yesno') await driver.give(question, true);
        else if (question.kind === 'rating') await driver.give(question, 5);
        else if (question.kind === 'multi') await driver.give(question, [question.choices[0]!.value]);
        if (question.id === 'room.comment') {
          await page.getByRole('button', { name: t('nav.startOver') }).click();
          await check('start-over dialog');
          await page.getByRole('button', { name: t('nav.startOverNo') }).click();
          await page.clock.runFor(91_000);
          await page.getByRole('alertdialog', { name: t('idle.title') }).waitFor();
          await check('idle dialog');
          await page.getByRole('button', { name: t('idle.continue') }).click();
        }
        await driver.goOn();
      }
      await page.getByRole('heading', { name: t('thanks.title') }).waitFor();
      await check('thanks');

      // The expectation scale (centre survey) and a staff message (a survey that does not exist).
      await page.goto(`${env.server.url}/?preview=centre-satisfaction&lang=${language}`);
      await new KioskDriver(page, centre, language).expectQuestion(centre.items[0] as Question);
      await check('question expectation');
      // An information screen and the three faces (children's survey; the preview needs no mediator).
      await page.goto(`${env.server.url}/?preview=children-satisfaction&lang=${language}`);
      const childDriver = new KioskDriver(page, children, language);
      const [intro, firstFaces] = visibleQuestions(children, {});
      await childDriver.expectQuestion(intro!.question);
      await check('info screen');
      await childDriver.goOn();
      await childDriver.expectQuestion(firstFaces!.question);
      await check('question faces');
      await page.goto(`${env.server.url}/?survey=no-such-survey&lang=${language}`);
      await page.getByRole('heading', { name: t('staff.title') }).waitFor();
      await check('staff message', false);

      // "Listen first": a touched answer is marked heard, with a ✓ confirm button beside it.
      await page.goto(`${env.server.url}/?survey=resident-satisfaction`);
      await waitForAppDatabase(page);
      await putDeviceSetting(page, 'audioSettings', { autoplay: true, listenFirst: true, budgetBytes: 150 * 1024 * 1024 });
      await page.reload();
      await driver.startFromAttract();
      await driver.expectQuestion(shown[0]!.question);
      const yes = page.getByRole('radio', { name: t('answer.yes'), exact: true });
      await yes.click();
      await page.getByRole('button', { name: `${t('audio.confirm')}: ${t('answer.yes')}` }).waitFor();
      expect(await yes.getAttribute('aria-checked')).toBe('false');
      await check('question yesno, listen first (heard)');
      await page.getByRole('button', { name: `${t('audio.confirm')}: ${t('answer.yes')}` }).click();
      await driver.goOn();
      await driver.expectQuestion(visibleQuestions(resident, { 'room.satisfied': true })[1]!.question);
      await page.getByRole('radio').nth(3).click();
      await check('question rating, listen first (heard)');

      await context.close();
      expect(Object.keys(findings).length).toBeGreaterThanOrEqual(12);
      expect(Object.entries(findings).filter(([, list]) => list.length > 0)).toEqual([]);
      expect(Object.entries(targets).filter(([, list]) => list.length > 0)).toEqual([]);
    });
  }
});
