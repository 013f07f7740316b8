import type { Page } from 'playwright-core';
import type { Answers, AnswerValue } from '../../../src/survey/answers.ts';
import { PREFER_NOT_TO_ANSWER } from '../../../src/survey/answers.ts';
import { languageInfo } from '../../../src/survey/languages.ts';
import { localize } from '../../../src/survey/localize.ts';
import { ratingRange } from '../../../src/survey/scales.ts';
import type { Question, SurveyDefinition } from '../../../src/survey/schema.ts';
import { visibleQuestions } from '../../../src/survey/visibleQuestions.ts';
import { loadLocale, type Translate } from './builtIns.ts';

/** What to answer: a value, PREFER_NOT_TO_ANSWER, or undefined to skip (optional questions). */
export type AnswerScript = (question: Question) => AnswerValue | undefined;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Drives the kiosk the way a person with a screen reader would: by role and accessible name. */
export class KioskDriver {
  readonly t: Translate;
  constructor(readonly page: Page, readonly survey: SurveyDefinition, readonly language: string) {
    this.t = loadLocale(language);
  }

  async startFromAttract(deviceLanguage = 'en'): Promise<void> {
    const device = loadLocale(deviceLanguage);
    await this.page.getByRole('button', { name: device('attract.start') }).click();
    await this.page.getByRole('button', { name: languageInfo(this.language).nativeName }).click();
    await this.page.getByRole('heading', { name: this.t('consent.title') }).waitFor();
    await this.page.getByRole('button', { name: this.t('consent.agree') }).click();
  }

  private optionName(question: Question, value: AnswerValue): string {
    const t = this.t;
    switch (question.kind) {
      case 'yesno':
        return t(value ? 'answer.yes' : 'answer.no');
      case 'single':
      case 'multi':
        return localize(question.choices.find((c) => c.value === value)!.label, this.language, this.survey.defaultLanguage);
      case 'rating': {
        const { min, max } = ratingRange(question.scale);
        const edge = value === min ? question.minLabel : value === max ? question.maxLabel : undefined;
        return edge ? t('answer.ratingValueWithLabel', { value: value as number, label: localize(edge, this.language, 'en') }) : t('answer.ratingValue', { value: value as number });
      }
      case 'faces':
        return t(`faces.${question.faces}.${value as number}`);
      case 'expectation':
        return t(`expectation.${value as string}`);
      case 'compliance':
        return t(`compliance.${value as string}`);
      default:
        throw new Error(`no option buttons for ${question.kind}`);
    }
  }

  /** Gives one answer on the current screen. */
  async give(question: Question, value: AnswerValue): Promise<void> {
    const page = this.page;
    if (value === PREFER_NOT_TO_ANSWER) {
      await page.getByRole('button', { name: this.t('answer.preferNot') }).click();
    } else if (question.kind === 'spoken') {
      throw new Error('a spoken answer is a recording: skip it in the script and call recordSpoken()');
    } else if (question.kind === 'text') {
      await page.getByRole('textbox', { name: localize(question.text, this.language, 'en') }).fill(value as string);
    } else if (question.kind === 'multi') {
      for (const choice of value as string[]) await page.getByRole('checkbox', { name: this.optionName(question, choice), exact: true }).click();
    } else {
      await page.getByRole('radio', { name: this.optionName(question, value), exact: true }).click();
    }
  }

  /**
   * Leaves a spoken comment on the current (spoken) question: agrees to its consent line,
   * records for about `ms` (Chromium's fake microphone: --use-fake-device-for-media-stream),
   * stops and keeps it, and waits until the kiosk says it is kept.
   */
  async recordSpoken(ms = 2000): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: this.t('spoken.agree') }).click();
    await page.getByRole('button', { name: this.t('spoken.record') }).click();
    await page.getByRole('button', { name: this.t('spoken.stop') }).waitFor();
    await page.waitForTimeout(ms);
    await page.getByRole('button', { name: this.t('spoken.stop') }).click();
    await page.getByRole('button', { name: this.t('spoken.keep') }).click();
    await page.getByText(this.t('spoken.kept')).waitFor();
  }

  async goOn(): Promise<void> {
    const names = ['nav.next', 'nav.skip', 'nav.finish'].map((k) => escape(this.t(k)));
    await this.page.getByRole('button', { name: new RegExp(`^(${names.join('|')})`) }).click();
  }

  async expectQuestion(question: Question): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: localize(question.text, this.language, 'en'), exact: true }).waitFor({ timeout: 10_000 });
  }

  /**
   * Answers questions in order, checking each screen shows the question the definition
   * says comes next, and moves on after each, finishing the survey; with `stopAfter`,
   * stays on that many-th question once answered. Returns what was tapped.
   */
  async answerQuestions(script: AnswerScript, stopAfter = Infinity): Promise<Answers> {
    const answers: Answers = {};
    for (let index = 0; index < stopAfter; index++) {
      const placed = visibleQuestions(this.survey, answers)[index];
      if (!placed) break;
      const question = placed.question;
      await this.expectQuestion(question);
      const value = script(question);
      if (value !== undefined) {
        await this.give(question, value);
        answers[question.id] = value;
      }
      if (index + 1 < stopAfter) await this.goOn();
    }
    return answers;
  }
}

/** The tablet's spoken-comment rows, with the size of their bytes instead of the bytes. */
export async function readSpokenClips(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sayso');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const request = db.transaction('spokenClips').objectStore('spokenClips').getAll();
      request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.map((row) => {
      const described: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        described[key] = value instanceof ArrayBuffer ? { bytes: value.byteLength, head: Array.from(new Uint8Array(value.slice(0, 4))) } : value;
      }
      return described;
    });
  });
}

/** Reads every response and outbox entry back from the tablet's IndexedDB. */
export async function readTabletStore(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sayso');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const result = {
      responses: await all<{ id: string; status: string; language: string; surveyId: string; answers?: Record<string, unknown>; closedReason?: string }>('responses'),
      outbox: await all<{ responseId: string }>('outbox'),
    };
    db.close();
    return result;
  });
}
